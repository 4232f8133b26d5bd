"""Repliq's grades against the examiner's on a calibration set (issue 14).

    PYTHONPATH=. .venv/bin/python tools/calibration/measure.py [tests/data/calibration/aveugle-1]

Per scenario: rank correlation of the /20 marks, mean absolute gap, gaming cases more than
2 points above the examiner, criteria within one level; then each student's two marks and the
criteria more than one level apart."""

from __future__ import annotations

import sys
from pathlib import Path

from scoring.calibration import report

if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/calibration/aveugle-1")
    print(report(root))
    print(f"\n(reproduire : PYTHONPATH=. .venv/bin/python tools/calibration/measure.py {root})")
