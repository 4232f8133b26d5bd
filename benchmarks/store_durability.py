"""Cost of durability: one committed turn with `PRAGMA synchronous = FULL` versus `NORMAL`,
both in WAL mode, on a real file (never :memory:, whose commits cost nothing).

Run:  .venv/bin/python benchmarks/store_durability.py [--turns N] [--runs R] [--dossier D]

Each run records one session of N turns through store.sessions.Recorder (one commit per
turn, as in `repliq run`) in a fresh base in D (default: the folder of the default base if it
exists, else the temporary folder). Prints, per setting, the median and the 95th percentile
of one turn over all runs, and the median time of a whole run. On tmpfs fsync does nothing:
the script says so, measure on the disk the base lives on.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bot.turn_record import Role, TurnRecord
from store.db import default_path, open_db
from store.sessions import Recorder

STATE = {"mood": 52, "patience": 61, "phase": "decouverte", "events": ["prix_annonce"] * 8,
         "facts": {f"fait-{i}": i % 2 == 0 for i in range(20)}}


def filesystem(folder: Path) -> str:
    """The type of the filesystem holding `folder` (Linux), for the printed figures."""
    try:
        mounts = Path("/proc/self/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return "?"
    best, kind = "", "?"
    resolved = str(folder.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) > 2 and (resolved == parts[1] or resolved.startswith(
                parts[1].rstrip("/") + "/")) and len(parts[1]) >= len(best):
            best, kind = parts[1], parts[2]
    return kind


def one_run(folder: Path, synchronous: str, turns: int) -> list[float]:
    with tempfile.TemporaryDirectory(dir=folder, prefix="repliq-bench-") as work:
        db = open_db(Path(work) / "bench.db")
        db.execute(f"PRAGMA synchronous = {synchronous}")
        recorder = Recorder(db, student="Élève Mesure", scenario_id="e4-copieur-cabinet",
                            title="Mesure", version="1", yaml="id: mesure\n" * 200,
                            variant=None, seed=0, mode="entrainement")
        timings = []
        for number in range(turns):
            turn = TurnRecord(
                role=Role.STUDENT if number % 2 == 0 else Role.CUSTOMER, who="client",
                text=f"Réplique {number} : combien de pages imprimez-vous par mois ?",
                acts=["question_ouverte"], state=STATE)
            started = time.perf_counter()
            recorder.turn(turn)
            timings.append((time.perf_counter() - started) * 1000)
        recorder.finish({"outcome": "success"}, None, None)
        db.conn.close()
        return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dossier", type=Path, default=None)
    args = parser.parse_args()
    folder = args.dossier or (default_path().parent if default_path().parent.is_dir()
                              else Path(tempfile.gettempdir()))
    kind = filesystem(folder)
    print(f"Base de mesure dans {folder} (système de fichiers : {kind}) ; {args.runs} "
          f"exécutions de {args.turns} tours, un commit par tour, mode WAL")
    if kind in ("tmpfs", "ramfs"):
        print("  attention : sur tmpfs, fsync ne coûte rien — mesurez sur le disque de la base "
              "(--dossier)", file=sys.stderr)
    for synchronous in ("NORMAL", "FULL"):
        per_turn: list[float] = []
        totals: list[float] = []
        for _ in range(args.runs):
            timings = one_run(folder, synchronous, args.turns)
            per_turn += timings
            totals.append(sum(timings))
        p95 = statistics.quantiles(per_turn, n=20)[-1]
        print(f"  synchronous={synchronous:<6}  par tour : médiane "
              f"{statistics.median(per_turn):6.2f} ms, 95e centile {p95:6.2f} ms ; "
              f"séance de {args.turns} tours : {statistics.median(totals):7.1f} ms")
    print("Reproduire : .venv/bin/python benchmarks/store_durability.py "
          f"--turns {args.turns} --runs {args.runs} --dossier {folder}")


if __name__ == "__main__":
    main()
