"""The scenario's expectations (`evaluation.attendus`), each met at a turn or missed, with
what was missing: one computation gives both the verdict and its evidence, so a sheet never
says "attendu non tenu : se présente…" above "+ présentation — tour 1" without saying which
part was not there (issue 14)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bot.conditions import holds
from bot.state import CustomerState
from bot.text import fold
from scenarios.model import Condition, Scenario
from scenarios.vocabulary import Event

from .observations import Evidence, ev, introduced_in_words
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


def check(transcript: Transcript, scenario: Scenario) -> list[ExpectationResult]:
    """Each expectation, in the scenario's order."""
    labels = _labels(scenario)
    states = _with_facts_said(transcript, scenario)
    results = []
    for expectation in scenario.grading.expectations:
        turn = next((t for t, state in zip(transcript.turns, states, strict=True)
                     if any(holds(c, state, view(t)) for c in expectation.when)), None)
        missing: tuple[str, ...] = ()
        if turn is None:
            # What the condition closest to holding lacked.
            missing = min((tuple(_missing(c, transcript, states[-1], labels))
                           for c in expectation.when),
                          key=len, default=())
        results.append(ExpectationResult(expectation.label, expectation.criterion, turn,
                                         missing))
    return results


# An identity checked by name ("Madame Garnier, c'est bien vous ?").
_IDENTITY_CHECK = re.compile(r"\b(?:c'est bien|vous etes bien|je parle bien a|bien vous)\b")
# A reference of letters and digits ("EM-458921"); a bare figure the student says ("12000")
# is a guess, not the file identified.
_REFERENCE = re.compile(r"(?=.*[a-z])(?=.*\d)[a-z0-9-]{5,}")


def _with_facts_said(transcript: Transcript, scenario: Scenario) -> list[CustomerState]:
    """Each turn's state with the facts the student said themselves from the brief: an order
    number read out ("je vois votre commande EM-458921"), the customer's name asked to confirm.
    The customer had nothing to reveal, but the file was identified (an examiner rated it
    "très satisfaisant" where the expectation said "manque : fait découvert")."""
    values = {fact.id: [fold(str(v)) for v in fact.values.values() if str(v).strip()]
              for fact in scenario.facts}
    said: list[str] = []
    states = []
    for turn in transcript.turns:
        folded = fold(turn.text)
        checked = _IDENTITY_CHECK.search(folded) is not None
        for fact_id, written in values.items():
            if fact_id not in said and (
                    any(_REFERENCE.fullmatch(v) and v in folded for v in written) or (
                        checked and any(re.search(rf"\b{re.escape(v.split()[-1])}\b", folded)
                                        for v in written if not any(c.isdigit() for c in v)))):
                said.append(fact_id)
        states.append(replace(turn.state, facts_stated=[*turn.state.facts_stated, *said])
                      if said else turn.state)
    # An introduction in words the engine missed is one, as the contact observation reads it.
    introduced = introduced_in_words(transcript.turns, scenario)
    if introduced is not None:
        states = [replace(state, events=[*state.events, Event.PRESENTATION_FAITE])
                  if turn.number >= introduced.number and
                  Event.PRESENTATION_FAITE not in state.events else state
                  for turn, state in zip(transcript.turns, states, strict=True)]
    return states


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
