"""The scorecard's advice, rendered from templates (scoring/data/conseils.yml) with a real
template engine and the scenario's own texts: never a placeholder to fill in ("[votre prénom et
nom]"), never raw scenario text glued into a sentence ("…de l'auteur sur la MX-5000. : Plus
aucune fiche… .."), issue 14."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined
from ruamel.yaml import YAML

TEMPLATES = Path(__file__).parent / "data" / "conseils.yml"
# Quoted words shorter than this are fragments, not a sentence a student could say ("pour le
# problème de personnel"): an example is given only when it is one.
MIN_EXAMPLE_WORDS = 5


def sentence(text: str) -> str:
    """A sentence as it is quoted: a capital first, one final mark, no doubled point."""
    text = " ".join(str(text).split()).strip()
    if not text:
        return text
    text = re.sub(r"\.{2,}$", ".", text[0].upper() + text[1:])
    return text if text[-1] in ".?!…" else text + "."


# Abbreviations a sentence does not end on: « M. Dubois », « Mme Martin ».
_ABBREVIATIONS = re.compile(r"(?:^|\s)(?:M|MM|Mme|Mmes|Mlle|Dr|Me|St|Ste|etc)\.$")


def first_sentence(text: str) -> str:
    pieces = re.split(r"(?<=[.!?])\s+", " ".join(str(text).split()))
    first = pieces[0]
    for piece in pieces[1:]:
        if not _ABBREVIATIONS.search(first):
            break
        first = f"{first} {piece}"
    return sentence(first)


def count(number: int, singular: str, plural: str) -> str:
    """« 1 question ouverte », « 3 questions ouvertes », « 0 question ouverte »."""
    return f"{number} {singular if number < 2 else plural}"


def of(name: str) -> str:
    """The name after « de », elided before a vowel: « de Bureau Plus », « d’ElectroMaison.fr »."""
    return f"d’{name}" if re.match(r"(?i)[aeiouyéèêàâîôû]", name) else f"de {name}"


def example(phrasings: list[str]) -> str | None:
    """The first phrasing a student could say as it is (a whole sentence), if any."""
    return next((p for p in phrasings if len(p.split()) >= MIN_EXAMPLE_WORDS), None)


@lru_cache(maxsize=1)
def _templates() -> dict[str, Any]:
    environment = Environment(undefined=StrictUndefined, autoescape=False,
                              keep_trailing_newline=False)
    environment.filters.update(phrase=sentence, premiere_phrase=first_sentence, de=of,
                               nombre=count)
    texts = YAML(typ="safe").load(TEMPLATES.read_text(encoding="utf-8"))
    return {key: environment.from_string(text) for key, text in texts.items()}


def keys() -> list[str]:
    return list(_templates())


def advise(key: str, **context: Any) -> str:
    """The advice `key`, rendered; a missing value is an error, never an empty slot."""
    return " ".join(_templates()[key].render(**context).split())


# What no advice may show: a placeholder, an empty quote, a doubled mark, "(s)" plurals, a
# template left unrendered, « de » before a vowel. (A student's own "..." quoted is no doubled
# mark: only two dots alone are.)
_FLAWS = re.compile(r"\[[^\]]*\]|\{\{|\{%|«\s*»|(?<!\.)\.\.(?!\.)|\?\s*\?|,\s*,|\s[,.]|\(s\)|\(e\)|"
                    r"\bde [AEIOUYÉaeiouyé]")


def flaws(text: str) -> list[str]:
    """What is wrong with a text shown to a student (tested on every advice)."""
    return [match.group(0) for match in _FLAWS.finditer(text)]
