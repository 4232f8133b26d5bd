"""`repliq run`: a conversation with the simulated customer in the plain terminal, from a
script of student lines or typed line by line; `--json` writes the whole transcript."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bot.customer import Customer
from bot.engine import start_conversation
from bot.rasa import RasaUnavailable
from bot.turn_record import TurnRecord
from scenarios import ScenarioError, load_scenario
from scenarios.catalog import DEFAULT_SCENARIO, find
from scenarios.vocabulary import Outcome
from scenarios.yamlfile import read_limited
from scoring.call_report import ReportError
from scoring.grader import grade
from scoring.tips import Coach
from scoring.transcript import from_record
from store.defaults import default_student
from store.sessions import Recorder

from .argparse_fr import http_url, seed, student_name
from .errors import UserError
from .files import check_output_path, write_atomically
from .grade_cmd import report_option
from .rehearsal import Rehearsal
from .terminal import clean, one_line


def script_lines(path: Path) -> list[str]:
    """Student turns from a script: one per line, `#` comments and blank lines ignored.
    Only a real line break ends a turn: vertical tab, form feed or U+2028 inside a line stay
    in it (str.splitlines would cut a turn in two there; converse() makes them spaces)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{path} : le script n'est pas en UTF-8 — attendu : un fichier texte "
                        "enregistré en UTF-8 (une réplique par ligne)") from None
    except OSError as error:
        raise UserError(f"{path} : illisible ({error.strerror or error})") from None
    lines = []
    for raw in text.split("\n"):
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def _typed() -> Iterator[str]:
    while True:
        try:
            line = input("Vous : ")
        except EOFError:
            return
        if line.strip().lower() in {"/quitter", "/quit", "/q"}:
            return
        yield line  # converse() cleans it and skips an empty Enter


def converse(customer: Customer, lines: Iterator[str] | list[str], echo_student: bool,
             out: Any = sys.stdout, coach: Coach | None = None,
             on_turn: Callable[[TurnRecord], None] | None = None) -> dict[str, Any]:
    """Play the student's lines against the customer in the terminal; return the transcript
    record. With a coach (training mode), a tip may follow the customer's reply."""
    return rehearse(customer, lines, echo_student, out, coach, on_turn).record()


def rehearse(customer: Customer, lines: Iterator[str] | list[str], echo_student: bool,
             out: Any = sys.stdout, coach: Coach | None = None,
             on_turn: Callable[[TurnRecord], None] | None = None) -> Rehearsal:
    """converse(), returning the rehearsal itself (its turns as played)."""
    rehearsal = Rehearsal(customer, coach, on_turn)

    def show(turn: TurnRecord | None) -> None:
        if turn:
            name = customer.scenario.speaker(turn.who).display_name
            print(clean(f"{name} : {turn.text}"), file=out, flush=True)

    show(rehearsal.open())
    for index, line in enumerate(lines):
        if rehearsal.ended:
            # A script that goes on after the end is not played further: say so, or its
            # writer takes the last lines for heard (blind players asked why line 15 vanished).
            if isinstance(lines, list):
                left = sum(bool(one_line(rest)) for rest in lines[index:])
                if left:
                    lines_left = "une réplique du script non jouée" if left == 1 else \
                        f"{left} répliques du script non jouées"
                    print(f"(Entretien terminé : {lines_left}.)", file=out, flush=True)
            break
        # One place for every line source (script, keyboard): no control character or
        # escape sequence, and an empty line is not a turn.
        line = one_line(line)
        if not line:
            continue
        if echo_student:
            print(clean(f"Vous : {line}"), file=out, flush=True)
        student, replies = rehearsal.say(line)
        for reply in replies:
            show(reply)
        if student.tip:
            print(clean(f"   Conseil : {student.tip}"), file=out, flush=True)
    return rehearsal


def _ask_report() -> dict[str, Any] | None:
    """The after-call report, typed at the end of an interactive phone call."""
    print("\nCompte rendu d'appel (Entrée pour laisser une rubrique vide) :")
    report: dict[str, Any] = {}
    try:
        for key, question in (("contact", "Contact (nom, fonction, entreprise)"),
                              ("besoin", "Besoin détecté"),
                              ("objections", "Objections (séparées par ;)"),
                              ("resultat", "Résultat de l'appel"),
                              ("action", "Prochaine action"), ("date", "Date")):
            answer = input(f"  {question} : ").strip()
            if answer:
                report[key] = [a.strip() for a in answer.split(";")] \
                    if key == "objections" else answer
    except EOFError:
        pass
    return report or None


