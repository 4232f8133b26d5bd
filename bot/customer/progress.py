"""How the meeting moves on: its phase, and the handover to another person (a gatekeeper
putting the call through, a manager joining)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenarios.vocabulary import Act, Channel, Event, Phase

from ..conditions import any_holds
from ..replies import line_sentences
from ..text import fold
from . import people
from .reply import Priority, ReplyKind, ReplyPart, SpokenLine

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


# A caller owning up to a story told to get through ("vous m'avez grillé", "j'ai menti").
_CAUGHT_OUT = re.compile(r"\b(?:vous m'avez grille|tu m'as grille|je suis grille|j'ai (?:un peu )?"
                         r"menti|je vous ai (?:un peu )?menti|c'etait pas vrai|bien vu)\b")


# What the first speaker says before a newcomer walks in and takes the floor.
_REBUKING = {ReplyKind.CLAIM_DOUBTED, ReplyKind.RUDENESS}
# Her own offer to put the caller through ("Je peux aller le chercher.", "je vous le passe ?").
_OFFERED_TO_FETCH = re.compile(r"\b(?:je (?:peux|vais) (?:aller )?(?:le|la) (?:chercher|"
                               r"appeler|prevenir)|je (?:peux )?vous (?:le|la) passer)\b")


def handover(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    speaker = c.speaker
    if speaker.hands_over_to and speaker.hands_over_to not in c.state.present and (
            any_holds(speaker.hands_over_if, c.state, u) or (
                # She offered to fetch him, and is taken at her word: "Je peux aller le
                # chercher." then "allez le chercher" got "C'est tout à fait ça, oui." and
                # "Ça, je ne sais pas, moi." (round 55).
                _OFFERED_TO_FETCH.search(fold(c.last_reply)) is not None
                and people.asks_to_be_put_through(u, c.scenario.speaker(speaker.hands_over_to))
                and Act.IMPOLITESSE not in u.acts)):
        target = c.scenario.speaker(speaker.hands_over_to)
        if c.scenario.channel == Channel.FACE_A_FACE and \
                c.state.turn < c.rules.arrival_turn_min:
            # Announced "dans quelques minutes" by her welcome, he cannot answer the first
            # words ("Bonjour. Philippe Lefèvre. J'ai dix minutes." to the student's agenda,
            # round 50, twice).
            return
        if c.state.happened(Event.RAPPEL_FIXE) and c.scenario.channel != Channel.FACE_A_FACE \
                and not people.asks_to_be_put_through(u, target):
            # A callback agreed with her, she keeps to it unless asked for him again ("Je
            # rappelle genre à 15 h, ça va ?" got "Restez en ligne, je vous transfère",
            # round 44).
            return
        c.state.record(Event.TRANSFERT)
        forget(c, parts)
        if c.scenario.channel != Channel.FACE_A_FACE:
            # (At a meeting nobody "transfers the call": the newcomer walks in and speaks; the
            # first speaker's welcome says whether someone is expected.)
            # (Caught out, the caller is put through with a word about it: "Restez en ligne,
            # je vous transfère" to "bon, vous m'avez grillé" was too easy, round 43.)
            key = "handover_after_lie" if _CAUGHT_OUT.search(u.folded) else "handover"
            # What won her over comes first ("Ah, le dimanche… c'est la folie. C'est lui qui
            # gère ça. Un instant, je vous transfère."): a bare transfer left the caller's
            # question to her unanswered (round 44).
            lifted = [p.text for p in parts if p.kind == ReplyKind.OBJECTION
                      and p.priority == Priority.OBJECTION_LIFTED][:1]
            c.passed_on = SpokenLine(speaker.id, " ".join([*lifted, c.bank(key)]))
        elif rebuke := next((p.text for p in sorted(parts) if p.kind in _REBUKING
                             and p.priority <= Priority.INTERRUPTION), None):
            # What she cannot let pass is said before he walks in: the newcomer taking the
            # floor left a joke about undeclared income unanswered (round 49).
            c.passed_on = SpokenLine(speaker.id, rebuke)
        people.join(c, target)
        c.state.mood = target.mood
        c.state.patience = c.starting_patience(target.patience)
        parts.clear()
        greeting = c.voice.pick(target.lines.greeting)
        if c.scenario.channel == Channel.FACE_A_FACE and u.is_question:
            # Asked a question as he walks in ("Monsieur Lefèvre, combien vous coûte le
            # contrat Copitec ?"), he answers it: "Je vous rejoins. Où en êtes-vous ?" left it
            # unanswered and the student summed everything up again (blind play).
            from . import discovery  # (discovery imports this module's `forget`)
            answer: list[ReplyPart] = []
            state = c.state
            before = (list(state.facts_revealed), dict(state.fact_lines),
                      dict(state.fact_speakers))
            discovery.react(c, u, answer)
            told = [part for part in answer if part.kind == ReplyKind.FACT][:1]
            # Only the fact he says counts as told: the rest of what the question drew out
            # is left as it was (a line overwritten and never said was later "repeated").
            kept = {part.subject for part in told}
            state.facts_revealed = [f for f in state.facts_revealed
                                    if f in kept or f in before[0]]
            state.fact_lines = {f: line for f, line in state.fact_lines.items()
                                if f in kept} | {f: line for f, line in before[1].items()
                                                 if f not in kept}
            state.fact_speakers = {f: who for f, who in state.fact_speakers.items()
                                   if f in kept} | {f: who for f, who in before[2].items()
                                                    if f not in kept}
            if told:
                arrival = " ".join(sentence for sentence in line_sentences(greeting)
                                   if not sentence.endswith("?"))
                parts.append(ReplyPart(Priority.INTERRUPTION, arrival or greeting,
                                       ReplyKind.HANDOVER))
                parts.extend(told)
                return
        parts.append(ReplyPart(Priority.INTERRUPTION, greeting, ReplyKind.HANDOVER))


def forget(c: Customer, parts: list[ReplyPart]) -> None:
    """What was about to be said and is not (the previous speaker's words at a handover, the
    parts the reply plan leaves out): an objection or a fact in it is not counted as voiced,
    so nobody later says "je vous l'ai déjà dit" about it."""
    state = c.state
    for part in parts:
        if part.kind == ReplyKind.OBJECTION_RAISED and part.subject in state.objections_raised:
            state.objections_raised.remove(part.subject)
            state.objection_raised_at.pop(part.subject, None)
        elif part.kind == ReplyKind.FACT and state.fact_lines.get(part.subject) == part.text:
            state.facts_revealed.remove(part.subject)
            del state.fact_lines[part.subject]
            state.fact_speakers.pop(part.subject, None)
