"""How long grading takes: a 60-turn session (budget: under 200 ms).

Run:  .venv/bin/python benchmarks/grading.py [--runs N]

Builds a 60-turn conversation by playing the good copier dialogue and extending it with
further discovery and argument turns, then grades the transcript N times and prints the
median and worst time in milliseconds.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from timing import measure

from bot.engine import start_conversation
from repliq.run_cmd import converse, script_lines
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scoring.grader import grade
from scoring.transcript import from_record

ROOT = Path(__file__).resolve().parent.parent
FILLER_TURNS = [
    "Et au quotidien, comment s'organisent vos équipes pour imprimer ?",
    "Combien de personnes utilisent les copieurs chaque jour ?",
    "Avec l'intervention sous 4 heures, vos équipes ne sont jamais bloquées.",
    "Qu'en pensez-vous ?",
    "Si je comprends bien, la fiabilité passe avant tout pour vous.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    scenario = load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml")
    good = script_lines(ROOT / "tests" / "data" / "dialogues" / "e4-copieur-cabinet.bon.txt")
    lines = good[:10] + FILLER_TURNS * 8 + good[10:]
    lines = lines[:60]
    customer = start_conversation(scenario)
    customer.state.patience = 100
    record = converse(customer, lines, False, io.StringIO())
    transcript = from_record(record)
    median, worst = measure(lambda: grade(transcript, scenario), runs)
    print(f"Notation d'un entretien de {len(transcript.turns)} tours, {runs} fois : médiane "
          f"{median:.1f} ms, pire {worst:.1f} ms (budget : 200 ms)")


if __name__ == "__main__":
    main()