def _voice_run(args: argparse.Namespace, files: list[Path], customer: Customer,
               coach: Coach | None, recorder: Recorder | None) -> Rehearsal:
    import logging

    from store.db import audio_dir, default_path
    from voice.model import ModelMissing
    from voice.source import WavSource

    from . import settings
    from .voice_cmd import speech_model
    from .voice_session import converse_aloud

    try:
        transcriber = speech_model()
    except ModelMissing as error:
        raise SystemExit(f"repliq : {error}") from None
    rehearsal = Rehearsal(customer, coach, recorder.turn if recorder else None)
    keep, root = None, None
    if args.keep_audio and recorder is not None:
        root = audio_dir(args.db or default_path())
        keep = root / recorder.id
    # A failing audio thread logs its traceback, which must never reach the screen: for the
    # run, voice/'s records go to Repliq's log file and not to the root logger (pyttsx3 calls
    # logging.debug() at import, which gives the root logger a handler that prints on stderr).
    voice_log, log_file = logging.getLogger("voice"), settings.log_path()
    handler: logging.Handler
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(log_file, encoding="utf-8", delay=True)
    except OSError:
        handler = logging.NullHandler()  # no log file possible: the message still says what
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    voice_log.addHandler(handler)
    voice_log.propagate = False
    try:
        voice = converse_aloud(rehearsal, transcriber, WavSource(files), args.audio_out, keep,
                               root)
    finally:
        voice_log.removeHandler(handler)
        voice_log.propagate = True
        handler.close()
    for turn in rehearsal.turns:
        who = "Vous" if turn.is_student else customer.scenario.speaker(turn.who).display_name
        print(f"{who} : {turn.text}")
    if voice.failure:
        # Not graded: a mark for a conversation cut by a fault would mislead. The turns were
        # recorded as they came; the session says it was interrupted.
        said = sum(turn.is_student for turn in rehearsal.turns)
        kept = "gardées, séance interrompue" if recorder is not None else \
            "non enregistrées (--no-save)"
        if recorder is not None:
            print(recorder.interrupt().line())
        detail = f" ; détail dans {log_file}" \
            if isinstance(handler, logging.FileHandler) else ""
        raise SystemExit(f"repliq : {voice.failure} — entretien arrêté ; répliques déjà dites : "
                         f"{said}, {kept}{detail}")
    return rehearsal


