"""How long reading and validating scenario files takes, and how fast hostile files are refused.

Run:  .venv/bin/python benchmarks/scenario_validation.py [--runs N]

Prints the median and the worst of N runs for: each built-in scenario checked with all its
variants, loading the default scenario (what the application does at start-up), listing
every scenario, and refusing an alias bomb and a 50 MB file.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
from pathlib import Path

from timing import measure

from scenarios.catalog import BUILTIN_DIR, DEFAULT_SCENARIO, entries, find
from scenarios.validate import check_file, load_scenario


def big_file(folder: Path) -> Path:
    big = folder / "enorme.yaml"
    with big.open("wb") as handle:
        handle.write(b"titre: " + b"x" * 50_000_000)
    return big


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    print(f"Python {platform.python_version()} on {platform.machine()}, {runs} runs each "
          "(median / worst, milliseconds)")
    rows: list[tuple[str, float, float]] = []
    for path in sorted(BUILTIN_DIR.glob("*.yaml")):
        assert check_file(path) == [], path
        size = path.stat().st_size // 1024
        rows.append((f"check {path.name} ({size} KB, all variants)",
                     *measure(lambda p=path: check_file(p), runs)))
    default = find(DEFAULT_SCENARIO)
    rows.append((f"load {DEFAULT_SCENARIO} (start-up)",
                 *measure(lambda: load_scenario(default), runs)))
    rows.append(("list every scenario", *measure(entries, runs)))
    bomb = Path(__file__).resolve().parent.parent / "tests/data/broken/bombe-alias.yaml"
    with tempfile.TemporaryDirectory() as folder:
        big = big_file(Path(folder))
        rows.append(("refuse alias bomb (9^10 nodes)", *measure(lambda: check_file(bomb), runs)))
        rows.append(("refuse 50 MB file", *measure(lambda: check_file(big), runs)))
    width = max(len(label) for label, _, _ in rows)
    for label, median, worst in rows:
        print(f"  {label.ljust(width)}  {median:8.1f}  {worst:8.1f}")


if __name__ == "__main__":
    main()
