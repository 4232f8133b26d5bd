"""One turn of a conversation as every layer sees it: built by the rehearsal loop from the
customer's understanding and reply, completed by the voice front end, committed by the store,
read back for review and export, and graded.

Its JSON shape is the one `repliq run --json`, the store's exports and the recovery files have
always had; `as_dict` writes it and `from_dict` is the only place that reads it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    """Who spoke (the `speaker` key of the JSON shape)."""

    STUDENT = "student"
    CUSTOMER = "customer"


@dataclass(kw_only=True)
class TurnRecord:
    role: Role
    text: str
    # The scenario person who answered (several may share the customer's side); None for the
    # student.
    who: str | None = None
    # Student: the acts understood; customer: what each part of the reply answered.
    acts: list[str] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)  # {type, text, value}
    topics: list[str] = field(default_factory=list)  # the scenario topics touched
    # The student's turn understood sentence by sentence (Sentence.as_dict); grading credits
    # a sentence's best act from it. Not stored in the base: None once read back.
    sentences: list[dict[str, Any]] | None = None
    state: dict[str, Any] = field(default_factory=dict)  # the customer after the turn
    tip: str | None = None  # the coach's advice (training mode)
    # Set by the store: the turn's place in the session (1, 2, 3…) and when it was committed.
    number: int | None = None
    at: str | None = None
    # Set by the voice front end.
    asr_text: str | None = None  # what speech recognition heard, before cleaning
    audio: str | None = None  # the kept WAV, relative to the data folder's audio directory
    cut_customer: bool = False  # the student talked over the customer and stopped them
    cut_after: float | None = None  # seconds of this customer turn heard before the cut
    timings: dict[str, float | None] | None = None  # seconds from the student's first sample
    tts_engine: str | None = None  # the synthesis engine that spoke this customer turn

    @property
    def is_student(self) -> bool:
        return self.role is Role.STUDENT

    @property
    def is_customer(self) -> bool:
        return self.role is Role.CUSTOMER

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape, keys in their historical order. A numbered turn comes from the store
        and lists every column the store keeps (null when empty), as exports always did; a
        turn still being played lists only what it has, as `repliq run --json` always did."""
        stored = self.number is not None
        data: dict[str, Any] = {}
        if stored:
            data["number"] = self.number
        data["speaker"] = self.role.value
        if stored or self.who is not None:
            data["who"] = self.who
        data.update(text=self.text, acts=self.acts, entities=self.entities, topics=self.topics)
        if self.sentences is not None:
            data["sentences"] = self.sentences
        data["state"] = self.state
        if stored or self.tip is not None:
            data["tip"] = self.tip
        if stored or self.at is not None:
            data["at"] = self.at
        if self.asr_text is not None:
            data["asr_text"] = self.asr_text
        if stored or self.audio is not None:
            data["audio"] = self.audio
        if self.cut_customer:
            data["cut_customer"] = True
        if self.cut_after is not None:
            data["cut_after"] = self.cut_after
        if self.timings is not None:
            data["timings"] = self.timings
        if self.tts_engine is not None:
            data["tts_engine"] = self.tts_engine
        return data

    @classmethod
    def from_dict(cls, data: Any) -> TurnRecord:
        """A turn from its JSON shape. Missing lists and state are empty and unknown keys are
        ignored (older records); a wrong type raises TypeError and an unknown speaker
        ValueError, with a French message naming the key."""
        if not isinstance(data, dict):
            raise TypeError(f"tour mal formé : objet attendu, reçu {_kind(data)}")
        speaker = data.get("speaker")
        if speaker is None:
            raise ValueError("tour mal formé : clé « speaker » manquante")
        if not isinstance(speaker, str) or speaker not in Role._value2member_map_:
            raise ValueError(f"tour mal formé : « speaker » vaut {speaker!r} — attendu : "
                             "student ou customer")
        text = data.get("text")
        if not isinstance(text, str):
            raise TypeError(f"tour mal formé : « text » doit être un texte, reçu {_kind(text)}")
        topics = data.get("topics")
        if isinstance(topics, dict):  # older records kept each topic's score
            topics = list(topics)
        sentences = data.get("sentences")
        return cls(
            role=Role(speaker), text=text, who=_optional(data, "who", str),
            acts=_items(data.get("acts"), "acts", str),
            entities=_items(data.get("entities"), "entities", dict),
            topics=_items(topics, "topics", str),
            sentences=None if sentences is None else _items(sentences, "sentences", dict),
            state=_object(data, "state") or {}, tip=_optional(data, "tip", str),
            number=_optional(data, "number", int), at=_optional(data, "at", str),
            asr_text=_optional(data, "asr_text", str), audio=_optional(data, "audio", str),
            cut_customer=bool(_optional(data, "cut_customer", bool)),
            cut_after=_optional(data, "cut_after", float),
            timings=_object(data, "timings"), tts_engine=_optional(data, "tts_engine", str))


_KINDS = {type(None): "null", bool: "un booléen", int: "un nombre", float: "un nombre",
          str: "un texte", list: "une liste", dict: "un objet"}


def _kind(value: Any) -> str:
    return _KINDS.get(type(value), type(value).__name__)


_EXPECTED = {str: "un texte", int: "un nombre entier", float: "un nombre",
             bool: "vrai ou faux", dict: "un objet"}


def _optional(data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if value is None:
        return None
    # bool is an int to Python, never in a turn; an int is a fine number of seconds.
    ok = isinstance(value, int | float) if kind is float else isinstance(value, kind)
    if isinstance(value, bool) and kind is not bool:
        ok = False
    if not ok:
        raise TypeError(f"tour mal formé : « {key} » doit être {_EXPECTED[kind]}, reçu "
                        f"{_kind(value)}")
    return value


def _object(data: dict[str, Any], key: str) -> dict[str, Any] | None:
    return _optional(data, key, dict)


def _items(value: Any, key: str, kind: type) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError(f"tour mal formé : « {key} » doit être une liste, reçu {_kind(value)}")
    for item in value:
        if not isinstance(item, kind):
            raise TypeError(f"tour mal formé : chaque élément de « {key} » doit être "
                            f"{_EXPECTED[kind]}, reçu {_kind(item)}")
    return value


def exchange_numbers(turns: Sequence[TurnRecord]) -> list[int]:
    """The number each turn shows, the same as the scorecard's "tour N": the student's turns
    counted 1, 2, 3…, each customer turn with the number of the student turn it answers (0
    for what she says before the student's first turn). The terminal, the application, the
    HTML page and the JSON evidence then all say "tour 7" of the same exchange (the Bilan cited
    "tour 7" for the bubble labelled 14)."""
    numbers, count = [], 0
    for turn in turns:
        if turn.is_student:
            count += 1
        numbers.append(count)
    return numbers
