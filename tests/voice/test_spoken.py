"""The customer's lines as a synthesis engine must receive them (issue 15): times, amounts,
percentages, tax words, abbreviations, codes and addresses spelled out, for every engine, on
every line a built-in scenario or the reply banks can give the customer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from ruamel.yaml import YAML

from bot.replies import stock_lines
from scenarios.catalog import BUILTIN_DIR
from voice.spoken import SAID_AS_WORDS, spoken

# The keys under which a scenario writes what the customer says.
_CUSTOMER_KEYS = {"repliques", "reponses", "reponses_si_traitee", "reponses_creneau_pris"}


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _customer_lines(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _CUSTOMER_KEYS:
                yield from _strings(value)
            else:
                yield from _customer_lines(value)
    elif isinstance(node, list):
        for value in node:
            yield from _customer_lines(value)


def _every_line() -> list[str]:
    lines = set(stock_lines())
    for path in sorted(BUILTIN_DIR.glob("*.yaml")):
        lines |= set(_customer_lines(YAML(typ="safe").load(path.read_text(encoding="utf-8"))))
    return sorted(lines)


@pytest.mark.parametrize(("written", "said"), [
    ("Mardi à 14 h 30, ça me va.", "Mardi à quatorze heures trente, ça me va."),
    ("Samedi 8 h – 12 h, ou 14:00-15:00 ?",
     "Samedi huit heures à midi, ou quatorze heures à quinze heures ?"),
    ("Vingt et une heures ? Non, 21 h, et 1 h de route.",
     "Vingt et une heures ? Non, vingt et une heures, et une heure de route."),
    ("La location est à 289 € HT/mois sur 48 mois.",
     "La location est à deux cent quatre-vingt-neuf euros hors taxes par mois sur "
     "quarante-huit mois."),
    ("3 000 € TTC, 2,50 € le kit, 0,08 € la page.",
     "trois mille euros toutes taxes comprises, deux euros cinquante le kit, huit centimes "
     "la page."),
    ("On vise +15 % de chiffre d'affaires.",
     "On vise plus quinze pour cent de chiffre d'affaires."),
    ("M. Dubois vous attend, Mme Martin aussi.",
     "monsieur Dubois vous attend, madame Martin aussi."),
    ("Dossier SAV-458217, mail à sav@electromaison.fr.",
     "Dossier S A V quatre cent cinquante-huit, deux cent dix-sept, mail à sav arobase "
     "electromaison point fr."),
    ("Appelez le 06 12 34 56 78.", "Appelez le zéro six douze trente-quatre cinquante-six "
     "soixante-dix-huit."),
    ("La MX-5000 en A3, 45 pages/minute.",
     "La M X cinq mille en A trois, quarante-cinq pages par minute."),
    ("Le 1er avril, puis le 2e week-end. Un RDV, OK ?",
     "Le premier avril, puis le deuxième week-end. Un rendez-vous, d'accord ?"),
])
def test_what_an_engine_misreads_is_spelled_out(written: str, said: str) -> None:
    assert spoken(written) == said


def test_plain_words_are_left_as_written() -> None:
    line = "Je vous écoute, mais faites vite : j'ai des clients qui attendent."
    assert spoken(line) == line


# What no line may still hold once spelled out: a digit, a symbol an engine reads by its name,
# or capitals it would read as a word ("SAV" as "save", "HT" as "hache té").
_UNSAID = re.compile(r"\d|[€%@&/+]|\b[A-Z]{2,}\b")


def test_every_customer_line_of_every_scenario_is_speakable() -> None:
    lines = _every_line()
    assert len(lines) > 500  # the banks and the four built-in scenarios
    # (Placeholders are filled before speech; their values go through the same function.)
    said = [(line, spoken(re.sub(r"\{\w+\}", "", line))) for line in lines]
    unsaid = [(line, spelled) for line, spelled in said
              if any(hit not in SAID_AS_WORDS for hit in _UNSAID.findall(spelled))]
    assert not unsaid, unsaid[:10]
