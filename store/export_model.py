"""The export format as a schema: what `repliq sessions import` accepts, and nothing else.

Exports come from outside (a USB stick, the school's ENT, an e-mail), so every field is typed
and bounded before the database is touched: finite numbers in range, enums for levels,
statuses and outcomes, capped lengths and list sizes, limited nesting, relative audio names.
The JSON Schema of this model is published as store/export.schema.json."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    ValidationError,
    model_validator,
)

from scenarios.vocabulary import Outcome  # how a conversation ended, one definition
from scoring.rubric import Level  # the official grid's codes, one definition

# Bounds: far above anything Repliq writes, far below what could hurt the teacher's machine.
MAX_TURNS = 2_000  # a 20-minute E4 has about 80 turns
MAX_TEXT = 20_000  # characters in one turn (a pasted page)
MAX_SHORT = 200  # names, titles, labels
MAX_YAML = 1_000_000  # scenario text carried with the session (built-in ones are ~20 kB)
MAX_JSON_DEPTH = 8  # the customer's state snapshot is 3 levels deep
MAX_JSON_ITEMS = 2_000  # values in one free-form field (state, entities)
MAX_SESSIONS = 5_000  # sessions in one file (a whole class over two years)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e"
                     r"\u2066-\u2069]")


class Speaker(StrEnum):
    STUDENT = "student"
    CUSTOMER = "customer"


class Status(StrEnum):
    IN_PROGRESS = "en_cours"
    FINISHED = "terminee"
    INTERRUPTED = "interrompue"


class Mode(StrEnum):
    TRAINING = "entrainement"
    EXAM = "examen"


def _no_control(text: str) -> str:
    # Line breaks and tabs are text; other control characters only serve to hide or to
    # drive a terminal, and have no place in a transcript.
    if CONTROL.search(text):
        raise ValueError("caractère de contrôle interdit")
    return text


def _timestamp(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("date illisible — attendu : une date ISO 8601 comme "
                         "2026-09-14T10:05:00+00:00") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if not 2000 <= moment.year <= 2200:
        raise ValueError("date hors de toute séance possible (années 2000 à 2200)")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _audio_name(text: str) -> str:
    # Stored audio names are relative to the data folder's audio directory: the session's
    # own folder and a file name. Anything else could point outside the data folder.
    path = PurePosixPath(text)
    if (path.is_absolute() or "\\" in text or ":" in text or len(path.parts) != 2
            or any(part in ("", ".", "..") for part in path.parts)
            or not re.fullmatch(r"[0-9a-f]{32}/[\w-]{1,64}\.wav", text)):
        raise ValueError("chemin audio refusé — attendu : un nom relatif "
                         "« <séance>/<fichier>.wav » sans « .. » ni chemin absolu")
    return text


def _depth(value: Any, level: int = 0) -> int:
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def _count(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + sum(_count(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(_count(v) for v in value)
    return 1


def _bounded_json(value: Any) -> Any:
    if _depth(value) > MAX_JSON_DEPTH:
        raise ValueError(f"imbrication trop profonde — attendu : au plus {MAX_JSON_DEPTH} "
                         "niveaux")
    if _count(value) > MAX_JSON_ITEMS:
        raise ValueError(f"trop de valeurs — attendu : au plus {MAX_JSON_ITEMS}")
    return value


Text = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(_no_control)]
Short = Annotated[str, StringConstraints(max_length=MAX_SHORT), AfterValidator(_no_control)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                        max_length=100), AfterValidator(_no_control)]
Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,63}$")]
# Student acts are identifiers; the customer's reply parts are short labels such as
# "fait:volume-mensuel" or "question de contrôle".
Tag = Annotated[str, StringConstraints(min_length=1, max_length=128),
                AfterValidator(_no_control)]
Timestamp = Annotated[str, StringConstraints(max_length=40), AfterValidator(_timestamp)]
AudioName = Annotated[str, StringConstraints(max_length=120), AfterValidator(_audio_name)]
Score = Annotated[float, Field(ge=0, le=20, allow_inf_nan=False)]
Weight = Annotated[float, Field(ge=0, le=1_000, allow_inf_nan=False)]
FreeJson = Annotated[JsonValue, AfterValidator(_bounded_json)]


class _Strict(BaseModel):
    # Unknown fields are refused (a typo or a crafted field never reaches the database);
    # numbers are never NaN or infinite.
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False,
                              frozen=True)


class ScenarioCopy(_Strict):
    hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None
    id: Ident
    title: Short = ""
    version: Annotated[str, StringConstraints(max_length=32)] = ""
    yaml: Annotated[str, StringConstraints(min_length=1, max_length=MAX_YAML)]


class TurnRecord(_Strict):
    number: Annotated[int, Field(ge=1, le=MAX_TURNS)]
    speaker: Speaker
    who: Ident | None = None
    text: Text
    acts: Annotated[list[Tag], Field(max_length=50)] = []
    entities: Annotated[list[FreeJson], Field(max_length=200)] = []
    topics: Annotated[list[Short], Field(max_length=100)] = []
    state: FreeJson = {}
    tip: Text | None = None
    at: Timestamp | None = None
    audio: AudioName | None = None
    cut_customer: bool = False


class EvidenceItem(_Strict):
    turn: Annotated[int, Field(ge=0, le=MAX_TURNS)] | None = None
    quote: Text = ""
    effect: Literal["+", "-"]
    note: Text


class CriterionCard(_Strict):
    id: Ident
    label: Short
    weight: Weight
    level: Level
    level_label: Short = ""
    score: Score
    evidence: Annotated[list[EvidenceItem], Field(max_length=200)] = []
    advice: Text | None = None


class ScorecardRecord(_Strict):
    scenario: Ident | None = None
    total: Score
    criteria: Annotated[list[CriterionCard], Field(max_length=60)]
    strengths: Annotated[list[Text], Field(max_length=20)] = []
    priorities: Annotated[list[Text], Field(max_length=20)] = []


ReportValue = Text | Annotated[list[Text], Field(max_length=50)]


class SessionRecord(_Strict):
    format: Literal["repliq-session"] = "repliq-session"
    version: Literal[1] = 1
    id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
    scenario_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None
    scenario_id: Ident | None = None
    variant: Ident | None = None
    seed: Annotated[int, Field(ge=0, le=2**63 - 1)] | None = None
    mode: Mode | None = None
    started_at: Timestamp
    ended_at: Timestamp | None = None
    status: Status = Status.FINISHED
    outcome: Outcome | None = None
    outcome_id: Ident | None = None
    ended_by: Ident | None = None
    mark: Score | None = None
    notes: Text | None = None
    student: Name
    scenario: ScenarioCopy
    turns: Annotated[list[TurnRecord], Field(max_length=MAX_TURNS)]
    scorecard: ScorecardRecord | None = None
    report: Annotated[dict[Ident, ReportValue], Field(max_length=20)] | None = None

    @model_validator(mode="after")
    def _turns_in_order(self) -> SessionRecord:
        # Repliq numbers turns 1, 2, 3… as they are committed; a gap or a repeat means the
        # file was edited, and would break the links from the scorecard to the turns.
        for expected, turn in enumerate(self.turns, start=1):
            if turn.number != expected:
                raise ValueError(f"tour n° {turn.number} à la position {expected} — attendu : "
                                 "des tours numérotés 1, 2, 3… sans trou ni doublon")
        return self


class ExportBundle(_Strict):
    format: Literal["repliq-export"]
    version: Literal[1] = 1
    sessions: Annotated[list[SessionRecord], Field(max_length=MAX_SESSIONS)]


def _where(location: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in location:
        if isinstance(item, int):
            parts[-1:] = [f"{parts[-1]}[{item + 1}]" if parts else f"[{item + 1}]"]
        elif item in ("str", "int", "float", "list", "dict", "bool", "function-after",
                      "constrained-str") or "[" in str(item) or "function-" in str(item):
            continue  # pydantic's union branch names say nothing to a teacher
        else:
            parts.append(str(item))
    return ".".join(parts) or "(racine)"


_MESSAGES = {
    "missing": "champ manquant",
    "extra_forbidden": "champ inconnu",
    "string_type": "texte attendu",
    "int_type": "nombre entier attendu",
    "float_type": "nombre attendu",
    "bool_type": "vrai ou faux attendu",
    "list_type": "liste attendue",
    "dict_type": "objet attendu",
    "model_type": "objet attendu",
    "finite_number": "nombre fini attendu",
    "literal_error": "valeur inconnue",
    "enum": "valeur inconnue",
    "recursion_loop": "imbrication trop profonde",
}


def describe(error: ValidationError, limit: int = 5) -> list[str]:
    """French lines `chemin.du.champ: ce qui ne va pas — ce qui était attendu`."""
    lines = []
    for item in error.errors(include_url=False)[:limit]:
        kind = item["type"]
        message = item["msg"]
        if kind == "value_error":
            message = message.removeprefix("Value error, ")
        else:
            base = _MESSAGES.get(kind)
            context = item.get("ctx") or {}
            if kind in ("literal_error", "enum"):
                message = f"valeur inconnue — attendu : {context.get('expected', '')}"
            elif kind in ("greater_than_equal", "less_than_equal"):
                message = (f"valeur hors limites — attendu : entre les bornes "
                           f"({'≥' if 'greater' in kind else '≤'} "
                           f"{context.get('ge', context.get('le'))})")
            elif kind == "string_too_long" or kind == "too_long":
                message = (f"trop long — attendu : au plus "
                           f"{context.get('max_length')} éléments ou caractères")
            elif kind == "string_too_short":
                message = "vide — attendu : un texte non vide"
            elif kind == "string_pattern_mismatch":
                message = "forme inattendue — attendu : un identifiant comme dans un export " \
                          "Repliq"
            elif base:
                message = base
            else:
                message = f"valeur refusée ({message})"
        lines.append(f"{_where(item['loc'])}: {message}")
    remaining = error.error_count() - limit
    if remaining > 0:
        lines.append(f"… et {remaining} autre(s) problème(s)")
    return lines


def parse_export(text: str) -> list[SessionRecord]:
    """The sessions of one export file (one session or a bundle). Raises ValidationError
    or ValueError; nothing is trusted before this returns."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise ValueError(f"imbrication trop profonde — attendu : au plus {MAX_JSON_DEPTH} "
                         "niveaux") from None
    kind = data.get("format") if isinstance(data, dict) else None
    # Strict JSON-mode validation reads the text again: enums and dates come as strings.
    if kind == "repliq-export":
        return list(ExportBundle.model_validate_json(text).sessions)
    if kind == "repliq-session":
        return [SessionRecord.model_validate_json(text)]
    raise ValueError("ce n'est pas un export Repliq — attendu : un fichier écrit par "
                     "« repliq sessions export ID --format json »")


def json_schema() -> dict[str, Any]:
    """The published schema: one session, or a bundle of sessions."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Export de séances Repliq",
        "description": "Ce que « repliq sessions import » accepte : une séance "
                       "(format repliq-session) ou plusieurs (format repliq-export).",
        "oneOf": [{"$ref": "#/$defs/SessionRecord"}, {"$ref": "#/$defs/ExportBundle"}],
    }
    bundle = ExportBundle.model_json_schema(ref_template="#/$defs/{model}")
    defs = bundle.pop("$defs")
    defs["ExportBundle"] = bundle
    schema["$defs"] = defs
    return schema


SCHEMA_PATH = Path(__file__).with_name("export.schema.json")


def schema_text() -> str:
    data = {"$comment": "Généré par « repliq sessions schema --write » : ne pas modifier à la "
                        "main.", **json_schema()}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
