"""Pydantic's validation errors, reworded in French for teachers:
`what is wrong — what was expected`, with a suggestion for near-miss keys and values."""

from __future__ import annotations

import math
import types
from typing import Annotated, Any, Union, get_args, get_origin

import annotated_types
from pydantic.fields import FieldInfo
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


def number(value: Any) -> str:
    """A number as the teacher wrote it; infinities, NaN and absurdly long numbers in words."""
    if isinstance(value, float) and math.isnan(value):
        return "une valeur indéfinie (.nan)"
    if isinstance(value, float) and math.isinf(value):
        return "l'infini (.inf)" if value > 0 else "moins l'infini (-.inf)"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
        return f"un nombre de {len(str(abs(value)))} chiffres"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return bound(value)  # 1e12 as 1 000 000 000 000, not 1000000000000.0
    return str(value)


def bound(value: Any) -> str:
    """A bound from the schema, grouped by thousands as in French (1 000 000)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", " ") if isinstance(value, int) else str(value)


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
        shown = number(value)
        return shown if shown != str(value) else f"le nombre {value}"
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


_LIMIT_WORDS = (
    (annotated_types.Gt, "gt", "plus de"),
    (annotated_types.Ge, "ge", "au moins"),
    (annotated_types.Lt, "lt", "moins de"),
    (annotated_types.Le, "le", "au plus"),
)


def _limits(info: FieldInfo | None) -> str:
    """The field's numeric bounds in words (", au moins 0 et au plus 1 000"), found in its
    metadata or inside its annotation (Optional[Amount] keeps them there)."""
    if info is None:
        return ""
    found: dict[str, str] = {}
    pending: list[Any] = [*info.metadata, info.annotation]
    while pending:
        item = pending.pop()
        if isinstance(item, FieldInfo):
            pending.extend(item.metadata)
        elif get_origin(item) is Annotated:
            pending.extend(get_args(item)[1:])
        elif get_origin(item) in (Union, types.UnionType):
            pending.extend(get_args(item))
        else:
            for kind, name, words in _LIMIT_WORDS:
                if isinstance(item, kind):
                    found[name] = f"{words} {bound(getattr(item, name))}"
    parts = [found[name] for _, name, _ in _LIMIT_WORDS if name in found]
    return ", " + " et ".join(parts) if parts else ""


_UNION_WORDS = {"string_type": "du texte", "bool_type": "vrai ou faux"}


def _union_parent(loc: tuple[Any, ...]) -> bool:
    """True when `loc` ends with the name pydantic gives a member of a union (`str`,
    `constrained-float`): not a key of the file."""
    if len(loc) < 2 or not isinstance(loc[-1], str) or spot(loc) is not None:
        return False
    parent = spot(loc[:-1])
    return parent is not None and get_origin(parent.annotation) in (Union, types.UnionType)


def merge_union_errors(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """One error per value of a union field (a fact's `valeurs` take text or a number):
    pydantic reports each member's refusal, a teacher needs one sentence. A refusal of the
    value itself (not finite, out of bounds) says more than "not text" and is kept."""
    groups: dict[tuple[Any, ...], list[ErrorDetails]] = {}
    for index, error in enumerate(errors):
        loc = tuple(error["loc"])
        key = ("union", loc[:-1]) if _union_parent(loc) else ("one", index)
        groups.setdefault(key, []).append(error)
    result: list[ErrorDetails] = []
    for (kind, loc), members in groups.items():
        if kind == "one":
            result.extend(members)
            continue
        specific = [e for e in members if e["type"] not in _KIND_WORDS]
        if specific:
            result.append({**specific[0], "loc": loc})
            continue
        words = dict.fromkeys(_UNION_WORDS.get(e["type"], "un nombre") for e in members)
        result.append({**members[0], "loc": loc, "type": "union_type",
                       "ctx": {"expected": " ou ".join(words)}})
    return result


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

    if loc and loc[-1] == "[key]":  # a key of a free mapping (`valeurs`), not its value
        parent = next((str(p) for p in reversed(loc[:-2]) if isinstance(p, str)), "scénario")
        return (f"clé « {loc[-2]} » invalide dans « {parent} » — attendu : un identifiant en "
                "minuscules sans accents, avec chiffres et tirets (ex. pages_par_mois)")
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
    too_long = kind in ("float_type", "float_parsing") and isinstance(value, int) \
        and not isinstance(value, bool)  # an integer past the range of a float
    if kind in ("finite_number", "int_parsing_size") or too_long:
        # .inf, .nan, or a number too long to compute with: it is a number, just not one the
        # scenario can use.
        limits = _limits(place.info if place else None)
        return (f"« {key} » vaut {number(value)} — attendu : un nombre fini{limits}"
                f"{' (' + expected + ')' if expected else ''}")
    if kind == "union_type":
        return f"« {key} » doit être {ctx.get('expected')}, pas {describe_input(value)}"
    if kind in _KIND_WORDS:
        return (f"« {key} » doit être {_KIND_WORDS[kind]}, pas {describe_input(value)}"
                f"{expected_part}")
    if kind == "string_unicode":  # "\ud800" written in a quoted text: half a character
        return (f"« {key} » contient un caractère Unicode invalide (un « \\uD800 » isolé, par "
                f"exemple) — attendu : du texte ordinaire"
                f"{' (' + expected + ')' if expected else ''}")
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
        return (f"« {key} » vaut {number(value)} — attendu : {words} {bound(ctx.get(name))}"
                f"{' (' + expected + ')' if expected else ''}")
    if kind == "value_error":
        reason = str(ctx.get("error", error["msg"]))
        return f"« {key} » : {reason}{expected_part}"
    # Never pydantic's English: any other refusal is worded generically.
    expected_part = expected_part or " — attendu : une valeur conforme à docs/scenarios.md"
    return f"« {key} » : valeur refusée ({describe_input(value)}){expected_part}"
