"""How the meeting moves on: its phase, and the handover to another person (a gatekeeper
putting the call through, a manager joining)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scenarios.vocabulary import Act, Channel, Event, Phase

from ..conditions import any_holds
from .reply import Priority, ReplyKind, ReplyPart

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer


def update_phase(c: Customer, u: Understanding) -> None:
    state, acts = c.state, u.acts
    if acts & {Act.DEMANDE_ENGAGEMENT, Act.PROPOSITION_RDV, Act.RECAPITULATIF,
               Act.PRISE_DE_CONGE}:
        state.phase = Phase.CONCLUSION
    elif acts & {Act.CONCESSION, Act.DEMANDE_CONTREPARTIE, Act.ANNONCE_PRIX}:
        state.phase = Phase.NEGOCIATION
    elif state.objections_pending or Act.TRAITEMENT_OBJECTION in acts:
        state.phase = Phase.OBJECTIONS
    elif acts & {Act.ARGUMENT, Act.PREUVE, Act.PROPOSITION_SOLUTION}:
        state.phase = Phase.ARGUMENTATION
    elif (u.is_question and state.phase == Phase.CONTACT and state.turn > 1) or (
            acts & {Act.QUESTION_OUVERTE, Act.QUESTION_FERMEE, Act.REFORMULATION}
            and state.phase in (Phase.CONTACT, Phase.ARGUMENTATION)):
        state.phase = Phase.DECOUVERTE


def handover(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    speaker = c.speaker
    if speaker.hands_over_to and any_holds(speaker.hands_over_if, c.state, u):
        target = c.scenario.speaker(speaker.hands_over_to)
        c.state.record(Event.TRANSFERT)
        # Face to face, nobody "transfers the call": the person who decides joins the room.
        said = c.bank("handover_in_person" if c.scenario.channel == Channel.FACE_A_FACE
                      else "handover")
        c.state.speaker = target.id
        c.state.mood = target.mood
        c.state.patience = c.starting_patience(target.patience)
        parts.clear()
        parts.append(ReplyPart(Priority.INTERRUPTION,
                               f"{said} {c.voice.pick(target.lines.greeting)}",
                               ReplyKind.HANDOVER))