def cmd_run(args: argparse.Namespace) -> int:
    try:
        scenario = load_scenario(find(args.scenario, args.dir), args.variant)
    except ScenarioError as error:
        for issue in error.issues:
            print(issue, file=sys.stderr)
        return 1
    if args.script is not None and not args.script.is_file():
        print(f"{args.script} : fichier introuvable — attendu : un script (une réplique par "
              "ligne)", file=sys.stderr)
        return 1
    try:
        report = report_option(args.report)
    except ReportError as error:
        print(f"repliq : {error}", file=sys.stderr)
        return 1
    if args.json is not None:
        # Checked before the conversation: a student must not play twenty minutes and then
        # lose the transcript to a typo in the folder name.
        check_output_path(args.json)
    audio: list[Path] = []
    if args.audio_script:
        from .voice_session import audio_files

        # Every WAV is checked from its header before a session or a thread starts
        # (voice/wavcheck.py); a refusal is one French line and exit code 1.
        audio = audio_files(args.audio_script)
    customer = start_conversation(scenario, args.variant, args.seed, rasa_url=args.rasa)
    coach = Coach(scenario) if args.mode == "entrainement" else None
    recorder = None
    if not args.no_save:
        from .terminal import say

        path = find(args.scenario, args.dir)
        # A store fault never stops the rehearsal: the recorder keeps the session in memory
        # and in a recovery file, and says so once on stderr (store/sessions.py).
        recorder = Recorder.start(args.db, student=args.student, scenario_id=scenario.id,
                                  title=scenario.title, version=scenario.version,
                                  yaml=read_limited(path, str(path)).decode("utf-8"),
                                  variant=args.variant,
                                  seed=args.seed, mode=args.mode,
                                  on_warning=lambda line: say(f"repliq : {line}"))
    try:
        if args.audio_script:
            rehearsal = _voice_run(args, audio, customer, coach, recorder)
        else:
            if args.script is None:
                print(f"{scenario.title} — tapez vos répliques ; /quitter pour arrêter.\n")
                lines: Iterator[str] | list[str] = _typed()
            else:
                lines = script_lines(args.script)
            rehearsal = rehearse(customer, lines, echo_student=args.script is not None,
                                 coach=coach, on_turn=recorder.turn if recorder else None)
    except RasaUnavailable as error:
        print(f"repliq : {error}", file=sys.stderr)
        return 1
    record = rehearsal.record()
    record = {"scenario": record.pop("scenario"), "variant": args.variant, "seed": args.seed,
              **record}
    outcome = record["outcome"]
    label = ""
    if customer.state.outcome:
        label = " — " + next(o.label for o in scenario.outcomes
                             if o.id == customer.state.outcome)
    print(f"\nIssue : {Outcome(outcome).label}{label}")
    if any(turn.is_student for turn in rehearsal.turns):
        if report is None and scenario.grading.call_report and args.script is None \
                and not args.audio_script:
            report = _ask_report()
        card = grade(from_record(record), scenario, report)
        record["mode"] = args.mode
        record["scorecard"] = card.as_dict()
        print(f"Note : {card.total:g} / 20 — "
              + ", ".join(f"{c.label} : {c.level.value}" for c in card.criteria))
        print("Bilan détaillé : repliq grade FICHIER.json (avec --json)")
    if recorder is not None:
        print(recorder.finish(record, record.get("scorecard"), report).line())
    if args.json is not None:
        write_atomically(args.json, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        print(f"Transcription écrite : {args.json}")
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "run", help="jouer un entretien avec le client simulé, dans le terminal",
        description="Joue un entretien : les répliques viennent d'un script (--script) ou sont "
                    "tapées ligne à ligne. Même scénario, même variante, même graine et mêmes "
                    "répliques donnent toujours le même entretien.",
        epilog=f"exemples :\n  repliq run {DEFAULT_SCENARIO}\n"
               f"  repliq run {DEFAULT_SCENARIO} --variant budget-serre --seed 3 "
               "--script mes-repliques.txt --json entretien.json")
    p.add_argument("scenario", metavar="SCENARIO", nargs="?", default=DEFAULT_SCENARIO,
                   help=f"identifiant ou chemin du scénario (par défaut : {DEFAULT_SCENARIO})")
    p.add_argument("--variant", metavar="VARIANTE", help="variante de la fiche-sujet")
    p.add_argument("--seed", type=seed, default=0, metavar="N",
                   help="graine du tirage des répliques (par défaut : 0)")
    p.add_argument("--script", type=Path, metavar="FICHIER",
                   help="répliques de l'étudiant, une par ligne (# pour un commentaire)")
    p.add_argument("--json", type=Path, metavar="SORTIE",
                   help="écrire la transcription complète en JSON")
    p.add_argument("--dir", type=Path, action="append", metavar="DOSSIER",
                   help="dossier de scénarios supplémentaire")
    p.add_argument("--audio-script", type=Path, nargs="+", metavar="WAV",
                   help="répliques de l'étudiant en fichiers WAV (ou un dossier), reconnues "
                        "par la voix")
    p.add_argument("--audio-out", type=Path, metavar="DOSSIER",
                   help="écrire les répliques parlées du client en WAV dans ce dossier")
    p.add_argument("--garder-audio", dest="keep_audio", action="store_true",
                   help="garder l'audio de chaque tour avec la séance, pour le réécouter "
                        "(désactivé par défaut)")
    p.add_argument("--mode", choices=("entrainement", "examen"), default="entrainement",
                   help="entrainement : un conseil après certaines répliques ; examen : aucun "
                        "conseil (par défaut : entrainement)")
    p.add_argument("--compte-rendu", dest="report", type=Path, metavar="FICHIER",
                   help="compte rendu d'appel à évaluer (YAML : contact, besoin, objections, "
                        "resultat, action, date)")
    p.add_argument("--eleve", dest="student", type=student_name, default=default_student(),
                   metavar="NOM",
                   help="nom de l'étudiant pour l'historique (par défaut : $REPLIQ_STUDENT "
                        "ou le nom du compte)")
    p.add_argument("--no-save", action="store_true",
                   help="ne pas enregistrer la séance (essai)")
    p.add_argument("--base", dest="db", type=Path, default=None, metavar="FICHIER",
                   help="base des séances (par défaut : $REPLIQ_DB ou le dossier de données)")
    p.add_argument("--rasa", metavar="URL", type=http_url,
                   default=os.environ.get("REPLIQ_RASA_URL"),
                   help="comprendre les répliques avec un serveur Rasa (ex. "
                        "http://localhost:5005 ; variable REPLIQ_RASA_URL)")
    p.set_defaults(handler=cmd_run)
