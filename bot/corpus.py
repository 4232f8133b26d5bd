"""The blind corpus of student turns (tests/data/corpus/): written by people who never saw
the engine, labelled by others, split by conversation fragment into a dev part (to look at
and tune on) and a test part (only measured on). See tests/data/corpus/README.md.

This module reads it and measures the understanding layer on it, per register: the figures
`repliq nlu eval --corpus` prints."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from scenarios.vocabulary import Act

from .frame import Context, figures_said
from .understand import Understander, Understanding

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"
REGISTERS = ("competent", "oral", "maladroit", "hors-script")


class Part(StrEnum):
    DEV = "dev"
    TEST = "test"


@dataclass(frozen=True)
class Labels:
    acts: frozenset[str]
    rude: bool
    closing: bool
    goodbye: bool
    refusal: bool
    student_offer: Any  # euros, {"percent": n} or None
    quoted: tuple[float, ...]
    fact_asked: str | None
    answers_question: bool
    accepts_proposal: bool
    refuses_proposal: bool
    unsure: bool


@dataclass(frozen=True)
class Turn:
    id: str
    scenario: str
    variant: str | None
    fragment: int
    register: str
    asr: bool
    customer_before: str
    text: str
    labels: Labels


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def load(part: Part | None = None, folder: Path = CORPUS_DIR) -> list[Turn]:
    """The labelled turns of one part (or all), in file order."""
    split = json.loads((folder / "split.json").read_text(encoding="utf-8"))
    turns = []
    for raw_path in sorted((folder / "raw").glob("*.jsonl")):
        labels = {row["id"]: row for row in _read_jsonl(folder / "labels" / raw_path.name)}
        for row in _read_jsonl(raw_path):
            which = Part.TEST if row["fragment"] in split[row["scenario"]]["test"] else Part.DEV
            if part is not None and which != part:
                continue
            label = labels[row["id"]]
            turns.append(Turn(
                row["id"], row["scenario"], row["variant"], row["fragment"], row["register"],
                row["asr"], row["customer_before"], row["text"],
                Labels(frozenset(label["acts"]), label["rude"], label["closing"],
                       label["goodbye"], label["refusal"], label["student_offer"],
                       tuple(float(v) for v in label["quoted_customer_figures"]
                             if isinstance(v, int | float)),
                       label["fact_asked"], label["answers_question"],
                       label["accepts_proposal"], label["refuses_proposal"],
                       label["confidence"] == "unsure")))
    return turns


@dataclass
class Rate:
    """A proportion with its counts, printed as 'hits/total (percent)'."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += int(hit)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __str__(self) -> str:
        value = self.value
        return "—" if value is None else f"{value:.3f} ({self.hits}/{self.total})"


