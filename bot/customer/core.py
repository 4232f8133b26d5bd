"""One conversation with the simulated customer: the state, the voice, and the order in which
each kind of reaction (one module each in this package) looks at the student's turn."""

from __future__ import annotations

import random
import re

from scenarios.model import Scenario, Speaker
from scenarios.vocabulary import Act, CallDirection, Event, Kind, Outcome, SocialStyle

from ..frame import Context
from ..questions import is_question
from ..replies import Voice
from ..state import CustomerState, HeardTurn
from ..text import fold, proper_nouns
from ..understand import Understander, Understanding
from . import (
    appointments,
    arguments,
    choices,
    claims,
    closing,
    complaint,
    discovery,
    ending,
    listening,
    manners,
    negotiation,
    objections,
    people,
    progress,
)
from .reply import (
    CustomerTurn,
    Priority,
    ReplyKind,
    ReplyPart,
    SpokenLine,
    compose,
    without_echoes,
    without_go_on,
)
from .requests import Request, asks
from .rules import Rules

_WARM = {SocialStyle.EXPRESSIF, SocialStyle.AIMABLE}


class Customer:
    """One conversation with the simulated customer of a scenario."""

    def __init__(self, scenario: Scenario, understander: Understander, seed: int = 0,
                 variant: str | None = None, rules: Rules | None = None) -> None:
        self.scenario = scenario
        self.rules = rules or Rules()
        self.understander = understander.for_scenario(scenario)
        first = scenario.speaker(scenario.first_speaker)
        self.state = CustomerState(speaker=first.id, mood=first.mood, present=[first.id],
                                   patience=self.starting_patience(first.patience))
        self.voice = Voice(random.Random(f"{scenario.id}/{variant or ''}/{seed}"),
                           self.state.last_lines)
        self._greeted = False
        self.passed_on: SpokenLine | None = None  # this turn's transfer line (progress.py)
        # What the student hears as context: the customer's last line, and every figure the
        # customer gave (a student repeating one quotes it, they do not offer it).
        self._context = Context()
        self.facts = {fact.id: fact for fact in scenario.facts}
        # Names keep their capital when one of her lines is said after a lead-in.
        self.names = proper_nouns(scenario.model_dump_json())
        self.objections = {o.id: o for o in scenario.objections}
        self.arguments = {a.id: a for a in scenario.arguments}
        deal = scenario.negotiation
        self.counterparts = {c.id: c for c in deal.counterparts} if deal else {}
        self.concessions = {c.id: c for c in deal.concessions} if deal else {}
        policy = scenario.policy
        self.solutions = {s.id for s in policy.solutions} if policy else set()
        self.gestures = {g.id for g in policy.gestures} if policy else set()
        self.forbidden = {f.id: f for f in policy.forbidden} if policy else {}
        self.legal = {p.id: p for p in policy.legal_points} if policy else {}

    # --- what every reaction uses ----------------------------------------------------------

    @property
    def last_reply(self) -> str:
        """What she said last (the next turn is read against it)."""
        return self._context.customer_line

    @property
    def said_figures(self) -> frozenset[float]:
        """Every figure she has said so far (her budget, her rent, her volumes)."""
        return self._context.customer_figures

    @property
    def speaker(self) -> Speaker:
        return self.scenario.speaker(self.state.speaker)

    def bank(self, key: str, **values: str) -> str:
        """A line of the reply banks, in this speaker's social style and register. A warm
        style's effusions ("Formidable, j'accepte avec plaisir !") are not for a customer still
        cross: blind reviewers heard them from the angry caller of a complaint."""
        if self.scenario.kind == Kind.NEGOCIATION_INTERNE and Voice.has(f"{key}_interne"):
            key = f"{key}_interne"  # a manager's words for a budget, not a buyer's for a price
        elif self.scenario.kind == Kind.RECLAMATION and Voice.has(f"{key}_reclamation"):
            # A caller with a broken machine does not judge a pitch ("Intéressant.
            # Continuez." from the angry caller sounded like an examiner, blind reviewers).
            key = f"{key}_reclamation"
        style = self.speaker.social_style
        warm_mood = self.rules.warm_style_mood_complaint \
            if self.scenario.kind == Kind.RECLAMATION else self.rules.warm_style_mood
        if style in _WARM and self.state.mood < warm_mood:
            style = None
        return self.voice.bank(key, self.speaker.address, style, **values)

    def stock(self, key: str) -> list[str]:
        """Every line of a generic bank in this speaker's register (to know if one was said)."""
        return self.voice.lines(key, self.speaker.address, self.speaker.social_style)

    def unsaid(self, key: str) -> str | None:
        """One line of a generic bank she has not said yet; None once she has said them all
        (the caller then says it another way rather than repeat one)."""
        fresh = [line for line in self.stock(key) if line not in self.voice.used]
        return self.voice.pick(fresh) if fresh else None

    def deflect(self, u: Understanding) -> str:
        """Her way of not answering, in her persona's words; one that says she has no figure
        in mind only to a question that asks one ("Ça, je n'ai pas le chiffre en tête" to "je
        peux envoyer un SMS ?" was absurd, blind play)."""
        lines = self.speaker.lines.deflect
        if not _ASKS_A_FIGURE.search(u.folded):
            lines = [line for line in lines if not _NAMES_A_FIGURE.search(fold(line))]
        if any(turn.acts & _PROPOSING for turn in self.state.heard) or u.acts & _PROPOSING:
            # Once the project is on the table, not "Qu'est-ce que vous me proposez,
            # concrètement ?" nor "Votre projet, d'abord." (round 51, after a costed plan).
            lines = [line for line in lines if not _ASKS_THE_PROPOSAL.search(fold(line))]
        return self.lines_or_bank(lines, "deflect")

    def lines_or_bank(self, lines: list[str], key: str) -> str:
        """The scenario's own lines when it has some not yet said, else the generic bank."""
        if lines and any(line not in self.voice.used for line in lines):
            return self.voice.pick(lines)
        return self.bank(key)

    def move(self, mood: int = 0, patience: int = 0) -> None:
        self.state.mood = _clamp(self.state.mood + mood)
        self.state.patience = _clamp(self.state.patience + patience)

    def starting_patience(self, patience: int) -> int:
        return _clamp(patience + self.rules.patience_bonus[self.scenario.difficulty])

    # --- the conversation ----------------------------------------------------------------

    def opening(self) -> CustomerTurn | None:
        """What the customer says first: they answer the phone, or welcome the student.
        On an inbound call the student speaks first, so there is nothing to say yet."""
        if self.scenario.call and self.scenario.call.direction == CallDirection.ENTRANT:
            return None
        self._greeted = True
        line = self.voice.pick(self.speaker.lines.greeting)
        self._context = Context.after(line, self._context.customer_figures)
        return CustomerTurn(line, self.speaker.id, [ReplyKind.GREETING.value])

    def step(self, text: str) -> tuple[Understanding, CustomerTurn]:
        """The student's turn in, the customer's reply out."""
        understanding = self.understander.understand(text, self._context)
        state = self.state
        if state.ended:
            return understanding, CustomerTurn("", state.speaker, [], ended=True)
        state.turn += 1
        self.passed_on = None
        people.choose_speaker(self, understanding)
        parts: list[ReplyPart] = []
        if not self._greeted:
            self._greeted = True
            parts.append(ReplyPart(Priority.GREETING, self.voice.pick(
                self.speaker.lines.greeting), ReplyKind.GREETING))
        self._tire()
        if understanding.empty:
            self.move(patience=self.rules.not_understood_patience)
            parts.append(ReplyPart(Priority.ALARM, self.bank("not_understood"),
                                   ReplyKind.NOT_UNDERSTOOD))
        else:
            manners.react(self, understanding, parts)
            people.react(self, understanding, parts)
            discovery.react(self, understanding, parts)
            listening.react(self, understanding, parts)
            arguments.react(self, understanding, parts)
            claims.react(self, understanding, parts)
            negotiation.react(self, understanding, parts)
            appointments.react(self, understanding, parts)
            complaint.react(self, understanding, parts)
            # After the turn's events are recorded: a treatment may depend on them (the price
            # given in answer to "combien ça coûte ?").
            objections.answer_pending(self, understanding, parts)
            closing.react(self, understanding, parts)
            choices.react(self, understanding, parts)
            progress.update_phase(self, understanding)
            objections.raise_new(self, understanding, parts)
            closing.holdback(self, understanding, parts)
            closing.own_question(self, understanding, parts)
            progress.handover(self, understanding, parts)
            discovery.answer_unheard(self, understanding, parts)
        if state.patience <= 0 and objections.takes_up_her_times(self, understanding):
            # A meeting put to her in the free times she just gave is what she asked for: she
            # answers it before her patience runs out ("mardi à 15 heures ça vous irait ?"
            # after "je suis libre le mardi entre 14 h et 16 h" got "ça fait trop long",
            # round 45 replay).
            state.patience = 1
        if state.patience <= 0:
            state.record(Event.PATIENCE_EPUISEE)
        state.heard.append(HeardTurn(frozenset(understanding.acts), frozenset(
            topic for topic, score in understanding.topics.items() if score >= _HEARD_TOPIC)))
        planned = list(parts)  # before the ending cuts what a leaving customer does not say
        self._not_twice_with_greeting(parts)
        ending.react(self, understanding, parts)
        composed = compose(parts, lambda: self._nothing_to_say(understanding))
        said = without_echoes(composed)
        if (understanding.is_question or understanding.acts & _FINISHED) and \
                not _asks_leave(understanding):
            # (Asked "vous avez deux minutes ?", her "Oui, je vois. Continuez." is the
            # answer: cut to "Oui, je vois." it answered nothing, round 49.)
            said = without_go_on(said)
        for before, part in zip(composed, said, strict=True):
            if part.kind == ReplyKind.FACT and part.text != before.text and \
                    state.fact_lines.get(part.subject) == before.text:
                # A fact trimmed of what the reply already said is told as it was said.
                state.fact_lines[part.subject] = part.text
        for part in said:
            if part.kind == ReplyKind.ARGUMENT and part.subject and \
                    part.subject not in state.arguments_answered:
                state.arguments_answered.append(part.subject)
            # A detail of a fact told before (discovery): said now, not to be said again.
            told = state.fact_lines.get(part.subject)
            if part.kind == ReplyKind.FACT and part.priority == Priority.ANSWER and \
                    told is not None and part.text != told:
                state.fact_details.setdefault(part.subject, []).append(part.text)
        # A fact the plan left out was not told: asked later, it is told, not "repeated"
        # (a blind play heard "Comme je vous l'ai expliqué, trois semaines de délai" about a
        # delay never mentioned).
        # (The parts as the plan chose them: what is trimmed of an echo or an invitation to go
        # on is said all the same, as it was trimmed.)
        progress.forget(self, [p for p in planned + parts
                               if all(p is not s for s in composed)])
        text = " ".join(part.text for part in said)
        self._context = Context.after(text, self._context.customer_figures)
        return understanding, CustomerTurn(text, state.speaker, [p.label for p in said],
                                           ended=state.ended, before=self.passed_on)

    def _not_twice_with_greeting(self, parts: list[ReplyPart]) -> None:
        """Her first words on an inbound call say what happened ("…lave-linge livré il y a
        trois jours, porte fissurée."): a fact they already name is not told after them
        ("C'est la porte : le verre du hublot est fissuré…", round 43). Left unsaid, it is
        not told (core forgets it)."""
        greeting = next((p.text for p in parts if p.kind == ReplyKind.GREETING), None)
        if greeting is None:
            return
        said = fold(greeting)
        parts[:] = [p for p in parts if not (
            p.kind == ReplyKind.FACT and p.subject in self.facts and any(
                # (A keyword starting a word: "fissure" in "fissurée", not "linge" in
                # "lave-linge".)
                re.search(rf"(?<![\w-]){re.escape(fold(word))}", said)
                for word in self.facts[p.subject].keywords if len(word) >= _KEYWORD_LEN))]

    def _nothing_to_say(self, u: Understanding) -> str:
        """When no reaction has anything to say: a question still gets an honest "je ne
        sais pas" in her words ("Mm, je vous suis" after a question rang absurd); anything
        else, a sign that she listens."""
        summing_up = bool(u.acts & {Act.RECAPITULATIF, Act.PROPOSITION_SOLUTION})
        # Beside a recap, a statement the classifier took for a question ("…le livreur
        # reprend l'ancienne, vous avez rien à payer.") is part of the recap.
        asked = [fold(sentence.text) for sentence in u.sentences if sentence.discovers
                 and not (summing_up and not is_question(sentence.text))]
        if asks(Request.FLOOR, u.folded):
            return self.bank(self.own_question_bank())
        # (Asked whatever the act read: "est-ce que je peux faire autre chose pour vous ?"
        # read as an offer got "Entendu.", blind play.)
        if any(asks(Request.ANYTHING_ELSE, fold(sentence.text)) for sentence in u.sentences
               if sentence.is_question):
            return self.bank("nothing_else")  # "Autre chose ?" — "Oui, c'est noté" rang false
        if asks(Request.CHECK, u.folded):
            return self.bank("reformulation_ok")
        if Act.QUESTION_CONTROLE in u.acts and all(
                Act.QUESTION_CONTROLE in sentence.act_ids for sentence in u.sentences
                if sentence.discovers):
            # "C'est bien cela ?" checks what was just said: she confirms, or hesitates ("Je
            # n'ai pas l'information sous la main" to it rang absurd, blind play).
            return self.bank("confirm_ok" if self.state.mood >= self.rules.control_yes_mood
                             else "control_doubt")
        if _asks_leave(u):
            return self.bank("purpose_ack")  # "Vous avez deux minutes ?" — "D'accord, allez-y."
        # "…le livreur reprend l'ancienne, vous êtes d'accord ?" asks her consent, "c'est
        # possible de libérer deux vendeurs ?" her leave, not a fact: "Je ne vois pas le
        # rapport" to them was absurd (blind plays). She says yes, or hesitates.
        for request, yes in ((Request.CONSENT, "confirm_ok"),
                             (Request.PERMISSION, "permission_given"),
                             (Request.ACTION, "action_agreed")):
            if asked and all(asks(request, text) for text in asked):
                return self.bank(yes if self.state.mood >= self.rules.control_yes_mood
                                 else "control_doubt")
        if asked:
            return self.deflect(u)
        if summing_up:
            # A summary of what will happen is taken note of ("Oui, c'est noté."), not met
            # with "Je vous suis, continuez !" as if the student had not finished.
            return self.bank("confirm_ok")
        return self.bank("filler_listen")

    def own_question_bank(self) -> str:
        """The bank of her own question, when the student gives her the floor: the price
        while none was given, else what is guaranteed; in a complaint, when it is settled."""
        if self.scenario.kind == Kind.RECLAMATION:
            return "own_question_complaint"
        deal = self.scenario.negotiation is not None
        return "own_question_price" if deal and self.state.price_offered is None \
            else "own_question_terms"

    def _tire(self) -> None:
        """Each turn costs patience, less to a customer who likes the conversation."""
        rules = self.rules
        decay = rules.decay[self.scenario.difficulty] + (
            rules.directive_decay if self.speaker.social_style == SocialStyle.DIRECTIF else 0)
        if self.state.mood >= rules.no_decay_mood or self.state.appointment is not None or \
                self.state.happened(Event.SOLUTION_ACCEPTEE):
            # She likes it, or has agreed a slot or a solution: she gives it the time it
            # needs (an angry caller who had said "Oui, c'est tout bon !" hung up on the
            # student's thanks with "Vous ne m'aidez pas du tout", blind play).
            decay = 0
        elif self.state.mood >= rules.half_decay_mood:
            decay //= 2
        self.move(patience=-decay)

    def final_outcome(self) -> Outcome:
        return ending.final_outcome(self)


