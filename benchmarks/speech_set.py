"""The real French speech set in ../shared/speech-fr (manifest with transcripts), shared by
the speech benchmarks (run as scripts: this folder is on sys.path)."""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT.parent / "shared" / "speech-fr"
sys.path.insert(0, str(ROOT))


@dataclass
class Clip:
    path: Path
    duration: float
    transcript: str


def clips(count: int | None = None) -> list[Clip]:
    """All clips, or `count` of them spread evenly over the manifest (every source)."""
    manifest = SPEECH / "manifest.tsv"
    if not manifest.exists():
        raise SystemExit(f"jeu de parole introuvable : {manifest}")
    with manifest.open(encoding="utf-8") as handle:
        rows = [Clip(SPEECH / r["file"], float(r["duration_s"]), r["transcript"])
                for r in csv.DictReader(handle, delimiter="\t")]
    if count is None or count >= len(rows):
        return rows
    step = len(rows) / count
    return [rows[int(i * step)] for i in range(count)]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]
