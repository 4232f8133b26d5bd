"""Objections: when the customer raises one, when an answer lifts it, and what happens when
the student ignores it. While one is pending the customer does not conclude."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenarios.model import Objection
from scenarios.vocabulary import Act, Event, Phase

from ..conditions import any_holds
from ..text import fold
from .reply import Priority, ReplyKind, ReplyPart, Stance

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer

# Words that take up what the customer just objected: the answer is a treatment.
_ANSWERING = re.compile(r"\b(mais|justement|cependant|pourtant|toutefois|c'est vrai|"
                        r"je comprends|comparons|comparez|en fait|par contre|au contraire)\b")
_ANSWERING_ACTS = {Act.ARGUMENT, Act.PREUVE, Act.EMPATHIE, Act.REFORMULATION,
                   Act.ANNONCE_PRIX, Act.QUESTION_OUVERTE}


def answer_pending(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """The objections raised in earlier turns: lifted, insisted on, or ignored."""
    state = c.state
    if state.objections_pending and _ANSWERING.search(fold(u.text)) and \
            u.acts & _ANSWERING_ACTS:
        u.context_acts.add(Act.TRAITEMENT_OBJECTION)
    if Act.TRAITEMENT_OBJECTION in u.acts:
        # Answering an objection is arguing: a treatment that asks for an argument or a
        # proof accepts an explicit objection answer with the right topics.
        u.context_acts.add(Act.ARGUMENT)
    for objection_id in list(state.objections_pending):
        raised_at = state.objection_raised_at.get(objection_id, state.turn)
        if raised_at >= state.turn:
            continue
        objection = c.objections[objection_id]
        if any_holds(objection.treated_if, state, u):
            state.objections_treated.append(objection_id)
            c.move(c.rules.objection_treated_mood, c.rules.objection_treated_patience)
            parts.append(ReplyPart(Priority.OBJECTION_LIFTED,
                                   c.voice.pick(objection.accepted_lines), ReplyKind.OBJECTION,
                                   stance=Stance.POSITIVE))
            continue
        addressed = objection_id in u.topics or Act.TRAITEMENT_OBJECTION in u.acts
        if addressed:
            parts.append(ReplyPart(Priority.FOLLOW_UP, _still(c, objection, u),
                                   ReplyKind.OBJECTION, stance=Stance.NEGATIVE))
        elif raised_at == state.turn - 1 and objection_id not in state.objections_ignored:
            _ignored(c, objection, parts)


def _still(c: Customer, objection: Objection, u: Understanding) -> str:
    """What still bothers her. Asked about it ("qu'est-ce qui vous gêne ?"), or once a
    general "ça ne règle pas ce qui me gêne" has been said, she says it again in her own
    words, as a repetition she owns ("Je vous l'ai dit : …")."""
    insisted = any(line in c.state.last_lines for line in c.stock("objection_insist"))
    if not (u.is_question or insisted):
        return c.bank("objection_insist")
    said = c.voice.pick(objection.lines)
    return f"{c.bank('repeat_prefix')} {said[0].lower()}{said[1:]}"


def _ignored(c: Customer, objection: Objection, parts: list[ReplyPart]) -> None:
    state = c.state
    state.objections_ignored.append(objection.id)
    state.record(Event.OBJECTION_IGNOREE)
    effect = objection.if_ignored.effect
    c.move(effect.mood or c.rules.objection_ignored_mood,
           effect.patience or c.rules.objection_ignored_patience)
    parts.append(ReplyPart(Priority.FOLLOW_UP,
                           c.lines_or_bank(objection.if_ignored.lines, "objection_insist"),
                           ReplyKind.OBJECTION_IGNORED, stance=Stance.NEGATIVE))


def raise_new(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """At most one new objection per reply, when one of its conditions holds; one the
    student answered before it was voiced is treated at once ("prévenir l'objection")."""
    state = c.state
    for objection in c.scenario.objections:
        if objection.id in state.objections_raised:
            continue
        if objection.speaker not in (None, state.speaker):
            continue
        if any_holds(objection.when, state, u):
            state.objections_raised.append(objection.id)
            state.objection_raised_at[objection.id] = state.turn
            if any_holds(objection.treated_if, state, u):
                state.objections_treated.append(objection.id)
                continue
            if state.phase != Phase.CONCLUSION:
                state.phase = Phase.OBJECTIONS
            parts.append(ReplyPart(Priority.FOLLOW_UP, c.voice.pick(objection.lines),
                                   ReplyKind.OBJECTION_RAISED, objection.id,
                                   stance=Stance.NEGATIVE))
            return