@dataclass
class Scores:
    """What the issue's targets ask for, on one group of turns."""

    turns: int = 0
    all_acts_found: Rate = field(default_factory=Rate)
    rude_precision: Rate = field(default_factory=Rate)
    rude_recall: Rate = field(default_factory=Rate)
    polite_read_as_rude: Rate = field(default_factory=Rate)
    closing_recall: Rate = field(default_factory=Rate)
    non_closing_read_as_closing: Rate = field(default_factory=Rate)
    goodbye_recall: Rate = field(default_factory=Rate)
    refusal_recall: Rate = field(default_factory=Rate)
    refusal_precision: Rate = field(default_factory=Rate)
    offer_exact: Rate = field(default_factory=Rate)
    refusal_read_as_offer: Rate = field(default_factory=Rate)
    quote_read_as_offer: Rate = field(default_factory=Rate)
    harmful: Rate = field(default_factory=Rate)
    answer_recall: Rate = field(default_factory=Rate)
    answer_precision: Rate = field(default_factory=Rate)
    proposal_reply: Rate = field(default_factory=Rate)
    fact_asked: Rate = field(default_factory=Rate)
    confusions: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))

    def add(self, turn: Turn, understood: Understanding, facts: frozenset[str]) -> None:
        found = {act.value for act in understood.acts}
        expected = turn.labels.acts
        self.turns += 1
        self.all_acts_found.add(expected <= found)
        for act in expected - found:
            extra = sorted(found - expected) or ["∅"]
            for other in extra:
                self.confusions[(act, other)] += 1
        said_rude = Act.IMPOLITESSE.value in found
        if said_rude:
            self.rude_precision.add(turn.labels.rude)
        if turn.labels.rude:
            self.rude_recall.add(said_rude)
        else:
            self.polite_read_as_rude.add(said_rude)
        said_closing = Act.DEMANDE_ENGAGEMENT.value in found
        if turn.labels.closing:
            self.closing_recall.add(said_closing)
        else:
            self.non_closing_read_as_closing.add(said_closing)
        if turn.labels.goodbye:
            self.goodbye_recall.add(Act.PRISE_DE_CONGE.value in found)
        frame = understood.frame
        if turn.labels.refusal:
            self.refusal_recall.add(frame.refusal)
        if frame.refusal:
            self.refusal_precision.add(turn.labels.refusal)
        expected_offer = _offer_label(turn.labels.student_offer)
        said_offer = None if frame.offer is None else \
            (frame.offer.amount, frame.offer.percent)
        if expected_offer is not None:
            self.offer_exact.add(said_offer == expected_offer)
        wrong_offer = said_offer is not None and said_offer != expected_offer
        refusal_as_offer = turn.labels.refusal and expected_offer is None and \
            said_offer is not None
        quote_as_offer = wrong_offer and said_offer[0] in turn.labels.quoted
        if turn.labels.refusal:
            self.refusal_read_as_offer.add(refusal_as_offer)
        if turn.labels.quoted:
            self.quote_read_as_offer.add(quote_as_offer)
        if turn.labels.answers_question:
            self.answer_recall.add(frame.answers_question)
        if frame.answers_question:
            self.answer_precision.add(turn.labels.answers_question)
        if turn.labels.accepts_proposal or turn.labels.refuses_proposal:
            self.proposal_reply.add(
                (frame.accepts_proposal, frame.refuses_proposal)
                == (turn.labels.accepts_proposal, turn.labels.refuses_proposal))
        self.harmful.add((said_rude and not turn.labels.rude) or refusal_as_offer
                         or quote_as_offer or (said_closing and not turn.labels.closing))
        if turn.labels.fact_asked:
            # The fact the customer answers: the first discovery question's best fact.
            self.fact_asked.add(understood.facts_asked(facts)[:1] == [turn.labels.fact_asked])


def _offer_label(value: Any) -> tuple[float | None, float | None] | None:
    """The annotators' offer as (euros, percent): a number, or {"percent": n}."""
    if isinstance(value, int | float):
        return (float(value), None)
    if isinstance(value, dict) and "percent" in value:
        return (None, float(value["percent"]))
    return None


@dataclass
class Report:
    overall: Scores
    by_register: dict[str, Scores]
    asr: Scores
    typed: Scores


class ScenarioReader:
    """Reads each turn with the engine of its scenario and variant (topics, company), built
    once per scenario, and knows each scenario's facts."""

    def __init__(self, base: Understander) -> None:
        self._base = base
        self._engines: dict[tuple[str, str | None], tuple[Understander, frozenset[str]]] = {}

    def _engine(self, turn: Turn) -> tuple[Understander, frozenset[str]]:
        from scenarios import load_scenario
        from scenarios.catalog import find

        key = (turn.scenario, turn.variant)
        if key not in self._engines:
            scenario = load_scenario(find(turn.scenario), turn.variant)
            self._engines[key] = (self._base.for_scenario(scenario),
                                  frozenset(fact.id for fact in scenario.facts))
        return self._engines[key]

    def __call__(self, turn: Turn, context: Context | None = None) -> Understanding:
        return self._engine(turn)[0].understand(turn.text, context)

    def facts(self, turn: Turn) -> frozenset[str]:
        return self._engine(turn)[1]


def measure(turns: Iterable[Turn], understand: ScenarioReader) -> Report:
    """Every turn read in its context: the customer's line before it and every figure the
    customer gave earlier in the same conversation fragment."""
    overall, asr, typed = Scores(), Scores(), Scores()
    by_register = {register: Scores() for register in REGISTERS}
    said: dict[tuple[str, int, str], frozenset[float]] = defaultdict(frozenset)
    for turn in turns:
        key = (turn.scenario, turn.fragment, turn.register)
        said[key] |= figures_said(turn.customer_before)
        understood = understand(turn, Context(turn.customer_before, said[key]))
        for scores in (overall, by_register[turn.register], asr if turn.asr else typed):
            scores.add(turn, understood, understand.facts(turn))
    return Report(overall, by_register, asr, typed)
