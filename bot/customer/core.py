"""The simulated customer: how they react to each student turn, driven by the scenario file
only (no scenario-specific code). Rules for mood and patience are documented in
docs/customer.md; the numbers are in `Rules`."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from scenarios.model import Argument, Objection, Scenario, Speaker
from scenarios.vocabulary import (
    Act,
    CallDirection,
    Difficulty,
    Event,
    Kind,
    Phase,
    SocialStyle,
)

from .conditions import any_holds
from .conduct import Level as RudeLevel
from .entities import WEEKDAYS
from .frame import Context, Role
from .replies import Voice
from .state import CustomerState
from .text import fold
from .understand import Understander, Understanding


@dataclass(frozen=True)
class Rules:
    """Mood and patience moves (0–100 scales), documented in docs/customer.md."""

    decay: dict[Difficulty, int] = field(default_factory=lambda: {
        Difficulty.FACILE: 1, Difficulty.MOYEN: 2, Difficulty.DIFFICILE: 3})
    patience_bonus: dict[Difficulty, int] = field(default_factory=lambda: {
        Difficulty.FACILE: 10, Difficulty.MOYEN: 0, Difficulty.DIFFICILE: -10})
    facts_before_deal: dict[Difficulty, int] = field(default_factory=lambda: {
        Difficulty.FACILE: 1, Difficulty.MOYEN: 2, Difficulty.DIFFICILE: 3})
    rude_mood: int = -25
    rude_patience: int = -20
    doubtful_rude_mood: int = -3
    monologue_words: int = 70
    monologue_patience: int = -15
    off_topic_patience: int = -8
    good_question_mood: int = 3
    good_question_patience: int = 2
    reformulation_mood: int = 5
    empathy_mood_complaint: int = 10
    empathy_mood: int = 3
    argument_tied_mood: int = 6
    argument_loose_mood: int = 1
    proof_mood: int = 3
    objection_treated_mood: int = 10
    objection_treated_patience: int = 5
    premature_price_mood: int = -10
    premature_price_patience: int = -15
    premature_closing_mood: int = -10
    premature_closing_patience: int = -10
    deal_mood_min: int = 45
    value_mood: int = 70
    value_margin: float = 0.06
    solution_mood_min: int = 30
    gesture_mood: int = 8


@dataclass
class CustomerTurn:
    text: str
    speaker: str
    parts: list[str] = field(default_factory=list)  # what each piece answered
    ended: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "speaker": self.speaker, "reply_to": self.parts,
                "ended": self.ended}


@dataclass(order=True)
class _Part:
    priority: int
    text: str = field(compare=False)
    kind: str = field(compare=False)


_ANSWERING = re.compile(r"\b(mais|justement|cependant|pourtant|toutefois|c'est vrai|"
                        r"je comprends|comparons|comparez|en fait|par contre|au contraire)\b")
_DOC = re.compile(r"\b(documentation|brochure|plaquette|doc|catalogue)\b")
_SEND = re.compile(r"\b(envoi|envoie|envoyer|envoyons|transmet|transmettre|mail|e-mail|"
                   r"courriel)\b")
_CALLBACK = re.compile(r"\b(rappel|rappelle|rappeler|rappellerai|recontacte)\w*")
# Denying a right: "vous n'avez plus droit", "ça ne s'applique pas", "pas de remboursement"...
_DENIAL = re.compile(
    r"\b(n'avez (pas|plus|aucun)|ne (peut|pouvez|pourrez) (pas|plus|jamais)|n'(y )?a (pas|plus)"
    r"|ne s'applique (pas|plus)|aucun(e)? (droit|garantie|recours)|pas de (droit|garantie|"
    r"remboursement|retractation)|impossible de (vous )?rembours\w*|plus possible|"
    r"(droit|garantie|delai)\w* (est|sont) (expire|depasse|termine|perdu)\w*)")
_COMMITMENT = re.compile(r"\b(dossier|ticket|numero|confirmation|sms|mail|e-mail|courriel|"
                         r"je m'en occupe|je vous envoie|vous recevrez|c'est note)\b")
_FORMS = {"visio": re.compile(r"\b(visio\w*|teams|zoom|en ligne|a distance)\b"),
          "visite": re.compile(r"\b(visite|passer|sur place|boutique|magasin|chez vous|"
                               r"dans vos locaux)\b"),
          "téléphone": re.compile(r"\b(telephone|appel)\b")}


class Customer:
    """One conversation with the simulated customer of a scenario."""

    def __init__(self, scenario: Scenario, understander: Understander, seed: int = 0,
                 variant: str | None = None, rules: Rules | None = None) -> None:
        self.scenario = scenario
        self.rules = rules or Rules()
        self.understander = understander.for_scenario(scenario)
        first = scenario.speaker(scenario.first_speaker)
        self.state = CustomerState(
            speaker=first.id, mood=first.mood,
            patience=_clamp(first.patience + self.rules.patience_bonus[scenario.difficulty]))
        self.voice = Voice(random.Random(f"{scenario.id}/{variant or ''}/{seed}"),
                           self.state.last_lines)
        self._greeted = False
        # What the student hears as context: the customer's last line, and every figure the
        # customer gave (a student repeating one quotes it, they do not offer it).
        self._context = Context()
        self._facts = {fact.id: fact for fact in scenario.facts}
        self._objections = {o.id: o for o in scenario.objections}
        self._arguments = {a.id: a for a in scenario.arguments}
        deal = scenario.negotiation
        self._counterparts = {c.id: c for c in deal.counterparts} if deal else {}
        self._concessions = {c.id: c for c in deal.concessions} if deal else {}
        policy = scenario.policy
        self._solutions = {s.id for s in policy.solutions} if policy else set()
        self._gestures = {g.id for g in policy.gestures} if policy else set()
        self._forbidden = {f.id for f in policy.forbidden} if policy else set()
        self._legal = {p.id: p for p in policy.legal_points} if policy else {}

    # --- helpers ---------------------------------------------------------------------

    @property
    def speaker(self) -> Speaker:
        return self.scenario.speaker(self.state.speaker)

    def _bank(self, key: str, **values: str) -> str:
        return self.voice.bank(key, self.speaker.address, **values)

    def _lines_or_bank(self, lines: list[str], key: str) -> str:
        return self.voice.pick(lines) if lines else self._bank(key)

    def _move(self, mood: int = 0, patience: int = 0) -> None:
        self.state.mood = _clamp(self.state.mood + mood)
        self.state.patience = _clamp(self.state.patience + patience)

    # --- the conversation ----------------------------------------------------------------

    def opening(self) -> CustomerTurn | None:
        """What the customer says first: they answer the phone, or welcome the student.
        On an inbound call the student speaks first, so there is nothing to say yet."""
        if self.scenario.call and self.scenario.call.direction == CallDirection.ENTRANT:
            return None
        self._greeted = True
        line = self.voice.pick(self.speaker.lines.greeting)
        self._context = Context.after(line, self._context.customer_figures)
        return CustomerTurn(line, self.speaker.id, ["accueil"])

    def step(self, text: str) -> tuple[Understanding, CustomerTurn]:
        """The student's turn in, the customer's reply out."""
        understanding = self.understander.understand(text, self._context)
        state = self.state
        if state.ended:
            return understanding, CustomerTurn("", state.speaker, [], ended=True)
        state.turn += 1
        parts: list[_Part] = []
        if not self._greeted:
            self._greeted = True
            parts.append(_Part(0, self.voice.pick(self.speaker.lines.greeting), "accueil"))
        decay = self.rules.decay[self.scenario.difficulty] + (
            1 if self.speaker.social_style == SocialStyle.DIRECTIF else 0)
        if state.mood >= 75:  # a customer who likes the conversation gives it time
            decay = 0
        elif state.mood >= 50:
            decay //= 2
        self._move(patience=-decay)
        if understanding.empty:
            self._move(patience=-5)
            parts.append(_Part(1, self._bank("not_understood"), "incompris"))
        else:
            self._conduct(understanding, parts)
            self._facts_and_needs(understanding, parts)
            self._listening(understanding, parts)
            self._arguments_heard(understanding, parts)
            self._negotiation(understanding, parts)
            self._appointment(understanding, parts)
            self._complaint(understanding, parts)
            # After the turn's events are recorded: a treatment may depend on them (the price
            # given in answer to "combien ça coûte ?").
            self._pending_objections(understanding, parts)
            self._closing(understanding, parts)
            self._update_phase(understanding)
            self._new_objection(understanding, parts)
            self._handover(understanding, parts)
        if state.patience <= 0:
            state.record(Event.PATIENCE_EPUISEE)
        self._outcome(understanding, parts)
        return understanding, self._compose(parts)

    # --- conduct: introduction, rudeness, monologues, off-topic -------------------------

    def _conduct(self, u: Understanding, parts: list[_Part]) -> None:
        state, rules, acts = self.state, self.rules, u.acts
        if Act.PRESENTATION in acts:
            state.record(Event.PRESENTATION_FAITE)
        if Act.ANNONCE_OBJET in acts:
            state.record(Event.OBJET_ANNONCE)
        introduced = state.happened(Event.PRESENTATION_FAITE)
        purpose = state.happened(Event.OBJET_ANNONCE)
        if state.turn == 1 and Act.SALUTATION in acts and not (introduced or purpose):
            parts.append(_Part(8, self._bank("greet_back"), "salutation"))
        elif Act.PRESENTATION in acts or Act.ANNONCE_OBJET in acts:
            key = "purpose_ack" if purpose else "introduction_ack"
            parts.append(_Part(8, self._bank(key), "presentation"))
        internal = self.scenario.kind == Kind.NEGOCIATION_INTERNE  # one's own manager
        inbound = self.scenario.call is not None and \
            self.scenario.call.direction == CallDirection.ENTRANT
        done = introduced if inbound else introduced and purpose
        if state.turn >= 2 and not internal and not done and \
                state.record(Event.PRESENTATION_MANQUANTE):
            self._move(mood=-5)
        if Act.IMPOLITESSE in acts:
            state.record(Event.IMPOLITESSE)
            if Act.DEMANDE_ENGAGEMENT in acts or "?" in u.text:
                state.record(Event.PRESSION)
            self._move(rules.rude_mood, rules.rude_patience)
            parts.append(_Part(1, self._bank("rude_reaction"), "impolitesse"))
        elif u.rudeness.level == RudeLevel.DOUBT:
            # A line that may be rude cools the customer a little, never more: a doubtful
            # reading must not end a conversation (bot/conduct.py).
            self._move(rules.doubtful_rude_mood)
        if u.word_count >= rules.monologue_words and not u.is_question \
                and state.questions_asked == 0:
            state.record(Event.MONOLOGUE)
            self._move(patience=rules.monologue_patience)
            parts.append(_Part(2, self._lines_or_bank(self.speaker.lines.get_to_the_point,
                                                      "get_to_the_point"), "monologue"))
        elif u.word_count > 400:
            self._move(patience=-10)
            parts.append(_Part(2, self._bank("too_long"), "trop long"))
        if acts == {Act.HORS_SUJET}:
            self._move(patience=rules.off_topic_patience)
            parts.append(_Part(6, self._bank("off_topic"), "hors-sujet"))
        if u.is_question:
            state.questions_asked += 1
        if Act.REMERCIEMENT in acts and Act.PRISE_DE_CONGE not in acts:
            parts.append(_Part(9, self._bank("thanks_back"), "remerciement"))

    # --- objections raised in earlier turns -------------------------------------------------

    def _pending_objections(self, u: Understanding, parts: list[_Part]) -> None:
        state = self.state
        if state.objections_pending and _ANSWERING.search(fold(u.text)) and \
                u.acts & {Act.ARGUMENT, Act.PREUVE, Act.EMPATHIE, Act.REFORMULATION,
                          Act.ANNONCE_PRIX, Act.QUESTION_OUVERTE}:
            u.context_acts.add(Act.TRAITEMENT_OBJECTION)
        if Act.TRAITEMENT_OBJECTION in u.acts:
            # Answering an objection is arguing: a treatment that asks for an argument or a
            # proof accepts an explicit objection answer with the right topics.
            u.context_acts.add(Act.ARGUMENT)
        for objection_id in list(state.objections_pending):
            raised_at = state.objection_raised_at.get(objection_id, state.turn)
            if raised_at >= state.turn:
                continue
            objection = self._objections[objection_id]
            if any_holds(objection.treated_if, state, u):
                state.objections_treated.append(objection_id)
                self._move(self.rules.objection_treated_mood,
                           self.rules.objection_treated_patience)
                parts.append(_Part(3, self.voice.pick(objection.accepted_lines), "objection"))
                continue
            addressed = objection_id in u.topics or Act.TRAITEMENT_OBJECTION in u.acts
            if addressed:
                parts.append(_Part(5, self._bank("objection_insist"), "objection"))
            elif raised_at == state.turn - 1 and objection_id not in state.objections_ignored:
                self._ignored(objection, parts)

    def _ignored(self, objection: Objection, parts: list[_Part]) -> None:
        state = self.state
        state.objections_ignored.append(objection.id)
        state.record(Event.OBJECTION_IGNOREE)
        effect = objection.if_ignored.effect
        self._move(effect.mood or -10, effect.patience or -10)
        parts.append(_Part(5, self._lines_or_bank(objection.if_ignored.lines,
                                                  "objection_insist"), "objection ignorée"))

    # --- discovery: facts revealed to relevant questions ------------------------------------

    def _facts_and_needs(self, u: Understanding, parts: list[_Part]) -> None:
        state, rules = self.state, self.rules
        answered = 0
        unanswered_question = False
        for sentence in u.sentences:
            if not sentence.discovers:
                continue
            facts = [hit for hit in sentence.topics if hit.id in self._facts
                     and self._facts[hit.id].known_by in (None, state.speaker)]
            fresh = [hit for hit in facts if (hit.id not in state.facts_revealed
                     and any_holds(self._facts[hit.id].revealed_if, state, u))
                     or (hit.id not in state.facts_revealed
                         and not self._facts[hit.id].revealed_if)]
            if fresh and answered < 2:
                fact = self._facts[fresh[0].id]
                line = self.voice.pick(fact.answers)
                state.facts_revealed.append(fact.id)
                state.fact_lines[fact.id] = line
                self._move(rules.good_question_mood, rules.good_question_patience)
                parts.append(_Part(4, line, f"fait:{fact.id}"))
                answered += 1
                if "email" in fact.values:
                    state.email = str(fact.values["email"])
                    state.record(Event.EMAIL_OBTENU)
            elif facts and facts[0].id in state.facts_revealed and answered < 2:
                said = state.fact_lines.get(facts[0].id, "")
                if said:
                    prefix = self._bank("repeat_prefix")
                    parts.append(_Part(7, f"{prefix} {said[0].lower()}{said[1:]}",
                                       f"fait:{facts[0].id}"))
                    answered += 1
            elif not sentence.topics:
                unanswered_question = True
        if unanswered_question and not answered:
            parts.append(_Part(9, self._lines_or_bank(self.speaker.lines.deflect, "deflect"),
                               "esquive"))
        for entity in u.entities:
            if entity.type == "email" and (state.email is None or entity.value == state.email):
                state.record(Event.EMAIL_OBTENU)
        for need in self.scenario.needs:
            if need.id in state.needs_understood:
                continue
            discovered = need.facts and all(f in state.facts_revealed for f in need.facts)
            reformulated = Act.REFORMULATION in u.acts and need.id in u.topics
            if discovered or reformulated:
                state.needs_understood.append(need.id)

    # --- listening: reformulation, empathy, control questions --------------------------------

    def _listening(self, u: Understanding, parts: list[_Part]) -> None:
        state, rules, acts = self.state, self.rules, u.acts
        complaint = self.scenario.kind == Kind.RECLAMATION
        if Act.REFORMULATION in acts and (state.facts_revealed or complaint):
            self._move(mood=rules.reformulation_mood, patience=2)
            parts.append(_Part(7, self._bank("reformulation_ok"), "reformulation"))
        if acts & {Act.EMPATHIE, Act.EXCUSE}:
            gain = rules.empathy_mood_complaint if complaint else rules.empathy_mood
            self._move(mood=gain)
            key = "empathy_still_angry" if state.mood < 25 else "empathy_ok"
            parts.append(_Part(7, self._bank(key), "empathie"))
        if Act.QUESTION_CONTROLE in acts and state.arguments_heard:
            key = "control_yes" if state.mood >= 55 and not state.objections_pending \
                else "control_doubt"
            parts.append(_Part(6, self._bank(key), "question de contrôle"))

    # --- arguments and proofs -----------------------------------------------------------------

    def _arguments_heard(self, u: Understanding, parts: list[_Part]) -> None:
        state, rules = self.state, self.rules
        argued = [self._arguments[t] for t in u.topics if t in self._arguments]
        clear = {t for t, score in u.topics.items() if score >= 0.8}
        pitching = u.acts & {Act.ARGUMENT, Act.PREUVE, Act.TRAITEMENT_OBJECTION}
        for argument in argued[:1] if pitching else []:
            first_time = argument.id not in state.arguments_heard
            if first_time:
                state.arguments_heard.append(argument.id)
            if self._tied(argument):
                if first_time:
                    self._move(mood=rules.argument_tied_mood)
                # The scenario's reactions quote the argument: only for a clear match.
                lines = argument.reactions if argument.id in clear else []
                parts.append(_Part(6, self._lines_or_bank(lines, "argument_ok"),
                                   f"argument:{argument.id}"))
            else:
                self._move(mood=rules.argument_loose_mood)
                parts.append(_Part(7, self._bank("argument_weak"), f"argument:{argument.id}"))
        if Act.PREUVE in u.acts and (state.arguments_heard or state.objections_raised):
            self._move(mood=rules.proof_mood)
            parts.append(_Part(7, self._bank("proof_ok"), "preuve"))

    def _tied(self, argument: Argument) -> bool:
        """An argument lands when it answers a need the customer has expressed."""
        if not argument.needs:
            return bool(self.state.facts_revealed)
        return any(need in self.state.needs_understood for need in argument.needs)

    # --- negotiation: prices, concessions, counterparts ----------------------------------------

    def _negotiation(self, u: Understanding, parts: list[_Part]) -> None:
        deal = self.scenario.negotiation
        if deal is None:
            return
        state, acts = self.state, u.acts
        # Only an offer sets the price on the table; arguments quote other prices (the
        # competitor's, what the customer pays today). Among several amounts, the plausible
        # offers (around our own range) come first.
        # The frame tells the student's own figures from the customer's quoted ones and
        # from refused ones ("pas 230"); a discount in percent applies to the price on the
        # table.
        offers = [f for f in u.frame.figures if f.role == Role.OFFER]
        reference = state.price_offered or deal.list_price
        amounts = [f.value if f.kind == "montant" else round(reference * (1 - f.value / 100), 2)
                   for f in offers]
        amounts = [a for a in amounts if 0.3 * deal.list_price <= a <= 2 * deal.list_price]
        low = (deal.floor_price or deal.list_price) * 0.9
        plausible = [a for a in amounts if low <= a <= deal.list_price * 1.1] or amounts
        offering = acts & {Act.ANNONCE_PRIX, Act.CONCESSION, Act.DEMANDE_CONTREPARTIE,
                           Act.DEMANDE_ENGAGEMENT, Act.RECAPITULATIF}
        new_price: float | None = None
        if plausible and offering:
            new_price = min(plausible) if Act.CONCESSION in acts else plausible[-1]
        elif Act.ANNONCE_PRIX in acts and state.price_offered is None and not u.is_question:
            new_price = deal.list_price
        if new_price is not None and new_price != state.price_offered:
            if state.record(Event.PRIX_ANNONCE) and not state.facts_revealed:
                self._move(self.rules.premature_price_mood, self.rules.premature_price_patience)
            lowered = state.price_offered is not None and new_price < state.price_offered
            state.price_offered = new_price
            if state.lowest_price_offered is None or new_price < state.lowest_price_offered:
                state.lowest_price_offered = new_price
            if lowered and Act.DEMANDE_CONTREPARTIE not in acts and \
                    not self._counterpart_since_last_concession():
                state.record(Event.CONCESSION_SANS_CONTREPARTIE)
                state.concessions_given.append(f"prix:{new_price:g}")
                parts.append(_Part(6, self._bank("push_further"), "concession"))
            elif lowered:
                state.concessions_given.append(f"prix:{new_price:g}")
            if deal.floor_price is not None and new_price < deal.floor_price:
                parts.append(_Part(5, self._bank("below_floor_doubt"), "prix"))
            elif not lowered:
                budget = deal.customer_budget
                key = "price_too_high" if budget is not None and new_price > budget \
                    else "price_reaction_ok"
                parts.append(_Part(6, self._bank(key), "prix"))
        for topic in u.topics:
            concession = self._concessions.get(topic)
            if concession and Act.CONCESSION in acts and concession.id not in \
                    state.concessions_given and concession.price_min is None:
                state.concessions_given.append(concession.id)
                if concession.counterparts and Act.DEMANDE_CONTREPARTIE not in acts and not any(
                        c in state.counterparts_obtained for c in concession.counterparts):
                    state.record(Event.CONCESSION_SANS_CONTREPARTIE)
        asked = [self._counterparts[t] for t in u.topics if t in self._counterparts
                 and t not in state.counterparts_obtained]
        if asked and acts & {Act.DEMANDE_CONTREPARTIE, Act.CONCESSION}:
            counterpart = asked[0]
            if counterpart.accepted and state.mood >= 35:
                if counterpart.id not in state.counterparts_obtained:
                    state.counterparts_obtained.append(counterpart.id)
                    state.concessions_given.append(f"contrepartie:{counterpart.id}")
                state.record(Event.CONTREPARTIE_OBTENUE)
                parts.append(_Part(4, self._lines_or_bank(counterpart.answers,
                                                          "counterpart_ok"), "contrepartie"))
            else:
                parts.append(_Part(4, self._bank("counterpart_refused"), "contrepartie"))

    def _counterpart_since_last_concession(self) -> bool:
        for item in reversed(self.state.concessions_given):
            if item.startswith("contrepartie:"):
                return True
            if item.startswith("prix:"):
                return False
        return False

    # --- appointments, call-backs, documentation ------------------------------------------------

    def _appointment(self, u: Understanding, parts: list[_Part]) -> None:
        state = self.state
        folded = fold(u.text)
        dates = [e.value for e in u.entities if e.type == "date"]
        if _CALLBACK.search(folded) and dates:
            if state.record(Event.RAPPEL_FIXE):
                parts.append(_Part(4, self._bank("callback_ok"), "rappel"))
            return
        if _DOC.search(folded) and _SEND.search(folded) and \
                state.record(Event.DOCUMENTATION_PROMISE):
            parts.append(_Part(5, self._bank("documentation_ok"), "documentation"))
        appointment = self.scenario.appointment
        if appointment is None or not dates:
            return
        proposing = u.acts & {Act.PROPOSITION_RDV, Act.QUESTION_ALTERNATIVE,
                              Act.DEMANDE_ENGAGEMENT}
        confirming = Act.RECAPITULATIF in u.acts and state.appointment is not None
        if not (proposing or confirming) or \
                not any(value.get("jour") in WEEKDAYS for value in dates):
            return
        form = next((name for name, pattern in _FORMS.items() if pattern.search(folded)), None)
        for value in dates:
            day, hour = value.get("jour"), value.get("heure")
            if state.appointment and day == state.appointment["jour"] and \
                    hour in (None, state.appointment["heure"]):
                if form:
                    state.appointment["forme"] = form
                if state.record(Event.RDV_CONFIRME):
                    parts.append(_Part(4, self._bank("confirm_ok"), "rendez-vous"))
                return
        if not proposing:
            return
        for value in dates:
            day, hour = value.get("jour"), value.get("heure")
            if day not in WEEKDAYS:
                continue
            slots = [s for s in appointment.free_slots if s.day == day]
            if slots and hour is None:
                parts.append(_Part(4, self._bank("ask_time"), "rendez-vous"))
                return
            fits = [s for s in slots if hour is not None and s.start <= hour and
                    _minutes(hour) + appointment.duration_min <= _minutes(s.end)]
            if fits:
                state.appointment = {"jour": day, "heure": hour or "", "forme": form or ""}
                state.record(Event.RDV_FIXE)
                if Act.RECAPITULATIF in u.acts:
                    state.record(Event.RDV_CONFIRME)
                said = f"{day.capitalize()} à {_spoken(hour or '')} : " if len(dates) > 1 else ""
                ok = self._bank("slot_ok")
                parts.append(_Part(4, said + (ok[0].lower() + ok[1:] if said else ok),
                                   "rendez-vous"))
                return
        hint = " ou ".join(f"le {s.day} entre {_spoken(s.start)} et {_spoken(s.end)}"
                           for s in appointment.free_slots[:3])
        taken = self._lines_or_bank(appointment.slot_taken_lines, "slot_taken")
        parts.append(_Part(4, f"{taken} {self._bank('slot_hint', slots=hint)}", "rendez-vous"))

    # --- complaints: solutions within policy, legal points, commitments -----------------------

    def _complaint(self, u: Understanding, parts: list[_Part]) -> None:
        if self.scenario.policy is None:
            return
        state, acts, topics = self.state, u.acts, set(u.topics)
        proposing = acts & {Act.PROPOSITION_SOLUTION, Act.CONCESSION, Act.ARGUMENT,
                            Act.RECAPITULATIF}
        if topics & self._forbidden and proposing:
            state.record(Event.PROMESSE_HORS_POLITIQUE)
        folded = fold(u.text)
        for sentence in u.sentences:
            legal = {hit.id for hit in sentence.topics} & set(self._legal)
            if any(self._legal[i].applies for i in legal) and _DENIAL.search(fold(sentence.text)) \
                    and state.record(Event.DROIT_LEGAL_NIE):
                self._move(mood=-20, patience=-20)
        offered = (topics & (self._solutions | self._gestures))
        if offered and proposing:
            state.record(Event.SOLUTION_PROPOSEE)
            for item in sorted(offered):
                if item not in state.solutions_proposed:
                    state.solutions_proposed.append(item)
                    if item in self._gestures:
                        self._move(mood=self.rules.gesture_mood)
            if offered & self._solutions:
                if state.mood >= self.rules.solution_mood_min:
                    state.record(Event.SOLUTION_ACCEPTEE)
                    parts.append(_Part(4, self._bank("solution_accepted"), "solution"))
                else:
                    self._move(mood=5)
                    parts.append(_Part(4, self._bank("solution_refused"), "solution"))
        if state.happened(Event.SOLUTION_PROPOSEE) and (
                Act.RECAPITULATIF in acts or _COMMITMENT.search(folded)
                or any(e.type in ("numero_commande", "email", "date") for e in u.entities)
        ) and state.record(Event.ENGAGEMENT_DONNE):
            parts.append(_Part(5, self._bank("commitment_ok"), "engagement"))

    # --- closing: the customer decides ------------------------------------------------------------

    def _closing(self, u: Understanding, parts: list[_Part]) -> None:
        state, rules = self.state, self.rules
        if Act.PRISE_DE_CONGE in u.acts:
            state.record(Event.CONGE_PRIS)
        if Act.DEMANDE_ENGAGEMENT not in u.acts or state.happened(Event.ACCORD):
            return
        if self.scenario.appointment and Act.PROPOSITION_RDV in u.acts and any(
                e.type == "date" and e.value.get("jour") in WEEKDAYS for e in u.entities):
            return  # "mardi ou jeudi ?" asks for a meeting, handled with appointments
        if len(state.facts_revealed) < rules.facts_before_deal[self.scenario.difficulty] \
                and not state.happened(Event.SOLUTION_ACCEPTEE):
            state.record(Event.CLOSING_PREMATURE)
            self._move(rules.premature_closing_mood, rules.premature_closing_patience)
            parts.append(_Part(4, self._bank("deal_refused_not_ready"), "engagement"))
            return
        accepted, reason = self._accepts_deal()
        if accepted:
            state.record(Event.ACCORD)
            state.price_agreed = state.price_offered
            parts.append(_Part(4, self._bank("deal_accepted"), "accord"))
        else:
            if state.mood < 25:
                state.record(Event.REFUS)
            parts.append(_Part(4, self._bank(reason), "engagement"))

    def _accepts_deal(self) -> tuple[bool, str]:
        state, rules, deal = self.state, self.rules, self.scenario.negotiation
        if state.objections_pending:
            return False, "objection_insist"
        if state.mood < rules.deal_mood_min:
            return False, "deal_refused_not_ready"
        if deal is None:
            return True, "deal_accepted"
        price = state.price_offered
        if price is None:
            return False, "deal_refused_not_ready"
        if deal.floor_price is not None and price < deal.floor_price:
            return False, "below_floor_doubt"
        if deal.authority_limit is not None and price > deal.authority_limit:
            return False, "deal_refused_not_ready"
        limit = deal.customer_budget if deal.customer_budget is not None else deal.list_price
        convinced = state.mood >= rules.value_mood and any(
            self._tied(self._arguments[a]) for a in state.arguments_heard)
        if convinced:
            limit *= 1 + rules.value_margin
        if price > limit:
            return False, "ask_discount"
        needs_counterpart = price < deal.list_price and any(
            c.counterparts for c in deal.concessions if c.price_min is not None)
        if needs_counterpart and not state.counterparts_obtained:
            return False, "push_further"
        return True, "deal_accepted"

    # --- phases, new objections, handovers, outcomes ----------------------------------------------

    def _update_phase(self, u: Understanding) -> None:
        state, acts = self.state, u.acts
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

    def _new_objection(self, u: Understanding, parts: list[_Part]) -> None:
        state = self.state
        for objection in self.scenario.objections:
            if objection.id in state.objections_raised:
                continue
            if objection.speaker not in (None, state.speaker):
                continue
            if any_holds(objection.when, state, u):
                state.objections_raised.append(objection.id)
                state.objection_raised_at[objection.id] = state.turn
                if any_holds(objection.treated_if, state, u):
                    # The student answered it before it was voiced ("prévenir l'objection").
                    state.objections_treated.append(objection.id)
                    continue
                if state.phase != Phase.CONCLUSION:
                    state.phase = Phase.OBJECTIONS
                parts.append(_Part(5, self.voice.pick(objection.lines), f"objection:"
                                                                       f"{objection.id}"))
                return

    def _handover(self, u: Understanding, parts: list[_Part]) -> None:
        speaker = self.speaker
        if speaker.hands_over_to and any_holds(speaker.hands_over_if, self.state, u):
            target = self.scenario.speaker(speaker.hands_over_to)
            self.state.record(Event.TRANSFERT)
            handover = self._bank("handover")
            self.state.speaker = target.id
            self.state.mood, self.state.patience = target.mood, _clamp(
                target.patience + self.rules.patience_bonus[self.scenario.difficulty])
            parts.clear()
            parts.append(_Part(2, f"{handover} {self.voice.pick(target.lines.greeting)}",
                               "transfert"))

    def _outcome(self, u: Understanding, parts: list[_Part]) -> None:
        """A failure or a hang-up ends the conversation. A success or a partial result is
        said and kept, and the student may still recap and take leave (a better result can
        still replace a partial one)."""
        state = self.state
        rank = {"echec": 0, "partiel": 1, "succes": 2}
        for outcome in self.scenario.outcomes:
            if outcome.id == state.outcome or not any_holds(outcome.when, state, u):
                continue
            final = outcome.hang_up or outcome.type.value == "echec"
            if not final and state.outcome_type and \
                    rank[outcome.type.value] <= rank[state.outcome_type]:
                continue
            state.outcome, state.outcome_type = outcome.id, outcome.type.value
            # A customer who leaves does not raise a new objection on the way out.
            kinds = ("fait:",) if final else ("fait:", "objection")
            keep = [p for p in parts if p.kind.startswith(kinds)][:1]
            parts[:] = [*keep, _Part(99, self.voice.pick(outcome.lines), "issue")]
            if final:
                for objection_id in [o for o, at in state.objection_raised_at.items()
                                     if at == state.turn]:  # never voiced: not raised
                    state.objections_raised.remove(objection_id)
                    del state.objection_raised_at[objection_id]
                state.ended = True
                state.ended_by = "customer" if outcome.hang_up or \
                    Act.PRISE_DE_CONGE not in u.acts else "student"
                return
            break
        if state.happened(Event.PATIENCE_EPUISEE) and not state.ended:
            state.ended, state.ended_by = True, "customer"
            if state.outcome_type in (None, "echec"):
                state.outcome_type = "echec"
            parts[:] = [_Part(99, self._lines_or_bank(self.speaker.lines.hang_up,
                                                      "hang_up_patience"), "raccrochage")]
        elif Act.PRISE_DE_CONGE in u.acts and not state.ended:
            state.ended, state.ended_by = True, "student"
            closing = [p for p in parts if p.kind == "issue"]  # already a farewell
            parts[:] = closing or [_Part(99, self._lines_or_bank(self.speaker.lines.goodbye,
                                                                 "goodbye"), "au revoir")]

    def _compose(self, parts: list[_Part]) -> CustomerTurn:
        if any(part.kind == "accueil" for part in parts):
            parts = [part for part in parts if part.priority < 8]  # the greeting says enough
        if any(part.priority < 9 and part.kind != "esquive" for part in parts):
            parts = [part for part in parts if part.kind != "esquive"]  # something was answered
        chosen: list[_Part] = []
        for part in sorted(parts):
            if part.text and part.text not in (p.text for p in chosen):
                chosen.append(part)
        objection = next((p for p in chosen if p.kind.startswith("objection:")), None)
        if objection:  # it says it better than a generic price reaction or acknowledgement
            chosen = [p for p in chosen
                      if p.kind == "issue" or (p.kind != "prix" and p.priority < 8)]
        kept = chosen[:2]
        if objection and all(part is not objection for part in kept):
            kept = [kept[0], objection]
        if not kept:
            kept = [_Part(10, self._bank("filler_listen"), "écoute")]
        text = " ".join(part.text for part in kept)
        self._context = Context.after(text, self._context.customer_figures)
        return CustomerTurn(text, self.state.speaker, [p.kind for p in kept],
                            ended=self.state.ended)

    # --- the end ---------------------------------------------------------------------------------

    def final_outcome(self) -> str:
        """success / partial / failure from the outcome reached, or from what had been
        achieved when the conversation stopped (a deal or an appointment counts even if the
        goodbye never came); unfinished otherwise."""
        names = {"succes": "success", "partiel": "partial", "echec": "failure"}
        if self.state.outcome_type:
            return names[self.state.outcome_type]
        probe = CustomerState(**{**self.state.__dict__,
                                 "events": [*self.state.events, Event.CONGE_PRIS]})
        for outcome in self.scenario.outcomes:
            if outcome.type.value != "echec" and any_holds(outcome.when, probe, None):
                return names[outcome.type.value]
        return "unfinished"


def _clamp(value: int) -> int:
    return max(0, min(100, value))


def _spoken(clock: str) -> str:
    """"14:00" → "14 h", "08:30" → "8 h 30", as a French speaker says it."""
    if ":" not in clock:
        return clock
    hours, minutes = clock.split(":")
    return f"{int(hours)} h" + (f" {minutes}" if minutes != "00" else "")


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)

