"""Speed of the session store at the size of a school: 10 000 sessions of 40 turns.

Run:  .venv/bin/python benchmarks/session_store.py [--sessions N] [--runs R] [--keep FILE]

Fills a fresh database (about a minute), then times `list`, `search` and `show` (the
functions behind `repliq sessions list|search|show`) R times each and prints the median and
worst in milliseconds (budget: under 200 ms each).
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
import uuid
from pathlib import Path

from timing import measure

from store.db import open_db
from store.sessions import list_sessions, scenario_hash, search, session_record, student_id

TEXT = """bonjour madame je vous propose une démonstration du logiciel pour votre boutique
combien de pages imprimez-vous par mois le loyer est de euros maintenance comprise
intervention sous quatre heures contrepartie engagement soixante mois rendez-vous
mardi jeudi budget décision associé copieur fiabilité numérisation"""
WORDS = TEXT.split()


def fill(path: Path, sessions: int) -> None:
    db = open_db(path)
    rng = random.Random(7)
    digest = scenario_hash(db, "e4-copieur-cabinet", "Un copieur", "1.0", "id: x\n")
    students = [student_id(db, f"Élève {i:03d}") for i in range(300)]
    state = json.dumps({"mood": 50, "patience": 60, "events": ["prix_annonce"]})
    with db.conn:
        for n in range(sessions):
            session = uuid.UUID(int=rng.getrandbits(128)).hex
            day = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T10:{n % 60:02d}:00+00:00"
            db["sessions"].insert({
                "id": session, "student_id": rng.choice(students), "scenario_hash": digest,
                "scenario_id": "e4-copieur-cabinet", "variant": None, "seed": 0,
                "mode": "entrainement", "started_at": day, "ended_at": day,
                "status": "terminee", "pid": None, "host": None, "outcome": "success",
                "outcome_id": "x", "ended_by": "student", "mark": rng.randint(0, 40) / 2,
                "notes": None})
            db["turns"].insert_all(({
                "session_id": session, "number": k + 1,
                "speaker": "student" if k % 2 == 0 else "customer", "who": None,
                "text": " ".join(rng.choices(WORDS, k=14)), "acts": '["question_fermee"]',
                "entities": "[]", "topics": "[]", "state": state, "tip": None, "at": day,
                "audio": None} for k in range(40)), batch_size=40)
    db.execute("ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="build the database here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "bench.db"
        if not path.exists():
            started = time.perf_counter()
            fill(path, args.sessions)
            print(f"{args.sessions} séances × 40 tours écrites en "
                  f"{time.perf_counter() - started:.0f} s ({path.stat().st_size / 1e6:.0f} Mo)")
        db = open_db(path)
        some = list_sessions(db, limit=1)[0].id
        for label, action in (
                ("list (200 plus récentes)", lambda: list_sessions(db)),
                ("list --eleve", lambda: list_sessions(db, student="Élève 042")),
                ("search « contrepartie engagement »",
                 lambda: search(db, "contrepartie engagement")),
                ("show (une séance de 40 tours)", lambda: session_record(db, some))):
            median, worst = measure(action, args.runs)
            print(f"  {label:<38} médiane {median:6.1f} ms   pire {worst:6.1f} ms")


if __name__ == "__main__":
    main()
