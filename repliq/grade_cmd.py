"""`repliq grade RUN.json`: the scorecard of a transcript written by `repliq run --json`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from scenarios import ScenarioError, load_scenario
from scenarios.catalog import entries, find
from scoring.call_report import ReportError, read_report
from scoring.grader import grade
from scoring.transcript import TranscriptError, read

from .scorecard_view import show


def report_option(path: Path | None) -> dict[str, Any] | None:
    """The --compte-rendu file of `repliq grade` and `repliq run` (ReportError if unusable)."""
    return read_report(path) if path is not None else None


def cmd_grade(args: argparse.Namespace) -> int:
    try:
        transcript = read(args.transcript)
    except TranscriptError as error:
        print(f"repliq : {error}", file=sys.stderr)
        return 1
    try:
        scenario = load_scenario(find(transcript.scenario_id, args.dir), transcript.variant)
    except ScenarioError:
        known = ", ".join(e.path.stem for e in entries(args.dir) if e.scenario)
        print(f"repliq : {args.transcript} : scénario « {transcript.scenario_id} » inconnu — "
              f"attendu : un de ces scénarios : {known} (ou --dir vers son dossier)",
              file=sys.stderr)
        return 1
    try:
        report = report_option(args.report)
    except ReportError as error:
        print(f"repliq : {error}", file=sys.stderr)
        return 1
    card = grade(transcript, scenario, report)
    if args.json is not None:
        args.json.write_text(json.dumps(card.as_dict(), ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
    show(card)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "grade", help="évaluer une transcription selon les critères des blocs 1 et 2",
        description="Affiche le bilan d'un entretien enregistré par « repliq run --json » : "
                    "niveau (TI, I, S, TS) et note de chaque critère avec les tours qui le "
                    "justifient, une amélioration concrète, la note sur 20, les points forts "
                    "et les priorités.",
        epilog="exemples :\n  repliq grade entretien.json\n"
               "  repliq grade appel.json --compte-rendu compte-rendu.yml")
    p.add_argument("transcript", type=Path, metavar="TRANSCRIPTION",
                   help="fichier écrit par « repliq run --json »")
    p.add_argument("--compte-rendu", dest="report", type=Path, metavar="FICHIER",
                   help="compte rendu d'appel (YAML : contact, besoin, objections, resultat, "
                        "action, date)")
    p.add_argument("--json", type=Path, metavar="SORTIE", help="écrire aussi le bilan en JSON")
    p.add_argument("--dir", type=Path, action="append", metavar="DOSSIER",
                   help="dossier de scénarios supplémentaire")
    p.set_defaults(handler=cmd_grade)
