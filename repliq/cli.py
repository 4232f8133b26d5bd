"""The `repliq` command line."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from pathlib import Path

from scenarios.catalog import DEFAULT_SCENARIO

from . import (
    __version__,
    grade_cmd,
    nlu_cmd,
    run_cmd,
    scenarios_cmd,
    sessions_cmd,
    settings,
    voice_cmd,
)
from .argparse_fr import FrenchParser
from .errors import EXIT_INPUT, EXIT_INTERRUPTED, report
from .terminal import say, tolerant_streams


def build_parser() -> FrenchParser:
    parser = FrenchParser(
        prog="repliq",
        description="Repliq — entraînement aux situations commerciales du BTS NDRC : un client "
                    "simulé négocie, décroche ou réclame, et votre prestation est évaluée selon "
                    "les critères des blocs 1 et 2.",
        epilog="exemples :\n  repliq scenarios list\n"
               "  repliq scenarios show e4-copieur-cabinet --variant budget-serre\n"
               "  repliq scenarios validate mes-scenarios/\n\n"
               "Sans commande, « repliq » ouvre l'application plein écran.\n"
               "Guide des scénarios pour les enseignants : docs/scenarios.md\n"
               f"Journal des erreurs : {settings.log_path()}",
    )
    parser.add_argument("--version", action="version", version=f"repliq {__version__}",
                        help="afficher la version et quitter")
    parser.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar="ID",
                        help="scénario sélectionné à l'ouverture de l'application")
    parser.add_argument("--base", dest="db", type=Path, default=None, metavar="FICHIER",
                        help="base des séances (par défaut : $REPLIQ_DB ou le dossier de "
                             "données)")
    commands = parser.add_subparsers(title="commandes", metavar="COMMANDE", dest="command",
                                     parser_class=FrenchParser)
    scenarios_cmd.add_parser(commands, FrenchParser)
    run_cmd.add_parser(commands)
    grade_cmd.add_parser(commands)
    sessions_cmd.add_parsers(commands, FrenchParser)
    nlu_cmd.add_parser(commands, FrenchParser)
    voice_cmd.add_parser(commands, FrenchParser)
    return parser


def welcome() -> int:
    """`repliq` alone, piped or scripted (no terminal to draw the application on): the
    scenarios and how to read and play the default one."""
    print(f"Repliq {__version__} — scénarios disponibles :\n")
    status = scenarios_cmd.cmd_list(argparse.Namespace(dir=None))
    default = scenarios_cmd.DEFAULT_SCENARIO
    print(f"\nScénario par défaut : {default}. Lisez sa fiche-sujet :\n"
          f"  repliq scenarios show {default}\n"
          f"puis jouez l'entretien dans le terminal :\n  repliq run {default}\n"
          "Lancé dans un terminal, « repliq » seul ouvre l'application plein écran ; "
          "« repliq --help » liste les commandes.")
    return status


def main(argv: list[str] | None = None) -> int:
    """Every command goes through here: one French line and a documented exit code for a
    failure (repliq/errors.py), never a traceback on screen."""
    tolerant_streams()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            if not (sys.stdin.isatty() and sys.stdout.isatty()):
                return welcome()  # piped or scripted: the text summary, not the full screen
            from tui.app import run

            return run(db=args.db, scenario=args.scenario)
        return int(args.handler(args))
    except BrokenPipeError:  # `repliq ... | head` closed the pipe: not an error
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        say("\nInterrompu.")
        return EXIT_INTERRUPTED
    except SystemExit:
        raise
    except OSError as error:
        if _stdout_failed(error):
            _silence_stdout()
            say(f"repliq : impossible d'écrire sur la sortie standard ({error.strerror}) — "
                "rien de ce qui était déjà enregistré n'est perdu")
            return EXIT_INPUT
        return report(error)
    except Exception as error:
        return report(error)


def _stdout_failed(error: OSError) -> bool:
    # Writing to a full disk (/dev/full) or a vanished pipe fails on flush, far from the
    # print that caused it: recognise it by the stream being unusable now.
    try:
        sys.stdout.flush()
    except OSError:
        return True
    return error.errno in (errno.ENOSPC, errno.EPIPE) and not error.filename


def _silence_stdout() -> None:
    # Later writes (and the interpreter's final flush) must not raise again.
    with contextlib.suppress(OSError):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
