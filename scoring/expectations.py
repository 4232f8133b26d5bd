"""The scenario's expectations (`evaluation.attendus`), each met at a turn or missed, with
what was missing: one computation gives both the verdict and its evidence, so a sheet never
says "attendu non tenu : se présente…" above "+ présentation — tour 1" without saying which
part was not there (issue 14)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.conditions import holds
from bot.state import CustomerState
from scenarios.model import Condition, Scenario

from .misconduct import Fault, faults
from .observations import Evidence, ev, with_facts_said
from .rubric import POLICY_BREACHES
from .transcript import StudentTurn, Transcript, view


@dataclass(frozen=True)
class ExpectationResult:
    label: str
    criterion: str
    turn: StudentTurn | None  # the turn it was met at
    missing: tuple[str, ...] = field(default=())  # what was never there, when missed

    @property
    def met(self) -> bool:
        return self.turn is not None

    @property
    def evidence(self) -> Evidence:
        if self.turn is not None:
            return ev(self.turn, True, f"attendu tenu : {self.label}")
        detail = f" (manque : {', '.join(self.missing)})" if self.missing else ""
        return Evidence(0, "", False, f"attendu non tenu : {self.label.rstrip('.')}{detail}")


def check(transcript: Transcript, scenario: Scenario, found: list[Fault] | None = None,
          states: list[CustomerState] | None = None) -> list[ExpectationResult]:
    """Each expectation, in the scenario's order. A turn with a fault touching the
    expectation's criterion, or breaking the policy, does not meet it: "si vous voulez être
    remboursée il fallait refuser le colis" names the refund but denies the right (aveugle-5:
    "attendu tenu : présenter correctement les droits" beside the fault)."""
    labels = _labels(scenario)
    states = with_facts_said(transcript, scenario) if states is None else states
    found = faults(transcript, scenario) if found is None else found
    results = []
    for expectation in scenario.grading.expectations:
        faulted: dict[int, Fault] = {}  # each turn's first fault that keeps it from counting
        for f in found:
            if f.touches(expectation.criterion) or f.kind in POLICY_BREACHES:
                faulted.setdefault(f.turn.number, f)
        # What a move brings about may come one exchange later: the director's "Validé" to the
        # goodbye that followed the recap of the deal (an act and the event it led to; the
        # reference excellent student, tests/data/calibration/e4-evenement-responsable).
        holding = [t for t, state, after in zip(transcript.turns, states, [*states[1:], None],
                                                strict=True)
                   if any(holds(c, state, view(t)) or (
                       after is not None and c.acts and c.events
                       and holds(c, after, view(t))) for c in expectation.when)]
        turn = next((t for t in holding if t.number not in faulted), None)
        missing: tuple[str, ...] = ()
        if turn is None and holding:
            first = holding[0].number
            missing = (f"un tour sans manquement (tour {first} : {faulted[first].label})",)
        elif turn is None:
            # What the condition closest to holding lacked.
            missing = min((tuple(_missing(c, transcript, states[-1], labels))
                           for c in expectation.when),
                          key=len, default=())
        results.append(ExpectationResult(expectation.label, expectation.criterion, turn,
                                         missing))
    return results


def _labels(scenario: Scenario) -> dict[str, str]:
    items = [*scenario.topics, *scenario.facts, *scenario.needs, *scenario.arguments,
             *scenario.objections]
    if scenario.negotiation:
        items += list(scenario.negotiation.counterparts)
    return {item.id: item.label for item in items}


def _missing(condition: Condition, transcript: Transcript, final: CustomerState,
             labels: dict[str, str]) -> list[str]:
    """The parts of the condition no turn showed; when each was shown but never together at
    one turn, that is what was missing."""
    turns = transcript.turns

    def named(ids: list[str]) -> str:
        return " ou ".join(f"« {labels.get(i, i)} »" for i in ids)

    def ever(test: Callable[[StudentTurn], bool]) -> bool:
        return any(test(t) for t in turns)

    c = condition
    lacks = []
    if c.acts and not ever(lambda t: bool(t.acts & set(c.acts or []))):
        lacks.append(" ou ".join(act.label.lower() for act in c.acts))
    if c.topics and not ever(lambda t: bool(set(t.topics) & set(c.topics or []))):
        lacks.append(f"parler de {named(c.topics)}")
    lacks += [event.label.lower() for event in c.events or [] if not final.happened(event)]
    lacks += [f"fait découvert {named([f])}" for f in c.facts_revealed or []
              if f not in final.facts_revealed and f not in final.facts_stated]
    if c.facts_revealed_min and len(final.facts_revealed) < c.facts_revealed_min:
        lacks.append(f"au moins {c.facts_revealed_min} faits découverts avant")
    lacks += [f"objection levée {named([o])}" for o in c.objections_treated or []
              if o not in final.objections_treated]
    if not lacks:
        lacks.append("réuni au même moment de l'entretien" if c.turn_max is None else
                     f"fait dans les {c.turn_max} premiers tours")
    return lacks
