"""The blind corpus of student turns (tests/data/corpus/): written by people who never saw
the engine, labelled by others, split by conversation fragment into a dev part (to look at
and tune on) and a test part (only measured on). See tests/data/corpus/README.md.

This module reads it and measures the understanding layer on it, per register: the figures
`repliq nlu eval --corpus` prints."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
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


Offer = tuple[float | None, float | None]  # (euros, percent): 269 €, or 10 %


class Annotation(StrEnum):
    """Whose labels a measure is taken against (tests/data/corpus/README.md)."""

    FIRST = "premier"  # labels/: the first annotator, alone
    SECOND = "second"  # labels-b/: the second annotator, alone, blind to the first
    AGREED = "accord"  # what both annotators say; what they disagree on is not counted


@dataclass(frozen=True)
class Labels:
    acts: frozenset[str]
    rude: bool
    closing: bool
    goodbye: bool
    refusal: bool
    offer: Offer | None
    quoted: tuple[float, ...]
    fact_asked: str | None
    answers_question: bool
    accepts_proposal: bool
    refuses_proposal: bool
    unsure: bool
    # Fields the two annotators disagree on: a measure skips them on this turn, since a
    # careful teacher could read the turn either way (Annotation.AGREED only).
    undecided: frozenset[str] = frozenset()

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Labels:
        return cls(frozenset(row["acts"]), row["rude"], row["closing"], row["goodbye"],
                   row["refusal"], _offer_label(row["student_offer"]),
                   tuple(float(v) for v in row["quoted_customer_figures"]
                         if isinstance(v, int | float)),
                   row["fact_asked"], row["answers_question"], row["accepts_proposal"],
                   row["refuses_proposal"], row["confidence"] == "unsure")

    def agreed(self, other: Labels) -> Labels:
        """What two annotators both say. An act only one of them saw is not required (the
        guide asks for acts 'a teacher would clearly credit'); a yes/no field, an offer or
        a fact they disagree on is undecided."""
        fields = ("rude", "closing", "goodbye", "refusal", "offer", "fact_asked",
                  "answers_question", "accepts_proposal", "refuses_proposal")
        return replace(
            self, acts=self.acts & other.acts,
            quoted=tuple(sorted(set(self.quoted) | set(other.quoted))),
            unsure=self.unsure or other.unsure,
            undecided=frozenset(name for name in fields
                                if getattr(self, name) != getattr(other, name)))

    def decided(self, name: str) -> bool:
        return name not in self.undecided


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


LABEL_FOLDERS = {Annotation.FIRST: "labels", Annotation.SECOND: "labels-b"}


def _labels(folder: Path, name: str, annotation: Annotation) -> dict[str, Labels]:
    if annotation is Annotation.AGREED:
        first = _labels(folder, name, Annotation.FIRST)
        second = _labels(folder, name, Annotation.SECOND)
        return {key: labels.agreed(second[key]) for key, labels in first.items()}
    path = folder / LABEL_FOLDERS[annotation] / name
    return {row["id"]: Labels.from_row(row) for row in _read_jsonl(path)}


def load(part: Part | None = None, folder: Path = CORPUS_DIR,
         annotation: Annotation = Annotation.AGREED) -> list[Turn]:
    """The labelled turns of one part (or all), in file order."""
    split = json.loads((folder / "split.json").read_text(encoding="utf-8"))
    turns = []
    for raw_path in sorted((folder / "raw").glob("*.jsonl")):
        labels = _labels(folder, raw_path.name, annotation)
        for row in _read_jsonl(raw_path):
            which = Part.TEST if row["fragment"] in split[row["scenario"]]["test"] else Part.DEV
            if part is not None and which != part:
                continue
            turns.append(Turn(
                row["id"], row["scenario"], row["variant"], row["fragment"], row["register"],
                row["asr"], row["customer_before"], row["text"], labels[row["id"]]))
    return turns


@dataclass(frozen=True)
class Reading:
    """What a reader says of one turn, in the corpus's own terms: the engine's
    understanding, or another annotator's labels (to measure how far two people agree)."""

    acts: frozenset[str]
    refusal: bool
    offer: Offer | None
    answers_question: bool
    accepts_proposal: bool
    refuses_proposal: bool
    fact_asked: str | None

    @classmethod
    def of(cls, understood: Understanding, facts: frozenset[str]) -> Reading:
        frame = understood.frame
        # The fact the customer answers: the first discovery question's best fact.
        return cls(frozenset(act.value for act in understood.acts), frame.refusal,
                   None if frame.offer is None else (frame.offer.amount, frame.offer.percent),
                   frame.answers_question, frame.accepts_proposal, frame.refuses_proposal,
                   next(iter(understood.facts_asked(facts)), None))

    @classmethod
    def of_labels(cls, labels: Labels) -> Reading:
        acts = set(labels.acts)
        # The yes/no labels stand for the acts the engine marks them with.
        for flag, act in ((labels.rude, Act.IMPOLITESSE), (labels.closing,
                          Act.DEMANDE_ENGAGEMENT), (labels.goodbye, Act.PRISE_DE_CONGE)):
            if flag:
                acts.add(act.value)
        return cls(frozenset(acts), labels.refusal, labels.offer, labels.answers_question,
                   labels.accepts_proposal, labels.refuses_proposal, labels.fact_asked)


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

    def add(self, turn: Turn, read: Reading) -> None:
        found, labels = read.acts, turn.labels
        expected = labels.acts
        self.turns += 1
        self.all_acts_found.add(expected <= found)
        for act in expected - found:
            extra = sorted(found - expected) or ["∅"]
            for other in extra:
                self.confusions[(act, other)] += 1
        said_rude = Act.IMPOLITESSE.value in found
        if labels.decided("rude"):
            if said_rude:
                self.rude_precision.add(labels.rude)
            (self.rude_recall if labels.rude else self.polite_read_as_rude).add(said_rude)
        said_closing = Act.DEMANDE_ENGAGEMENT.value in found
        if labels.decided("closing"):
            (self.closing_recall if labels.closing else
             self.non_closing_read_as_closing).add(said_closing)
        if labels.decided("goodbye") and labels.goodbye:
            self.goodbye_recall.add(Act.PRISE_DE_CONGE.value in found)
        if labels.decided("refusal"):
            if labels.refusal:
                self.refusal_recall.add(read.refusal)
            if read.refusal:
                self.refusal_precision.add(labels.refusal)
        refusal_as_offer = quote_as_offer = False
        if labels.decided("offer"):
            if labels.offer is not None:
                self.offer_exact.add(read.offer == labels.offer)
            wrong_offer = read.offer is not None and read.offer != labels.offer
            refusal_as_offer = labels.decided("refusal") and labels.refusal and \
                labels.offer is None and read.offer is not None
            quote_as_offer = wrong_offer and read.offer[0] in labels.quoted
            if labels.decided("refusal") and labels.refusal:
                self.refusal_read_as_offer.add(refusal_as_offer)
            if labels.quoted:
                self.quote_read_as_offer.add(quote_as_offer)
        if labels.decided("answers_question"):
            if labels.answers_question:
                self.answer_recall.add(read.answers_question)
            if read.answers_question:
                self.answer_precision.add(labels.answers_question)
        if labels.decided("accepts_proposal") and labels.decided("refuses_proposal") and \
                (labels.accepts_proposal or labels.refuses_proposal):
            self.proposal_reply.add((read.accepts_proposal, read.refuses_proposal)
                                    == (labels.accepts_proposal, labels.refuses_proposal))
        self.harmful.add(
            (said_rude and labels.decided("rude") and not labels.rude) or refusal_as_offer
            or quote_as_offer
            or (said_closing and labels.decided("closing") and not labels.closing))
        if labels.decided("fact_asked") and labels.fact_asked:
            self.fact_asked.add(read.fact_asked == labels.fact_asked)


