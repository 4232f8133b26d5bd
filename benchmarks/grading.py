"""How long grading takes: a 60-turn session (budget: under 200 ms).

Run:  .venv/bin/python benchmarks/grading.py [--runs N]

Builds two 60-turn conversations, the good copier dialogue and the reference event interview
(whose every priced item is read against the brief's price list) extended with further
discovery and argument turns, then grades each transcript N times and prints the median and
worst time in milliseconds.
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
COPIER_FILLERS = [
    "Et au quotidien, comment s'organisent vos équipes pour imprimer ?",
    "Combien de personnes utilisent les copieurs chaque jour ?",
    "Avec l'intervention sous 4 heures, vos équipes ne sont jamais bloquées.",
    "Qu'en pensez-vous ?",
    "Si je comprends bien, la fiabilité passe avant tout pour vous.",
]
EVENT_FILLERS = [
    "Pour la radio, le pack avec le direct reste à 1 300 €, et les deux horticulteurs à 450 € "
    "chacun.",
    "Les kits coûtent 2 € pièce : 300 kits, 600 €, et un intérimaire 225 € le week-end.",
    "Qu'en pensez-vous ?",
    "Si je comprends bien, vous voulez des résultats chiffrés sur avril.",
    "Le samedi 5 avril de 9 h 30 à 19 h, dans la serre chaude.",
]
SESSIONS = [
    ("e4-copieur-cabinet", ROOT / "tests" / "data" / "dialogues" / "e4-copieur-cabinet.bon.txt",
     COPIER_FILLERS),
    ("e4-evenement-responsable",
     ROOT / "tests" / "data" / "calibration" / "e4-evenement-responsable" / "excellent.txt",
     EVENT_FILLERS),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    for scenario_id, script, fillers in SESSIONS:
        scenario = load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml")
        good = script_lines(script)
        lines = (good[:10] + fillers * 10 + good[10:])[:60]
        customer = start_conversation(scenario)
        customer.state.patience = 100
        record = converse(customer, lines, False, io.StringIO())
        transcript = from_record(record)
        median, worst = measure(lambda: grade(transcript, scenario), runs)  # noqa: B023
        print(f"{scenario_id} : notation d'un entretien de {len(transcript.turns)} tours, "
              f"{runs} fois : médiane {median:.1f} ms, pire {worst:.1f} ms (budget : 200 ms)")
    print(f"(reproduire : PYTHONPATH=. .venv/bin/python benchmarks/grading.py --runs {runs})")

if __name__ == "__main__":
    main()
