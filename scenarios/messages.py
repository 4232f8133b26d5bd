"""Pydantic's validation errors, reworded in French for teachers:
`what is wrong — what was expected`, with a suggestion for near-miss keys and values."""

from __future__ import annotations

from typing import Any

from pydantic_core import ErrorDetails
from rapidfuzz import fuzz, process

from .fields import aliases, enum_values, spot
from .model import ID_PATTERN


def closest(word: str, choices: list[str], cutoff: float = 70) -> str | None:
    """The choice nearest to `word` when it is close enough to be a typo."""
    if not choices:
        return None
    found = process.extractOne(word, choices, scorer=fuzz.WRatio, score_cutoff=cutoff)
    return found[0] if found else None


def one_of(values: list[str]) -> str:
    values = [f"« {v} »" for v in values]
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " ou " + values[-1]


def describe_input(value: Any) -> str:
    if value is None:
        return "une valeur vide"
    if isinstance(value, bool):
        return "vrai" if value else "faux"
    if isinstance(value, dict):
        return "un bloc de clés"
    if isinstance(value, list):
        return "une liste"
    if isinstance(value, int | float):
        return f"le nombre {value}"
    text = str(value).replace("\n", " ")
    return f"le texte « {text[:40]}{'…' if len(text) > 40 else ''} »"


_KIND_WORDS = {
    "string_type": "du texte",
    "int_type": "un nombre entier",
    "int_parsing": "un nombre entier",
    "int_from_float": "un nombre entier",
    "float_type": "un nombre",
    "float_parsing": "un nombre",
    "bool_type": "vrai ou faux (true / false)",
    "bool_parsing": "vrai ou faux (true / false)",
    "list_type": "une liste (lignes commençant par « - »)",
    "dict_type": "un bloc de clés",
    "model_type": "un bloc de clés",
    "model_attributes_type": "un bloc de clés",
}


def reword(error: ErrorDetails) -> str:
    """One pydantic error as a French sentence."""
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    key = next((str(p) for p in reversed(loc) if isinstance(p, str)), "scénario")
    place = spot(loc)
    expected = place.info.description if place and place.info else None
    expected_part = f" — attendu : {expected}" if expected else ""

    if kind == "missing":
        return f"clé obligatoire « {key} » manquante{expected_part}"
    if kind == "extra_forbidden":
        parent = spot(loc[:-1])
        allowed: list[str] = []
        if parent and isinstance(parent.annotation, type):
            try:
                allowed = list(aliases(parent.annotation))
            except (AttributeError, TypeError):
                allowed = []
        guess = closest(key, allowed)
        if guess:
            return f"clé inconnue « {key} » — vouliez-vous dire « {guess} » ?"
        return f"clé inconnue « {key} » — attendu : une de ces clés : {', '.join(allowed)}"
    if kind in ("enum", "literal_error"):
        choices = enum_values(place.annotation) if place else []
        if not choices and "expected" in ctx:
            choices = [c.strip(" '") for c in str(ctx["expected"]).replace(" or ", ",").split(",")]
        guess = closest(str(value), choices)
        hint = f" (vouliez-vous dire « {guess} » ?)" if guess else ""
        return (f"valeur « {value} » inconnue pour « {key} » — attendu : "
                f"{one_of(choices)}{hint}")
    if kind in _KIND_WORDS:
        return (f"« {key} » doit être {_KIND_WORDS[kind]}, pas {describe_input(value)}"
                f"{expected_part}")
    if kind == "string_too_short":
        return f"« {key} » est vide{expected_part}"
    if kind == "too_short":
        minimum = ctx.get("min_length", 1)
        plural = "s" if minimum > 1 else ""
        return (f"« {key} » doit contenir au moins {minimum} élément{plural}{expected_part}")
    if kind == "string_too_long":
        return f"« {key} » est trop long (au plus {ctx.get('max_length')} caractères)" \
               f"{expected_part}"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern == ID_PATTERN:
            return (f"identifiant « {value} » invalide pour « {key} » — attendu : des "
                    "minuscules sans accents, des chiffres et des tirets (ex. claire-martin)")
        if "[01]" in pattern:
            return f"heure « {value} » invalide pour « {key} » — attendu : HH:MM (ex. 14:00)"
        return f"valeur « {value} » invalide pour « {key} »{expected_part}"
    bounds = {
        "greater_than_equal": ("au moins", "ge"),
        "greater_than": ("plus de", "gt"),
        "less_than_equal": ("au plus", "le"),
        "less_than": ("moins de", "lt"),
    }
    if kind in bounds:
        words, name = bounds[kind]
        return (f"« {key} » vaut {value} — attendu : {words} {ctx.get(name)}"
                f"{' (' + expected + ')' if expected else ''}")
    if kind == "value_error":
        reason = str(ctx.get("error", error["msg"]))
        return f"« {key} » : {reason}{expected_part}"
    return f"« {key} » : {error['msg']}{expected_part}"