def _offer_label(value: Any) -> Offer | None:
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

    def read(self, turn: Turn, context: Context | None = None) -> Reading:
        return Reading.of(self(turn, context), self.facts(turn))

    def facts(self, turn: Turn) -> frozenset[str]:
        return self._engine(turn)[1]


def measure(turns: Iterable[Turn], read: Callable[[Turn, Context], Reading]) -> Report:
    """Every turn read in its context: the customer's line before it and every figure the
    customer gave earlier in the same conversation fragment."""
    overall, asr, typed = Scores(), Scores(), Scores()
    by_register = {register: Scores() for register in REGISTERS}
    said: dict[tuple[str, int, str], frozenset[float]] = defaultdict(frozenset)
    for turn in turns:
        key = (turn.scenario, turn.fragment, turn.register)
        said[key] |= figures_said(turn.customer_before)
        reading = read(turn, Context(turn.customer_before, said[key]))
        for scores in (overall, by_register[turn.register], asr if turn.asr else typed):
            scores.add(turn, reading)
    return Report(overall, by_register, asr, typed)


def second_annotator(part: Part | None = None,
                     folder: Path = CORPUS_DIR) -> Callable[[Turn, Context], Reading]:
    """The second annotator read as if it were a system: measured against the first one,
    it says how far two careful teachers agree, the ceiling of any reading."""
    second = {turn.id: turn.labels for turn in load(part, folder, Annotation.SECOND)}
    return lambda turn, _context: Reading.of_labels(second[turn.id])
