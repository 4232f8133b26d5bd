"""One error path for the whole command line: an expected failure prints one French line
and exits with its documented code; anything else prints one French line and the path of
the log file that holds the traceback, never the traceback itself."""

from __future__ import annotations

import logging
import sqlite3
import sys
import traceback
from datetime import UTC, datetime

from . import settings
from .terminal import say

# Documented in the README ("Codes de sortie").
EXIT_OK = 0
EXIT_INPUT = 1  # a file or a value was refused; nothing was changed
EXIT_USAGE = 2  # a wrong option, or no audio device
EXIT_STORE = 3  # the session store cannot be used (damaged, newer, unwritable)
EXIT_INTERNAL = 4  # a fault in Repliq itself: the traceback is in the log file
EXIT_INTERRUPTED = 130


class UserError(Exception):
    """A failure the user can fix; `str()` is the French explanation."""

    exit_code = EXIT_INPUT


def log_unexpected(error: BaseException) -> str:
    """Append the traceback to the log file; return where it went (or why it could not)."""
    path = settings.log_path()
    text = "".join(traceback.format_exception(error))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now(UTC).isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        logging.getLogger("repliq").debug(text)
        return "journal impossible à écrire"
    return str(path)


class OutputError(UserError):
    """A file Repliq was asked to write could not be written (folder missing, disk full)."""


# Failures each layer raises with a French message, and their exit code. Named by module so
# that an error is recognised without importing the audio or NLU stacks at start-up: a class
# whose module was never imported cannot have been raised.
KNOWN_ERRORS: tuple[tuple[str, str, int], ...] = (
    ("store.errors", "StoreError", EXIT_STORE),
    ("store.exchange", "ExportFileError", EXIT_INPUT),
    ("scenarios.errors", "ScenarioError", EXIT_INPUT),
    ("scoring.call_report", "ReportError", EXIT_INPUT),
    ("scoring.transcript", "TranscriptError", EXIT_INPUT),
    ("bot.rasa", "RasaUnavailable", EXIT_INPUT),
    ("voice.devices", "NoAudioDevice", EXIT_USAGE),
    ("voice.model", "ModelMissing", EXIT_INPUT),
    ("voice.wavcheck", "AudioInputError", EXIT_INPUT),
    ("voice.tts", "SpeechUnavailable", EXIT_INPUT),
)


def known_exit_code(error: BaseException) -> int | None:
    if isinstance(error, UserError):
        return error.exit_code
    for module_name, class_name, code in KNOWN_ERRORS:
        module = sys.modules.get(module_name)
        kind = getattr(module, class_name, None) if module else None
        if isinstance(kind, type) and isinstance(error, kind):
            return code
    if isinstance(error, sqlite3.DatabaseError):
        return EXIT_STORE
    return None


def report(error: BaseException) -> int:
    """Say what went wrong in one French line (one per problem for a scenario file) and
    return the exit code. Unexpected errors go to the log file with their traceback."""
    code = known_exit_code(error)
    if code is None:
        where = log_unexpected(error)
        say(f"repliq : erreur inattendue ({type(error).__name__}) — rien de ce qui était déjà "
            f"enregistré n'est perdu ; détails pour l'enseignant ou le support : {where}")
        return EXIT_INTERNAL
    if isinstance(error, sqlite3.DatabaseError):  # one the store did not translate
        say(f"repliq : base des séances illisible ({error}) — lancez « repliq sessions "
            "reparer » (une copie de l'original est gardée)")
        return code
    issues = getattr(error, "issues", None)
    if isinstance(issues, list) and issues:
        for issue in issues:
            say(str(issue))
        return code
    say(f"repliq : {error}")
    return code
