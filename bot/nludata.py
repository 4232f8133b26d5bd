"""Repliq's NLU training data, kept in Rasa's format (`nlu.yml`): intents with examples where
entities are annotated `[value](entity)`, plus `regex:` and `synonym:` entries.

Rasa's own reader needs Rasa (Python < 3.11, TensorFlow); this reads the same format with
ruamel.yaml so that the data stays the single source for both engines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

DATA_DIR = Path(__file__).parent / "data"
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\((\w+)\)|\{\"entity\": ?\"(\w+)\"[^}]*\})")


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    entities: tuple[tuple[str, str], ...] = ()  # (entity type, annotated text)
    weight: float = 1.0  # how much the example counts in training


@dataclass
class NluData:
    examples: list[Example] = field(default_factory=list)
    regexes: dict[str, list[str]] = field(default_factory=dict)
    synonyms: dict[str, list[str]] = field(default_factory=dict)

    def intents(self) -> list[str]:
        return sorted({example.intent for example in self.examples})

    def by_intent(self) -> dict[str, list[Example]]:
        grouped: dict[str, list[Example]] = {}
        for example in self.examples:
            grouped.setdefault(example.intent, []).append(example)
        return grouped


def parse_example(line: str, intent: str) -> Example:
    """'Le loyer est de [289 €](montant)' → plain text and its annotated entities."""
    entities = tuple((m.group(2) or m.group(3), m.group(1)) for m in _ANNOTATION.finditer(line))
    return Example(_ANNOTATION.sub(r"\1", line).strip(), intent, entities)


def _lines(block: Any) -> list[str]:
    return [line.strip()[2:].strip() for line in str(block or "").splitlines()
            if line.strip().startswith("- ")]


def nlu_files() -> list[Path]:
    """Every `nlu*.yml` shipped with Repliq: the act classifier's training data."""
    return sorted(DATA_DIR.glob("nlu*.yml"))


def load(paths: list[Path] | None = None) -> NluData:
    """Read one or more Rasa NLU files (by default every `nlu*.yml` shipped with Repliq)."""
    files = paths if paths is not None else nlu_files()
    data = NluData()
    yaml = YAML(typ="safe")
    for path in files:
        document = yaml.load(path.read_text(encoding="utf-8")) or {}
        for item in document.get("nlu") or []:
            if "intent" in item:
                data.examples.extend(parse_example(line, str(item["intent"]))
                                     for line in _lines(item.get("examples")))
            elif "regex" in item:
                data.regexes.setdefault(str(item["regex"]), []).extend(
                    _lines(item.get("examples")))
            elif "synonym" in item:
                data.synonyms.setdefault(str(item["synonym"]), []).extend(
                    _lines(item.get("examples")))
    return data
