"""Evaluating a scenario's conditions (triggers, treatments, outcomes...) against the state of
the conversation and the student's last turn."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scenarios.model import Condition

from .state import CustomerState, HeardTurn

if TYPE_CHECKING:
    from .understand import Understanding


def holds(condition: Condition, state: CustomerState,
          turn: Understanding | HeardTurn | None) -> bool:
    """All tests of the condition hold (see docs/scenarios.md, « Les conditions »)."""
    c = condition
    acts = turn.acts if turn else set()
    topics = set(turn.topics) if turn else set()
    price = state.price_agreed if state.price_agreed is not None else state.price_offered
    checks = (
        c.phase is None or state.phase in c.phase,
        c.turn_min is None or state.turn >= c.turn_min,
        c.turn_max is None or state.turn <= c.turn_max,
        c.acts is None or bool(acts & set(c.acts)),
        c.topics is None or bool(topics & set(c.topics)),
        c.events is None or all(state.happened(event) for event in c.events),
        c.facts_revealed is None or all(f in state.facts_revealed or f in state.facts_stated
                                        for f in c.facts_revealed),
        c.facts_revealed_min is None or len(state.facts_revealed) >= c.facts_revealed_min,
        c.facts_revealed_max is None or len(state.facts_revealed) <= c.facts_revealed_max,
        c.objections_treated is None or all(o in state.objections_treated
                                            for o in c.objections_treated),
        c.objections_ignored is None or any(o in state.objections_ignored
                                            for o in c.objections_ignored),
        c.objections_pending_max is None
        or len(state.objections_pending) <= c.objections_pending_max,
        c.price_min is None or (price is not None and price >= c.price_min),
        c.price_max is None or (price is not None and price <= c.price_max),
        c.mood_min is None or state.mood >= c.mood_min,
        c.mood_max is None or state.mood <= c.mood_max,
        c.patience_min is None or state.patience >= c.patience_min,
        c.patience_max is None or state.patience <= c.patience_max,
        c.speaker is None or state.speaker == c.speaker,
    )
    if not all(checks):
        return False
    return c.unless is None or not holds(c.unless, state, turn)


def any_holds(conditions: list[Condition], state: CustomerState,
              turn: Understanding | HeardTurn | None) -> bool:
    return any(holds(condition, state, turn) for condition in conditions)