# How clearly a past turn must have spoken of a subject for a doubt to count as answered
# before it came up: "…plus besoin de renommer et classer à la main" named the adjustable
# page package at 0.66, and no buyer heard an answer to "c'est long, comme engagement" in it.
_HEARD_TOPIC = 0.7


# What leaves the student nothing to go on with: a slot, a signature, a summary, a goodbye.
_FINISHED = {Act.PROPOSITION_RDV, Act.DEMANDE_ENGAGEMENT, Act.RECAPITULATIF, Act.PRISE_DE_CONGE,
             Act.QUESTION_CONTROLE}


# The shortest keyword of a fact that says her first words named it ("fendue", not "mail").
_KEYWORD_LEN = 5
_ASKS_A_FIGURE = re.compile(r"\b(?:combien|chiffre|montant|nombre|pourcentage|quel (?:prix|"
                            r"budget|volume|taux))\b|%")
_PROPOSING = {Act.PROPOSITION_SOLUTION, Act.ANNONCE_PRIX}
_ASKS_THE_PROPOSAL = re.compile(r"\b(?:vous me proposez|votre projet,? d'abord|presentez-moi)\b")
_NAMES_A_FIGURE = re.compile(r"\b(?:chiffre|montant|nombre)\b")


def _asks_leave(u: Understanding) -> bool:
    """Whether every question of the turn asks her time or leave to go on ("vous avez deux
    minutes ?", "je peux vous présenter le loyer ?")."""
    asked = [fold(sentence.text) for sentence in u.sentences if sentence.discovers and not (
        u.acts & {Act.RECAPITULATIF, Act.PROPOSITION_SOLUTION} and not is_question(
            sentence.text))]
    return bool(asked) and all(asks(Request.TIME, text) or asks(Request.GO_AHEAD, text)
                               for text in asked)


def _clamp(value: int) -> int:
    return max(0, min(100, value))
