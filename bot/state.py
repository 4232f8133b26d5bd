"""What the customer knows and feels at a point of the conversation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from scenarios.vocabulary import Act, Event, OutcomeType, Phase


@dataclass(frozen=True)
class HeardTurn:
    """What a past student turn did and spoke of, for a condition to be read against it."""
    acts: frozenset[Act]
    topics: frozenset[str]


@dataclass
class CustomerState:
    speaker: str
    mood: int
    patience: int
    turn: int = 0
    present: list[str] = field(default_factory=list)  # who the student is talking to now
    phase: Phase = Phase.CONTACT
    events: list[Event] = field(default_factory=list)
    facts_revealed: list[str] = field(default_factory=list)
    # Facts she has not told but the student said with their figure ("le technicien Copitec
    # en 48 h"): known to both, so a condition on them holds; still hers to tell.
    facts_stated: list[str] = field(default_factory=list)
    fact_lines: dict[str, str] = field(default_factory=dict)  # what was said, to say it again
    # What she added to a fact asked about again (the details of her other lines).
    fact_details: dict[str, list[str]] = field(default_factory=dict)
    fact_speakers: dict[str, str] = field(default_factory=dict)  # and who said it
    needs_understood: list[str] = field(default_factory=list)
    needs_said: list[str] = field(default_factory=list)  # named by her as what matters most
    arguments_heard: list[str] = field(default_factory=list)
    # Of those, the ones she answered (a loose mention, "en location avec la maintenance",
    # answered by her breakdowns, is heard; "la maintenance c'est sous 4 heures" after it is
    # not a thing she can say she was told).
    arguments_answered: list[str] = field(default_factory=list)
    objections_raised: list[str] = field(default_factory=list)
    objections_treated: list[str] = field(default_factory=list)
    objections_ignored: list[str] = field(default_factory=list)
    objection_raised_at: dict[str, int] = field(default_factory=dict)
    objection_explanations: dict[str, list[str]] = field(default_factory=dict)  # said
    objections_restated: dict[str, int] = field(default_factory=dict)  # times said again
    price_offered: float | None = None
    price_agreed: float | None = None
    lowest_price_offered: float | None = None
    amounts_heard: list[float] = field(default_factory=list)  # every amount the student said
    discount_asks: list[float] = field(default_factory=list)  # the price each time she asked
    concessions_given: list[str] = field(default_factory=list)
    counterparts_obtained: list[str] = field(default_factory=list)
    solutions_proposed: list[str] = field(default_factory=list)
    appointment: dict[str, str] | None = None
    choices: dict[str, str] = field(default_factory=dict)  # options offered -> the one taken
    email: str | None = None
    in_writing: bool = False  # the student said they will send it all in writing
    # The turn of the first promise outside the policy she took or doubted (not a blame she
    # rebuffed): taken back later, it is a promise withdrawn.
    promised_at: int | None = None
    # How many times she took or doubted such a promise: each one is a breach the grade counts
    # ("je vous fais un remboursement de 100 euros" after an express promised without photos
    # was no fault on the sheet, aveugle-35).
    promises: int = 0
    # How many times she refused money paid off the books or taken from the till ("payés en
    # liquide, on prend dans le fond de caisse"): an examiner holds it as fraud, not as a
    # generous breach of the policy (aveugle-36).
    frauds: int = 0
    floor_doubted: list[float] = field(default_factory=list)  # prices she doubted, below floor
    # Prices she set against the figure to beat ("269 €… l'autre offre est à 230 €"): once each.
    rival_compared: list[float] = field(default_factory=list)
    questions_asked: int = 0
    ended: bool = False
    ended_by: str | None = None
    outcome: str | None = None
    outcome_type: OutcomeType | None = None
    last_lines: list[str] = field(default_factory=list)
    heard: list[HeardTurn] = field(default_factory=list)  # the student's turns, in order

    @property
    def objections_pending(self) -> list[str]:
        return [o for o in self.objections_raised if o not in self.objections_treated]

    def happened(self, event: Event) -> bool:
        return event in self.events

    def record(self, event: Event) -> bool:
        """Record an event once; True when it is new."""
        if event in self.events:
            return False
        self.events.append(event)
        return True

    def record_promise(self) -> None:
        """A promise outside the sales policy, made to her in this turn."""
        self.record(Event.PROMESSE_HORS_POLITIQUE)
        self.promises += 1
        if self.promised_at is None:
            self.promised_at = self.turn

    def snapshot(self) -> dict[str, Any]:
        data = asdict(self)
        data["phase"] = self.phase.value
        data["events"] = [event.value for event in self.events]
        data["outcome_type"] = self.outcome_type.value if self.outcome_type else None
        data["objections_pending"] = self.objections_pending
        for private in ("fact_lines", "fact_details", "fact_speakers", "last_lines",
                        "objection_raised_at", "objection_explanations", "discount_asks",
                        "objections_restated", "needs_said",
                        "in_writing", "promised_at", "arguments_answered", "floor_doubted",
                        "rival_compared", "heard"):
            data.pop(private)
        return data
