"""argparse speaking French: students and teachers read every help and error message.

argparse is kept (no extra dependency) and only its user-facing words are translated."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

_ERRORS = (
    (re.compile(r"the following arguments are required: (.*)"),
     r"argument(s) obligatoire(s) manquant(s) : \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"argument(s) non reconnu(s) : \1"),
    (re.compile(r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)"),
     r"choix invalide pour \1 : \2 (choix possibles : \3)"),
    (re.compile(r"argument (\S+): expected one argument"), r"l'option \1 attend une valeur"),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.*)"),
     r"valeur invalide pour \1 : \3"),
    (re.compile(r"ambiguous option: (.*)"), r"option ambiguë : \1"),
    (re.compile(r"argument (\S+): (.*)"), r"valeur invalide pour \1 : \2"),
)


def translate_error(message: str) -> str:
    for pattern, replacement in _ERRORS:
        if pattern.search(message):
            return pattern.sub(replacement, message)
    return message


class FrenchFormatter(argparse.HelpFormatter):
    def _fill_text(self, text: str, width: int, indent: str) -> str:
        # Texts with explicit line breaks (examples) stay as written; prose is wrapped.
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="usage : " if prefix is None else prefix)


class FrenchParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="afficher cette aide et quitter")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {translate_error(message)}\n"
                     f"(« {self.prog} --help » pour l'aide)\n")


# Typed option values: a wrong value is refused by the parser with a French line (exit 2)
# instead of failing deep inside the engine or the store.
MAX_SEED = 2**63 - 1  # SQLite stores the seed as a signed 64-bit integer


def seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {text} » — attendu : un nombre entier") from None
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"{text} — attendu : un entier entre 0 et {MAX_SEED}")
    return value


def student_name(text: str) -> str:
    name = " ".join(text.split())
    if not name or any(not char.isprintable() for char in name) or len(name) > 100:
        raise argparse.ArgumentTypeError("nom d'élève vide, trop long ou avec des caractères "
                                         "de contrôle — attendu : un nom comme « Léa Morel »")
    return name


def http_url(text: str) -> str:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname \
            or not port_ok:
        raise argparse.ArgumentTypeError(f"« {text} » — attendu : une adresse comme "
                                         "http://localhost:5005")
    return text.rstrip("/")
