"""Where the customer decides on the deal when the student asks for the commitment: too
early, an objection pending, a price above her budget or below the floor, a discount with no
counterpart, or yes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenarios.vocabulary import Act, Event, Kind, ObjectionCategory, SpeakerRole

from ..entities import WEEKDAYS
from ..replies import continued
from ..text import fold
from . import facts, objections, people, progress
from .appointments import other_errand, signs_alone
from .arguments import tied
from .claims import proof_awaited
from .complaint import accepted
from .ending import waits_for_answer
from .facts import stated_budget_max, untold_budget
from .negotiation import below_floor, doubt_below_floor
from .reply import OPEN_DOUBT, Priority, ReplyKind, ReplyPart, Stance
from .requests import Request, asks

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    state, rules = c.state, c.rules
    if Act.PRISE_DE_CONGE in u.acts and not waits_for_answer(u):
        state.record(Event.CONGE_PRIS)
    lower = state.price_offered is not None and state.price_agreed is not None and \
        state.price_offered < state.price_agreed
    if state.happened(Event.ACCORD) and lower and asks_commitment(u, True):
        # Agreed at 3 000 €, then put to her at 2 850 € ("je vous propose donc de valider le
        # projet à 2 850 €"): the cheaper plan is the one she agrees to.
        state.price_agreed = state.price_offered
    if state.happened(Event.ACCORD) and c.scenario.negotiation is not None and \
            c.speaker.role != SpeakerRole.BARRAGE and state.price_offered == state.price_agreed \
            and (asks_commitment(u, True) or _SIGN_HERE.search(u.folded)):
        # Asked again once the conditions of her yes are met, she counts what was answered
        # since ("…et je ferai le bilan le lundi 7 avril. Est-ce que vous validez le projet
        # alors ?" after the indicators: "sous conditions : il manque encore … les
        # indicateurs", aveugle-30).
        objections.settle_forestalled(c)
        _sign(c, u, parts)
        return
    if c.scenario.kind == Kind.RECLAMATION and state.happened(Event.SOLUTION_PROPOSEE) and \
            not asks_commitment(u) and any(asks(Request.CONSENT, fold(s.text))
                                           for s in u.sentences) and not any(
                e.type in ("date", "plage_horaire") for e in u.entities):
        # (Not a day put to her, "…livrer ce samedi. Cela vous convient ?": that is the slot's
        # yes, appointments.py.)
        # "Je vous mets le bon de 30 euros… Vous êtes d'accord, oui ou non ?" asks her to
        # settle what was proposed ("Peut-être… je demande à voir.", round 45).
        _settle(c, u, parts)
        return
    if not asks_commitment(u, state.price_offered is not None) or \
            state.happened(Event.ACCORD):
        return
    if c.scenario.negotiation is None and any(
            p.kind == ReplyKind.APPOINTMENT and p.stance == Stance.POSITIVE for p in parts):
        return  # "…mardi 15 h, c'est bon ?" asked for the meeting she has just confirmed
    if c.speaker.role == SpeakerRole.BARRAGE:
        people.defer(c, parts)
        return  # she cannot commit her manager
    if c.scenario.kind == Kind.RECLAMATION:
        _settle(c, u, parts)  # a complaint is not a sale: "on fait comme ça ?" asks to settle
        return
    if c.scenario.appointment and Act.PROPOSITION_RDV in u.acts and any(
            e.type == "date" and e.value.get("jour") in WEEKDAYS for e in u.entities) \
            and not other_errand(u, signs_alone(c)):
        return  # "mardi ou jeudi ?" asks for a meeting, handled with appointments
    if state.price_offered is None and _only_a_time_noted(u):
        return  # "C'est noté : je vous rappelle mardi à 14 h 30. Une question : …"
    if len(state.facts_revealed) < rules.facts_before_deal[c.scenario.difficulty] \
            and not state.happened(Event.SOLUTION_ACCEPTEE):
        state.record(Event.CLOSING_PREMATURE)
        c.move(rules.premature_closing_mood, rules.premature_closing_patience)
        # Nothing shown yet ("Salut patron ! … faut juste que vous signiez là." as the first
        # words): "Laissez-moi réfléchir encore un peu" implied there was something to weigh
        # (blind play).
        shown = state.price_offered is not None or state.arguments_heard or \
            state.solutions_proposed
        key = "deal_refused_not_ready" if shown else "deal_nothing_presented"
        parts.append(ReplyPart(Priority.ANSWER, c.bank(key), ReplyKind.COMMITMENT,
                               stance=Stance.NEGATIVE))
        return
    objections.settle_forestalled(c)
    accepted, reason = accepts_deal(c)
    if reason == "ask_discount":
        # She asks for a better price; asked again at the same price after the student held
        # firm twice, she stops haggling: not today (the student may still propose to meet
        # the decider, or move).
        asked_at = state.discount_asks
        state.discount_asks = [*asked_at, state.price_offered or 0.0]
        if asked_at.count(state.price_offered or 0.0) >= rules.discount_asks_max:
            reason = "deal_refused_budget"
    if accepted:
        state.record(Event.ACCORD)
        state.price_agreed = state.price_offered
        parts.append(ReplyPart(Priority.ANSWER, c.bank("deal_accepted"), ReplyKind.DEAL,
                               stance=Stance.POSITIVE))
    else:
        if state.mood < rules.refusal_mood:
            state.record(Event.REFUS)
        if reason == below_floor(c) and any(p.kind == ReplyKind.PRICE_DOUBTED for p in parts):
            return  # the doubt just said is her answer: not the same doubt twice
        if reason == below_floor(c):
            line = doubt_below_floor(c, state.price_offered or 0.0)
        elif reason == "ask_discount" and (budget := untold_budget(c)) is not None:
            # Asked to sign above the ceiling she has not told, she tells it: "Il y a moyen
            # de faire un effort ?" four times over to a student who never heard her 250 €
            # rang like a record stuck (blind play, competent student left with nothing).
            facts.reveal(c, budget, parts, asked=False)
            return
        elif reason == "ask_discount" and len(state.discount_asks) > 1 and \
                (state.price_offered or 0.0) < state.discount_asks[-2]:
            # A lower price still above her budget: she says it moved, not "Et si on
            # discutait un peu du prix ?" as if nothing had (blind reviewers).
            line = c.bank("still_above_budget")
        elif reason == "objection_insist":
            # Asked to sign with a doubt still open, she says which ("Pas encore. Comme je
            # vous le disais, Copitec nous propose 230 €…"), not "Cela ne répond pas à ce
            # que je disais" to a closing question (blind reviewers).
            # Each "not yet" once: asked again and again, she only says the doubt again.
            line = _open_doubt(c, parts, c.unsaid("deal_refused_pending") or "",
                               named=_asks_holdback(u), u=u)
            if not line:
                return
            # (Her no names the doubt still open: no new one beside it, see objections.)
            parts.append(ReplyPart(Priority.ANSWER, line, ReplyKind.COMMITMENT,
                                   OPEN_DOUBT, stance=Stance.NEGATIVE))
            return
        else:
            line = c.bank(reason)
        parts.append(ReplyPart(Priority.ANSWER, line, ReplyKind.COMMITMENT,
                               stance=Stance.NEGATIVE))


def _open_doubt(c: Customer, parts: list[ReplyPart], lead: str, named: bool = False,
                u: Understanding | None = None) -> str:
    """Her pending doubt named after `lead`, when no part of the reply says it already; past
    `restate_max` times, only that it stands: said again at every closing question, the doubt
    became a record stuck ("250 € chez Copitec. Pourquoi je changerais ?" five times, blind
    play). Asked which it is (`named`), she names it however often ("Toujours pas. Ce point
    reste entier pour moi" to "quel point exactement ?" in a blind play)."""
    state = c.state
    pending = c.objections[state.objections_pending[-1]]
    if any(p.kind in (ReplyKind.OBJECTION, ReplyKind.OBJECTION_IGNORED) for p in parts):
        return lead  # (that part says the doubt)
    # (One count with the doubt said again elsewhere: "Je vous le répète : 230 €…", then
    # "Comme je vous l'ai expliqué, … 230 €", then "Encore une fois, … 230 €", round 43.)
    times = state.objections_restated.get(pending.id, 0)
    if times >= c.rules.restate_max and not named:
        # Named in a word, not "ce point" (blind reviewers: "which point?"), nor in full
        # again.
        standing = c.unsaid("deal_refused_standing")
        point = _POINT.get(pending.category, "la question")
        if pending.category == ObjectionCategory.CONCURRENCE:
            # The rival by its name when the doubt names one ("la question de l'offre de
            # Copitec"); the director's fair that did better is no rival offer.
            rival = next((word for word in re.findall(r"\b[A-Z]\w+", pending.label)
                          if word in c.names and word not in _NOT_NAMES), None)
            if rival is not None:
                point = f"la question de l’offre de {rival}"
            elif c.scenario.kind == Kind.NEGOCIATION_INTERNE:
                point = "la question de la comparaison"
        return standing.format(point=point) \
            if standing else c.unsaid("objection_standing") or objections.restated(c, pending, u)
    state.objections_restated[pending.id] = times + 1
    return f"{lead} {objections.restated(c, pending, u)}".strip()


# Capitalised words of a doubt's label that name no one.
_NOT_NAMES = {"La", "Le", "Les", "Un", "Une", "Des", "On", "Nous", "Vous", "Je", "Il", "Elle",
              "Ils", "Elles", "Ce", "Ça", "Si", "Et", "Mais"}
# Her open doubt in a word, by its kind.
_POINT = {ObjectionCategory.PRIX: "la question du prix",
          ObjectionCategory.CONCURRENCE: "la question de l’offre concurrente",
          ObjectionCategory.ENGAGEMENT: "la question de la durée d’engagement",
          ObjectionCategory.DECISION: "la question de qui décide",
          ObjectionCategory.TEMPS: "la question des délais",
          ObjectionCategory.CONFIANCE: "la question de la confiance",
          ObjectionCategory.BESOIN: "la question de l’utilité",
          ObjectionCategory.ORGANISATION: "la question de l’organisation",
          ObjectionCategory.ESCALADE: "la question de ma réclamation"}


# Her line that says she has questions ("Pas si vite. J'ai encore des questions."), and the
# student's words that give her the floor after it ("allez-y, je vous écoute").
_HAS_QUESTIONS = re.compile(r"\bj'ai (?:encore )?(?:des|une|quelques|deux|trois) questions?\b")
_FLOOR = re.compile(r"\b(?:allez-y|vas-y|je vous ecoute|je t'ecoute|dites-moi|posez-les|"
                    r"je vous en prie|quelles questions|quelle question)\b")


def own_question(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """She said she had questions and the student gives her the floor: she asks one (a blind
    play heard "Merci. Venons-en au fait." and no question, then the meeting ended). Above
    her budget, that is her question."""
    if not _HAS_QUESTIONS.search(fold(c.last_reply)) or not (
            _FLOOR.search(u.folded) or asks(Request.FLOOR, u.folded)) or any(
            part.priority <= Priority.ANSWER for part in parts):
        return
    deal, price = c.scenario.negotiation, c.state.price_offered
    ceiling = stated_budget_max(c) or (deal.customer_budget if deal else None)
    key = "own_question_budget" if price is not None and ceiling is not None and \
        price > ceiling else c.own_question_bank()
    parts.append(ReplyPart(Priority.ANSWER, c.bank(key), ReplyKind.OWN_QUESTION))


def holdback(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """Asked what still holds her back ("qu'est-ce qui vous manque pour vous décider ?",
    "reste-t-il un point à régler ?"), she says it: her open doubt, the price, the amount
    above what she may sign, that she is not there yet, or that nothing does. Blind plays
    heard a fact its words happened to name ("Des pannes, oui, régulièrement") or "Je n'ai
    pas l'information sous la main". After the turn's new objection, which answers it."""
    state = c.state
    if not _asks_holdback(u) or any(p.kind in _HOLDBACK_ANSWERED for p in parts):
        return
    if state.happened(Event.ACCORD):
        # She has said yes: nothing holds her back ("Là, il faudrait que je vérifie auprès
        # des collaborateurs" to "qu'est-ce qui vous manque pour vous décider ?" after her
        # accord, round 55 replayed).
        parts.append(ReplyPart(Priority.ANSWER, c.bank("holdback_agreed"), ReplyKind.COMMITMENT,
                               stance=Stance.POSITIVE))
        return
    if state.objections_pending:
        line = _open_doubt(c, parts, "", named=True, u=u)
        if line:
            parts.append(ReplyPart(Priority.ANSWER, line, ReplyKind.COMMITMENT,
                                   stance=Stance.NEGATIVE))
        return
    if c.scenario.kind == Kind.RECLAMATION:
        return  # a complaint has no deal to hold back from: the solution answers
    key = _holdback_key(c)
    parts.append(ReplyPart(Priority.ANSWER, c.bank(key), ReplyKind.COMMITMENT,
                           stance=Stance.POSITIVE if key == "holdback_none"
                           else Stance.NEGATIVE))


def _asks_holdback(u: Understanding) -> bool:
    return any(asks(Request.HOLDBACK, fold(s.text)) for s in u.sentences
               if "?" in s.text or s.discovers)


# Parts that already say what holds her back, or that she has decided.
_HOLDBACK_ANSWERED = {ReplyKind.OBJECTION_RAISED, ReplyKind.OBJECTION, ReplyKind.OBJECTION_IGNORED,
                      ReplyKind.OBJECTION_EXPLAINED, ReplyKind.COMMITMENT, ReplyKind.DEAL,
                      ReplyKind.PRICE_DOUBTED}


def _holdback_key(c: Customer) -> str:
    """The bank that says what holds her back, read from what her yes would need."""
    state, rules, deal = c.state, c.rules, c.scenario.negotiation
    if len(state.facts_revealed) < rules.facts_before_deal[c.scenario.difficulty] \
            or state.mood < rules.deal_mood_min:
        return "holdback_not_ready"
    if deal is None:
        return "holdback_none"
    price = state.price_offered
    if price is None:
        return "holdback_no_price"
    if deal.authority_limit is not None and price > deal.authority_limit:
        return "holdback_authority"
    accepted, reason = accepts_deal(c)
    if accepted:
        # Above the price she had in mind, only what she heard makes it worth it: she said
        # so when the price came ("À ce prix-là, je vais avoir du mal").
        return "holdback_price_value" if deal.customer_budget is not None and \
            price > deal.customer_budget else "holdback_none"
    if reason == "below_floor_doubt":
        # Too low to believe: "Je ne vois pas encore assez ce que j'y gagne" answered "c'est
        # trop cher ou c'est moi ?" at 220 € for a 289 € rent (round 37).
        return "holdback_below_floor"
    if reason == "below_floor_thin":
        return reason
    return "holdback_price" if reason in ("ask_discount", "push_further") \
        else "holdback_not_ready"


def _sign(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """Asked to sign what she has agreed to ("Pouvez-vous le parapher ici ?"), she does: a
    blind play heard "Je ne réponds pas là-dessus", then the 48 hours of Copitec. Not a fact
    the words of that request happened to name; each confirmation once, then she says she
    has said it."""
    asking = {hit.id for sentence in u.sentences
              if Act.DEMANDE_ENGAGEMENT in sentence.act_ids
              or _SIGN_HERE.search(fold(sentence.text)) for hit in sentence.topics}
    named = [p for p in parts if p.kind == ReplyKind.FACT and p.subject in asking]
    progress.forget(c, named)  # (left unsaid: not told)
    parts[:] = [p for p in parts if all(p is not n for n in named)]
    line = c.unsaid("deal_confirmed") or continued(c.bank("repeat_prefix"),
                                                    c.bank("deal_accepted"), c.names)
    parts.append(ReplyPart(Priority.ANSWER, line, ReplyKind.DEAL, stance=Stance.POSITIVE))


def asks_commitment(u: Understanding, priced: bool = False) -> bool:
    """A request for her yes: said as such, or an offer with its price followed by "ça vous
    va ?" (a blind play heard "Oui, ça me va." to "…ça fait 1 925 €. Ça vous va comme ça ?"
    and no deal came of it). With a price already on the table (`priced`), a recap of the
    plan followed by "Cela vous convient-il ?" asks it too."""
    if Act.DEMANDE_ENGAGEMENT in u.acts or _FIX_SIGNING.search(u.folded) or \
            _YES_ASKED.search(u.folded):
        return True
    offered = u.frame.offer is not None or (priced and Act.RECAPITULATIF in u.acts)
    return offered and (any(asks(Request.CONSENT, fold(s.text)) for s in u.sentences)
                        or bool(_VALIDATE.search(u.folded)))


def _only_a_time_noted(u: Understanding) -> bool:
    """A day and an hour noted ("C'est noté : je vous rappelle mardi à 14 h 30.") read as a
    closing by the turn's meaning only, with no price: before any price was offered, a time
    agreed, not her yes asked to the deal (a blind play heard "C'est un peu tôt pour me
    décider" to it)."""
    read = {act for sentence in u.sentences for act in sentence.act_ids} | u.context_acts
    dated = any(e.type == "date" and e.value.get("heure") for e in u.entities)
    priced = any(e.type == "montant" for e in u.entities)
    return Act.DEMANDE_ENGAGEMENT not in read and dated and not priced


# A day to sign put to her ("on peut fixer la signature lundi ou mardi prochain ?"): her yes
# to the deal is asked (round 43: "Je dirais le lundi." with her doubt still standing).
_FIX_SIGNING = re.compile(r"\b(?:fixer|caler|prevoir|planifier|programmer) (?:la|une|un rendez-"
                          r"vous de|un rdv de|le rendez-vous de) (?:date de )?signature|"
                          r"\bon signe quand\b|\b(?:repasse|reviens|revienne|revoit|revoie) "
                          r"(?:\w+ ){0,4}pour (?:signer|la signature)\b")
_SIGN_HERE = re.compile(r"\b(?:parapher|paraphez|signer ici|signez ici|votre signature|"
                        r"signer le (?:contrat|bon de commande)|le signer|pour signer|"
                        r"signer (?:aujourd'hui|maintenant|tout de suite))\b")
# Her yes asked in so many words ("Est-ce que vous me donnez votre accord aujourd'hui, pour
# que j'envoie la fiche… ?", aveugle-7: read as no request, the best student of the set ended
# "inachevé" after "Oui… je signe la demande avant midi").
# (Not a permission asked for one thing: "Pour l'utilisation du fichier clients, j'ai votre
# accord ?", "…votre accord pour utiliser le fichier ?" ask for a counterpart, round 54.)
_YES_ASKED = re.compile(r"\b(?:vous me donnez|me donnez-vous|pouvez-vous me donner|vous pouvez me "
                        r"donner) (?:donc )?(?:votre|ton) (?:accord|feu vert|validation)\b"
                        r"(?!,? (?:pour|sur) (?!que\b))[^.!?]*\?")
# Asking to validate the offer just priced ("je vous propose donc de valider le projet à
# 2 850 €"): a request for her yes, whatever the act read (a blind play got "Oui… Confirmé."
# and no agreement recorded).
_VALIDATE = re.compile(r"\b(?:je vous propose (?:donc )?de (?:valider|signer|partir sur)|"
                       r"(?:vous )?(?:validez|signez|valider|signer) (?:le projet|le devis|"
                       r"le contrat|le bon de commande|l'offre|le budget)|on valide|on signe)\b")


def _settle(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """"On fait comme ça ?" in a complaint: the solution proposed is accepted when she is
    calm enough, else she says it does not settle it; with nothing proposed she asks what."""
    state, rules = c.state, c.rules
    # (Or a promise she took up or doubts: "je vous livre un Lavex neuf demain matin, et un
    # virement de 100 euros, ça vous va ?" got "Vous ne m'avez rien proposé", round 42.)
    if any(p.kind in (ReplyKind.SOLUTION, ReplyKind.FACT, ReplyKind.PROMISE,
                      ReplyKind.CLAIM_DOUBTED) for p in parts):
        return  # the turn's own solution was just answered, or what she was asked
    if not state.happened(Event.SOLUTION_PROPOSEE):
        parts.append(ReplyPart(Priority.ANSWER, c.bank("settle_what"), ReplyKind.COMMITMENT,
                               stance=Stance.NEGATIVE))
    elif state.happened(Event.SOLUTION_ACCEPTEE) or (
            state.mood >= rules.solution_mood_min and not state.objections_pending):
        # (What she already agreed to stays agreed when the student loses his temper
        # afterwards: "Ça ne règle pas mon problème" to the recap of the Saturday slot she had
        # taken, round 45.)
        state.record(Event.SOLUTION_ACCEPTEE)
        parts.append(ReplyPart(Priority.ANSWER, c.bank(accepted(u)),
                               ReplyKind.SOLUTION, stance=Stance.POSITIVE))
    else:
        parts.append(ReplyPart(Priority.ANSWER, c.bank("solution_refused"), ReplyKind.SOLUTION,
                               stance=Stance.NEGATIVE))


def accepts_deal(c: Customer) -> tuple[bool, str]:
    """(yes or no, the reply bank that says why)."""
    state, rules, deal = c.state, c.rules, c.scenario.negotiation
    if state.objections_pending:
        return False, "objection_insist"
    if proof_awaited(c):
        return False, "deal_refused_proof"
    if state.mood < rules.deal_mood_min:
        return False, "deal_refused_not_ready"
    if deal is None:
        return True, "deal_accepted"
    price = state.price_offered
    if price is None:
        return False, "deal_refused_not_ready"
    if deal.floor_price is not None and price < deal.floor_price:
        return False, below_floor(c)
    if deal.authority_limit is not None and price > deal.authority_limit:
        return False, "deal_refused_not_ready"
    limit = deal.customer_budget if deal.customer_budget is not None else deal.list_price
    said = stated_budget_max(c)
    convinced = state.mood >= rules.value_mood and any(
        tied(c, c.arguments[a]) for a in state.arguments_heard)
    if said is not None:
        # "L'enveloppe, c'est 3 000 €": once she has said her ceiling, she keeps to it,
        # however convinced (accepting 3 150 € would contradict her own words).
        limit = said
    elif convinced:
        limit *= 1 + rules.value_margin
    if price > limit:
        return False, "ask_discount"
    needs_counterpart = price < deal.list_price and any(
        concession.counterparts for concession in deal.concessions
        if concession.price_min is not None)
    if needs_counterpart and not state.counterparts_obtained:
        return False, "push_further"
    return True, "deal_accepted"
