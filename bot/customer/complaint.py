"""Complaints: solutions and gestures within the policy, promises outside it, legal rights
denied, and the commitments that close a complaint."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenarios.model import PolicyItem
from scenarios.vocabulary import Act, Event, Kind

from ..entities import WEEKDAYS, days_said, extract
from ..introduction import names_company
from ..questions import asks_to_pick
from ..recap import sums_up
from ..text import fold, with_article
from .appointments import option_values
from .reply import Priority, ReplyKind, ReplyPart, Stance
from .requests import DOING_FOR_HER, Request, asks

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer

# Denying a right: "vous n'avez plus droit", "ça ne s'applique pas", "pas de remboursement"...
_DENIAL = re.compile(
    r"\b(n'avez (pas|plus|aucun)|ne (peut|pouvez|pourrez) (pas|plus|jamais)|n'(y )?a (pas|plus)"
    r"|ne s'applique (pas|plus)|aucun(e)? (droit|garantie|recours)|pas de (droit|garantie|"
    r"remboursement|retractation)|impossible de (vous )?rembours\w*|plus possible|"
    r"(droit|garantie|delai)\w* (est|sont) (expire|depasse|termine|perdu)\w*)")
# Every obligation denied at once: "…le délai de quatorze jours est dépassé, donc légalement on
# n'est plus obligés de rien faire" denies the guarantee that still applies, whichever right it
# named (round 40: "D'accord. Mais alors cette fois, je compte sur vous").
_DENIES_ALL = re.compile(r"\b(?:(?:on|nous) n'(?:est|sommes) (?:plus |pas )?oblige\w* (?:de|a) "
                         r"rien|(?:on|nous) (?:n'avons|n'a) plus (?:aucune )?obligation)")
# A delay or right said to have run out, in the words of speech too ("le délai de rétractation
# il est passé", "la garantie est terminée").
_EXPIRED = re.compile(r"\b(?:delai|droit|garantie)s?(?: de \w+| legale?s?)?,?(?: (?:il|elle|ils))? "
                      r"(?:est|sont|a|ont) (?:deja |bien |malheureusement )?(?:expire|depasse|"
                      r"passe|termine|perdu|fini|ecoule)\w*")
def _expired(c: Customer, text: str, legal: set[str]) -> set[str]:
    """The legal points a sentence says have run out: the one its delay names ("le délai de
    rétractation est passé, mais vous êtes couverte par la garantie légale" runs out the
    withdrawal, not the guarantee), or the only one it is about."""
    match = _EXPIRED.search(fold(text))
    if match is None or not legal:
        return set()
    named = {i for i in legal if any(fold(word) in match.group(0) for word in c.legal[i].keywords)}
    return named or (legal if len(legal) == 1 else set())


# A guarantee given in months, or one year ("la garantie, c'est six mois"), shorter than the
# legal two years; not an extension offered on top of it.
_SHORT_GUARANTEE = re.compile(r"\bgaranti\w*\b[^.?!]{0,40}\b(?:\d+|un|deux|trois|six|huit|"
                              r"douze|dix-huit) mois\b|\bgaranti\w*\b[^.?!]{0,40}\b(?:un|1) an\b")
_EXTENDED = re.compile(r"\b(?:extension|prolong\w*|supplementaire|en plus|de plus|offert\w*)\b")
# A remedy refused outright ("je peux pas vous faire un retour", "pas d'échange possible").
_REFUSES_REMEDY = re.compile(
    r"\b(?:je|on) (?:ne )?(?:peux|peut|pourra|pourrai|va) (?:pas|rien) (?:vous )?"
    r"(?:faire (?:un|le|de) (?:retour|echange|remboursement|reprise)|rembourser|reprendre|"
    r"echanger|remplacer)|"
    r"\bpas (?:de|d') (?:retour|echange|remboursement|reprise) possible|"
    r"\bimpossible de (?:vous )?(?:rembourser|reprendre|echanger|remplacer)")
_OFFERED_AS_QUESTION = re.compile(r"\b(?:vous (?:preferez|voulez|souhaitez|aimeriez|voudriez)|"
                                  r"preferez-vous|voulez-vous|souhaitez-vous|ca vous (?:dit|irait)"
                                  r")\b")
_TO_THE_MAKER = re.compile(r"\b(?:voir|voyez|contacter|contactez|appeler|appelez|ecrire|ecrivez|"
                           r"adresser|adressez|tourner|tournez)(?:-vous)? (?:directement )?"
                           r"(?:avec |a )?(?:le |au |la |aupres du |aupres de la )?"
                           r"(?:fabricant|constructeur|marque|sav de la marque)\b"
                           r"|\bc'est (?:au|le|la|a la) (?:fabricant|constructeur|marque)\b")
# The guarantee made to hang on what she did at the door ("si vous voulez être remboursée il
# fallait refuser le colis au livreur", aveugle-5: the examiner's "affirmation juridique fausse
# qui nie les droits de la cliente", and she heard none; "fallait faire des réserves sur le bon
# de livraison", aveugle-1): a product that came broken is owed a remedy whatever was signed.
_AT_THE_DOOR = re.compile(r"\b(?:il )?(?:fallait|aurait fallu) (?:le |la |les )?"
                          r"(?:refuser|faire des reserves|emettre des reserves|mettre des reserves"
                          r"|noter (?:des|les) reserves|signaler (?:a|au) (?:la livraison|livreur))"
                          r"|\b(?:sans|pas de|aucune) reserves?\b[^.?!]{0,30}\b(?:pas de|aucun|"
                          r"rien|plus de) (?:remboursement|recours|remplacement|garantie|droit)")
# Words of paying money out, for a forbidden item capped in euros ("un chèque de 200 €").
_CASH = re.compile(r"\b(cheques?|virements?|especes|liquide|cash|dedommag\w*|indemnis\w*)\b")
# A part of the price paid back ("je vous fais rembourser 80 euros sur votre carte",
# aveugle-2: "Ça me convient."), in a sentence that names no amount the policy allows (the
# whole price refunded is a right).
_REFUND = re.compile(r"\brembours\w*")
# What the adviser commits to: a file, a confirmation sent, a follow-up. (Not the channel
# alone: "vous les envoyez au SAV par mail, sav@electromaison.fr" asks her for the photos, and
# earned "engagement précis donné" with no file, e-mail or slot promised, aveugle-30.)
_COMMITMENT = re.compile(r"\b(dossier|ticket|numero|confirmation|je m'en occupe|"
                         r"(?:je|on) vous (?:envoie|envoyer|renvoie|adresse|confirme)|"
                         r"je vais vous (?:envoyer|adresser|confirmer)|vous (?:allez )?recev\w+|"
                         r"c'est note)\b")
# A call back is a commitment only with its time ("je vous rappelle demain avant midi"): "après
# on vous rappelle pour la livraison" earned "engagement précis donné (numéro de dossier,
# e-mail de confirmation, créneau de livraison)" with none of them, aveugle-33.
_CALL_BACK = re.compile(r"\b(?:(?:je|on) vous (?:rappelle\w*|recontacte\w*)|je vais vous "
                        r"(?:rappeler|recontacter))\b")


# What the carrier or the technician will do for her, in the offer: a service, not blame.
_SERVICE = re.compile(r"\b(?:le|un|notre|votre) (?:livreur|transporteur|technicien)s? (?:vous )?"
                      r"(?:reprend|reprendra|reprenne|recupere|recuperera|emporte|emportera"
                      r"|passe|passera|apporte|apportera|installe|installera|livre|livrera"
                      r"|appelle|appellera|vient|viendra|deballe|deballera)\b")
# How surely a forbidden statement must be read to be answered when nothing is proposed.
_SAID_CLEARLY = 0.75
# Her fault taken off her in the same breath: no blame to rebuff.
_EXCUSED = re.compile(r"\b(?:pas (?:de )?votre faute|vous n'y (?:etes|pouvez) pour rien)\b")


# A written confirmation waved away ("Pour le mail de confirmation, franchement pas la peine,
# faites-moi confiance", round 46: "Très bien, c'est clair.").
_NO_WRITING = re.compile(r"\b(?:mail|e-mail|courriel|confirmation|ecrit|sms)\b[^.?!]{0,30}\b(?:pas "
                         r"(?:la peine|besoin|necessaire|utile)|inutile)\b|\bpas (?:la peine|"
                         r"besoin) (?:de|d'|du) (?:mail|e-mail|confirmation|ecrit|sms)\b"
                         r"|\bfaites-moi confiance\b")


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    if c.scenario.policy is None:
        return
    state, acts, topics, rules = c.state, u.acts, set(u.topics), c.rules
    proposing = acts & {Act.PROPOSITION_SOLUTION, Act.CONCESSION, Act.ARGUMENT,
                        Act.RECAPITULATIF} or (
        # "Vous préférez un remboursement ?" offers it: "on s'éloigne, là" to it was absurd.
        u.is_question and _OFFERED_AS_QUESTION.search(u.folded) is not None
        and bool(topics & (c.solutions | c.gestures))) or (
        # "Du coup je vous mets la livraison dimanche matin, comme ça vous êtes là ?" offers
        # it (round 43: "Ça ne me convainc pas encore tout à fait.").
        DOING_FOR_HER.search(u.folded) is not None)
    # A forbidden item with a cap ("aucune indemnisation en espèces au-delà de 30 €") is
    # breached above it only (_over_cap): "pour vous dédommager…, un bon d'achat de 30 euros"
    # named it and ended a competent call on "promesse intenable" (blind play).
    breached = [c.forbidden[i] for i in sorted(topics & c.forbidden.keys())
                if _waived(c.forbidden[i], u) and c.forbidden[i].max_value is None
                and _day_said(c.forbidden[i], u)]
    # What the policy forbids saying (an item with her answer, "rejeter la faute sur le
    # transporteur") is not said by a sentence that only tells what the carrier will do for
    # her: "le livreur reprend la machine abîmée", in an offer of the exchange, was read as
    # blaming him and ended an excellent call on a breach (aveugle-18, the examiner 18/20,
    # graded 8).
    breached = [item for item in breached if not item.lines or not all(
        _SERVICE.search(fold(sentence.text)) for sentence in u.sentences
        if any(hit.id == item.id for hit in sentence.topics))]
    over = _over_cap(c, u)
    breached += [item for item in over if item.id in c.forbidden and item not in breached]
    # What the policy forbids saying, and the scenario answers in her words ("c'est sûrement
    # le transporteur qui l'a abîmé"), said in passing before a question, is answered all the
    # same (round 51: "Tout à fait."), when said clearly and not excused in the same breath
    # ("…c'est pas de votre faute s'il est parti direct"). Not a promise: the outcome and the
    # grade are left to what the turn proposes.
    said = [item for item in breached if item.lines and u.topics.get(item.id, 0) >= _SAID_CLEARLY]
    if said and not (proposing or over) and not _EXCUSED.search(u.folded):
        parts.append(_rebuff(c, said[0]))
    if (breached and proposing) or over:
        reacted = [item for item in breached if item.lines]
        # A breach either way; a promise she may later see taken back only when one was made
        # (not a blame she rebuffs).
        if reacted and not over:
            state.record(Event.PROMESSE_HORS_POLITIQUE)
        else:
            state.record_promise()
        if reacted:
            # What the policy forbids without promising anything ("le livreur aurait dû
            # voir ça"): she answers it in the scenario's words, not "Ça, je le retiens.
            # Vous me l'envoyez par mail ?" (blind play).
            parts.append(_rebuff(c, reacted[0]))
        else:
            # A customer takes a promise at its word, allowed or not: the student will have
            # to keep it (and the grade counts it as a breach of the sales policy).
            # (Each of her lines once: "Ça, je le retiens. Vous me l'envoyez par mail ?" came
            # back word for word in one call, blind play.)
            line = c.unsaid("promise_seized") or c.bank("promise_seized_again")
            parts.append(ReplyPart(Priority.FOLLOW_UP, line, ReplyKind.PROMISE,
                                   stance=Stance.POSITIVE))
    if proposing and _too_fast(c, u):
        # "Je vous envoie une machine neuve demain matin, livrée avant 8 h" when the quickest
        # the policy allows is 48 h: blind reviewers heard "Enfin une vraie solution" to it.
        # She does not believe it, and the grade counts a promise outside the policy.
        state.record_promise()
        parts.append(ReplyPart(Priority.FOLLOW_UP, c.bank("promise_too_fast"),
                               ReplyKind.CLAIM_DOUBTED, stance=Stance.NEGATIVE))
        return
    if _NO_WRITING.search(u.folded):
        # She has waited long enough on words: she wants it in writing, with its number.
        parts.append(ReplyPart(Priority.ANSWER, c.bank("writing_insisted"),
                               ReplyKind.COMMITMENT, stance=Stance.NEGATIVE))
    upsold = _upsell(c, u, parts)
    if not upsold and _gives_away(u):
        # Another appliance thrown in for free ("je vous offre un sèche-linge en plus,
        # gratuit"): no SAV gives that; she does not believe it, and the grade counts a
        # promise outside the policy ("Bon, très bien, on fait comme ça" to it, round 47).
        state.record_promise()
        parts.append(ReplyPart(Priority.INTERRUPTION, c.bank("gift_doubted"),
                               ReplyKind.CLAIM_DOUBTED, stance=Stance.NEUTRAL))
    folded = u.folded
    for sentence in u.sentences:
        legal = {hit.id for hit in sentence.topics} & set(c.legal)
        denied = any(c.legal[i].applies for i in legal) and _DENIAL.search(fold(sentence.text))
        denied = denied or (bool(legal) and _DENIES_ALL.search(fold(sentence.text)) is not None
                            and any(point.applies for point in c.legal.values()))
        # Sending her to the maker denies the seller's legal guarantee, whatever its words
        # ("le délai de rétractation est passé… faut voir avec le fabricant Lavex" got "Oui,
        # et ensuite ?", blind play): the seller owes a product that conforms.
        denied = denied or ((_TO_THE_MAKER.search(fold(sentence.text)) is not None or
                             _AT_THE_DOOR.search(fold(sentence.text)) is not None) and any(
            point.applies and "garantie" in fold(point.label) for point in c.legal.values()))
        # A delay run out, said as the end of it ("le délai de rétractation il est passé"):
        # a right that still applies is denied; one that truly ran out is no answer to a
        # product that came broken ("Entendu." to it, round 55).
        ran_out = _expired(c, sentence.text, legal)
        expired = bool(ran_out)
        denied = denied or any(c.legal[i].applies for i in ran_out)
        # A guarantee said shorter than the law's ("la garantie sur la nouvelle machine c'est
        # six mois, après c'est pour votre pomme", round 55: "Bien noté, merci").
        denied = denied or (_SHORT_GUARANTEE.search(fold(sentence.text)) is not None
                            and not _EXTENDED.search(fold(sentence.text)) and any(
                                point.applies and "garantie" in fold(point.label)
                                for point in c.legal.values()))
        if denied and state.record(Event.DROIT_LEGAL_NIE):
            c.move(mood=rules.legal_denial_mood, patience=rules.legal_denial_patience)
        refused = _REFUSES_REMEDY.search(fold(sentence.text)) is not None
        if expired and not denied and not topics & (c.solutions | c.gestures) and not any(
                part.kind == ReplyKind.REMEDY_REFUSED for part in parts):
            parts.append(ReplyPart(Priority.INTERRUPTION, c.bank("expired_right_pressed"),
                                   ReplyKind.REMEDY_REFUSED, stance=Stance.NEGATIVE))
        if denied and topics & (c.solutions | c.gestures) and not any(
                part.kind == ReplyKind.REMEDY_REFUSED for part in parts):
            # A right denied beside a remedy offered: the remedy does not make it true, and
            # she knows her rights.
            parts.append(ReplyPart(Priority.INTERRUPTION, c.bank("right_denied"),
                                   ReplyKind.REMEDY_REFUSED, stance=Stance.NEGATIVE))
        if (denied or refused) and not topics & (c.solutions | c.gestures) and not any(
                part.kind == ReplyKind.REMEDY_REFUSED for part in parts):
            # No remedy at all, for a product that came broken: she does not agree ("…le délai
            # de rétractation est dépassé, je peux pas vous faire un retour" got "Oui, c'est
            # bien ça", blind play); her rights are not the seller's favour.
            # (Not a right denied in words: the student may still offer what the law gives.)
            if not denied:
                c.move(mood=rules.remedy_refused_mood)
            parts.append(ReplyPart(Priority.INTERRUPTION, c.bank("remedy_refused"),
                                   ReplyKind.REMEDY_REFUSED, stance=Stance.NEGATIVE))
    # A gesture beyond its cap ("200 € en bon d'achat" for 30 € at most) is not that gesture.
    # (Nor a solution said to be out of reach: "le remboursement direct je peux pas" offers
    # no refund, round 48: she took it as offered.)
    offered = (topics & (c.solutions | c.gestures)) - {item.id for item in over} \
        - _turned_down(c, u) - _asked_not_offered(u)
    if offered and proposing and not upsold:  # (a warranty sold is no gesture)
        state.record(Event.SOLUTION_PROPOSEE)
        new = [item for item in sorted(offered) if item not in state.solutions_proposed]
        for item in new:
            state.solutions_proposed.append(item)
            if item in c.gestures:
                c.move(mood=rules.gesture_mood)
        chosen = _chosen_solution(c, u)
        if offered & c.solutions and chosen is not None and \
                state.mood >= rules.solution_mood_min:
            # Asked which of the solutions put to her she prefers, she picks one: "Bon, très
            # bien, on fait comme ça" chose nothing (blind plays, two rounds).
            state.record(Event.SOLUTION_ACCEPTEE)
            parts.append(ReplyPart(Priority.ANSWER,
                                   c.bank("solution_chosen", **option_values(chosen)),
                                   ReplyKind.SOLUTION, stance=Stance.POSITIVE))
        elif offered & c.solutions:
            if state.mood >= rules.solution_mood_min:
                # Glad once per solution: the recap that names it again is not met with
                # "Parfait ! Là, je retrouve le sourire." each time (blind play).
                # (Nor the recap that names a part of it for the first time: "…on reprend
                # l'ancienne, dossier SAV-204817" got "Formidable, j'accepte avec plaisir !"
                # after her yes, blind play.)
                # What she asked for refused in the same turn ("…le remboursement direct je
                # peux pas. Par contre on peut vous remplacer la machine"), she takes the other
                # remedy without a "C'est ce que j'attendais" (round 48).
                key = "solution_accepted_grudgingly" if _turned_down(c, u) and \
                    Act.RECAPITULATIF not in acts else accepted(u)
                if state.record(Event.SOLUTION_ACCEPTEE) or (
                        set(new) & c.solutions and Act.RECAPITULATIF not in acts):
                    parts.append(ReplyPart(Priority.ANSWER, c.bank(key),
                                           ReplyKind.SOLUTION, stance=Stance.POSITIVE))
            elif not (state.happened(Event.SOLUTION_ACCEPTEE) and not set(new) & c.solutions):
                # (Not the solution she already agreed to, said back in a recap: "Ça ne règle
                # pas mon problème" to the Saturday slot she had taken, round 45.)
                c.move(mood=rules.solution_refused_mood)
                parts.append(ReplyPart(Priority.ANSWER, c.bank("solution_refused"),
                                       ReplyKind.SOLUTION, stance=Stance.NEGATIVE))
    _pick_gesture(c, u, parts)
    # (A turn the act reader took for a recap commits to nothing unless it sums something up:
    # "je lance le remplacement, le transporteur va normalement vous contacter" earned "un
    # engagement précis (numéro de dossier, e-mail, créneau)" with none given, aveugle-21/22.)
    if state.happened(Event.SOLUTION_PROPOSEE) and (
            (Act.RECAPITULATIF in acts and sums_up(u.text, u.entities))
            or _COMMITMENT.search(folded)
            or (_CALL_BACK.search(folded) and any(e.type == "duree" for e in u.entities))
            or any(e.type in ("numero_commande", "date") or (
                e.type == "email" and not names_company(e.text, c.scenario.brief.company.name))
                for e in u.entities)
    ) and state.record(Event.ENGAGEMENT_DONNE) and not any(
            part.kind == ReplyKind.SOLUTION and part.stance == Stance.POSITIVE for part in parts):
        # Not after her choice or her yes, which already answer the turn ("Plutôt le
        # remboursement, je pense. Entendu. Si je n'ai rien d'ici là, je vous rappelle.",
        # blind play); "d'ici là" only when a time was given.
        timed = any(e.type in ("date", "duree", "plage_horaire") for e in u.entities)
        line = c.bank("commitment_ok")
        if "d’ici là" in line and not timed:
            line = c.voice.pick([other for other in c.stock("commitment_ok")
                                 if "d’ici là" not in other])
        parts.append(ReplyPart(Priority.FOLLOW_UP, line,
                               ReplyKind.COMMITMENT, stance=Stance.POSITIVE))
    if Act.RECAPITULATIF in acts and state.happened(Event.SOLUTION_PROPOSEE) and \
            state.happened(Event.ENGAGEMENT_DONNE) and not state.objections_pending and \
            state.mood >= rules.solution_mood_min:
        # The recap of what was proposed, said back and agreed to, is the solution accepted
        # even when the proposal itself was not read as one ("samedi matin, là on se
        # comprend"): an agreement is recorded as such.
        state.record(Event.SOLUTION_ACCEPTEE)


# Words that put something to her, in a question as in a statement.
_PUTS_TO_HER = re.compile(r"\b(?:je (?:peux|pourrais|vais|vous propose)|on (?:peut|pourrait|va)|"
                          r"nous (?:pouvons|pourrions|allons)|ca vous (?:va|convient|arrange)|"
                          r"qu'est-ce qui vous (?:va|irait|convient|conviendrait|arrange"
                          r"|arrangerait))\b")
# Below this, a proposal read in a question is the classifier's doubt, not an offer.
_PROPOSAL_IN_QUESTION = 0.5


def _asked_not_offered(u: Understanding) -> set[str]:
    """The topics named only in questions that put nothing to her: "Et vous l'aviez choisie
    pour remplacer une ancienne machine, j'imagine ?" offered the replacement, and she took it
    (aveugle-30: a student who proposed nothing ended on "solution acceptée")."""
    asked: set[str] = set()
    put: set[str] = set()
    for sentence in u.sentences:
        ids = {hit.id for hit in sentence.topics}
        folded = fold(sentence.text)
        proposal = max((score.confidence for score in sentence.acts
                        if score.act == Act.PROPOSITION_SOLUTION), default=0.0)
        # (Asked to pick between them, she is offered each: "Qu'est-ce qui vous arrangerait
        # le mieux : une machine neuve en échange, ou plutôt être remboursée ?", round 40.)
        if sentence.is_question and proposal < _PROPOSAL_IN_QUESTION and not (
                _OFFERED_AS_QUESTION.search(folded) or DOING_FOR_HER.search(folded)
                or _PUTS_TO_HER.search(folded) or _WHICH.search(folded)
                or asks_to_pick(folded) or Act.QUESTION_ALTERNATIVE in sentence.act_ids):
            asked |= ids
        else:
            put |= ids
    return asked - put


# "Vous préférez quoi ?", "Laquelle vous conviendrait le mieux ?", "quelle solution… ?"
_WHICH = re.compile(r"\b(?:vous preferez|preferez-vous|tu preferes|lequel|laquelle|"
                    r"quelle (?:solution|option)|qu'est-ce que vous (?:preferez|choisissez)|"
                    r"vous choisissez quoi|vous (?:voulez|prenez) laquelle)\b")


def _asks_which(u: Understanding) -> bool:
    """Whether the turn asks her which of what was put to her she prefers."""
    return _WHICH.search(u.folded) is not None or asks_to_pick(u.folded)


def _chosen_solution(c: Customer, u: Understanding) -> str | None:
    """The solution she picks when asked which of those put to her she prefers: the
    quickest (what a customer without a machine wants), as she would name it; none when
    fewer than two were offered or the question asks no choice."""
    # ("…sous 5 jours. Si c'est plus urgent, … l'express sous 48 heures. Qu'est-ce qui vous
    # arrangerait le mieux ?" asks too: "Oui, tout est bon pour moi" chose none, round 40.)
    if not _asks_which(u):
        return None
    proposed = [item for item in c.scenario.policy.solutions
                if item.id in c.state.solutions_proposed] if c.scenario.policy else []
    if len(proposed) < 2:
        return None
    quickest = min(proposed, key=lambda item: item.delay_days if item.delay_days is not None
                   else 10_000)
    return spoken_name(quickest.label)


def _pick_gesture(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """Asked to choose between two gestures named in the turn ("un bon de 30 euros, sinon une
    extension de garantie d'un an à la place. Vous choisissez quoi ?"), she takes the first
    the policy lists (the one the scenario's author offers first); "Je vois." chose none
    (round 45)."""
    if any(part.kind == ReplyKind.SOLUTION for part in parts) or c.scenario.policy is None \
            or any(u.options):
        return  # (two options read as such are chosen between in choices.py)
    if not _asks_which(u):
        return
    named = [item for item in c.scenario.policy.gestures if item.id in u.topics]
    if len(named) < 2:
        return
    for item in named:
        if item.id not in c.state.solutions_proposed:
            c.state.solutions_proposed.append(item.id)
    option = spoken_name(named[0].label)
    parts.append(ReplyPart(Priority.ANSWER, c.bank("gesture_chosen", **option_values(option)),
                           ReplyKind.SOLUTION, stance=Stance.POSITIVE))


def spoken_name(label: str) -> str:
    """A policy item's label as a customer says it: "Remplacement express sous 48 h (à titre
    exceptionnel)" → "le remplacement express sous 48 h"; what follows "par" or a bracket
    says how, which she does not repeat."""
    return with_article(re.split(r"\s*\(|\s+par\s+|\s*,", label, maxsplit=1)[0].strip())


# Sooner than any delay in days: "demain", "ce soir", "cet après-midi".
_SOONER = re.compile(r"(?<!apres-)(?<!apres )\b(?:demain|ce soir|cet apres-midi|"
                     r"aujourd'hui meme)\b")


def _too_fast(c: Customer, u: Understanding) -> bool:
    """Whether the turn promises the product sooner than the quickest solution of the policy
    ("demain" against 48 h)."""
    delays = [item.delay_days for item in c.scenario.policy.solutions
              if item.delay_days is not None] if c.scenario.policy else []
    # (A remedy's selling point is the remedy offered: "je vous la fais partir en express,
    # vous l'avez demain matin" was read as the express argument and went by, aveugle-35.)
    remedies = c.solutions | c.arguments.keys()
    if not delays or not u.topics.keys() & remedies:
        return False
    quickest = min(delays)
    # Sentence by sentence: "Pouvez-vous m'envoyer la photo cet après-midi ? Dans ce cas, la
    # livraison peut avoir lieu samedi" sends the photo today, it delivers nothing sooner
    # ("Franchement, j'ai du mal à y croire", round 40).
    for sentence in u.sentences:
        folded = fold(sentence.text)
        said = days_said(sentence.entities)
        # (The delivery itself said sooner, not the mail that confirms it: "dans l'heure, vous
        # recevrez la confirmation du remplacement express" is no promise.)
        if said and min(said) < quickest and _DELIVERING.search(folded):
            return True
        # Clause by clause too: "Si vous les envoyez cet après-midi, la livraison peut avoir
        # lieu samedi" sends the photos this afternoon (round 41, a competent call again).
        # (Not a call promised for that day: "je vous rappelle demain vendredi pour vous
        # confirmer que la livraison est bien programmée" delivers nothing tomorrow; read as a
        # promise, it ended a flawless call in failure, blind calibration aveugle-2.)
        if quickest >= 2 and any(
                _DELIVERING.search(clause[max(0, m.start() - _NEAR):m.end() + _NEAR])
                and not _CALLING.search(clause[max(0, m.start() - _NEAR):m.start()])
                for clause in re.split(r"[,;:]", folded) for m in _SOONER.finditer(clause)):
            return True
    return False


# The product brought to her: the words a delivery promise is made of.
# ("je vous la fais partir en express, vous l'avez demain matin", aveugle-35)
_DELIVERING = re.compile(r"\b(?:livr\w*|(?:fais|fait|faisons|faire) partir|"
                         r"(?:envoi\w*|envoie|envoyer|expedi\w*|recev\w*) (?:\w+ ){0,3}"
                         r"(?:machine|appareil|lave-linge|modele)|machine neuve|"
                         r"nouvelle machine)\b")
_NEAR = 50  # characters between "demain" and what is delivered
# A call or a word of news promised for that day, right before it: "je vous rappelle demain",
# "je vous confirme ça ce soir".
_CALLING = re.compile(r"\b(?:rappel\w*|appel\w*|recontact\w*|confirm\w*|telephon\w*|"
                      r"ecri\w*|tiens? au courant|donne des nouvelles)\b(?:\s+\S+){0,2}\s*$")


# A remedy said to be out of reach: "je peux pas", "ce n'est pas possible".
_CANNOT = re.compile(r"\b(?:(?:je|on) (?:ne )?(?:peux|peut|pourra|pourrai|va) pas|pas possible|"
                     r"impossible|c'est non)\b")


def _turned_down(c: Customer, u: Understanding) -> set[str]:
    """The solutions a sentence of the turn names as out of reach."""
    return {hit.id for sentence in u.sentences if _CANNOT.search(fold(sentence.text))
            for hit in sentence.topics if hit.id in c.solutions}


def accepted(u: Understanding) -> str:
    """Her yes to a solution: to a recap of it, that it is right, and that she has no other
    question when asked ("Vous avez d'autres questions ?" got "Formidable, j'accepte avec
    plaisir !", blind play)."""
    if Act.RECAPITULATIF not in u.acts:
        return "solution_accepted"
    return "recap_agreed_nothing_else" if asks(Request.ANYTHING_ELSE, u.folded) \
        else "recap_agreed"


# Selling words: "vous seriez intéressée par notre extension de garantie à 79 € ?", "pendant
# que je vous ai", "une super affaire".
_SELLING = re.compile(r"\b(interesse\w*|super affaire|bonne affaire|promo\w*|offre speciale|"
                      r"pendant que je vous (?:ai|tiens)|en option|souscri\w*|"
                      r"extension de garantie|garantie (?:etendue|supplementaire))\b")


def _upsell(c: Customer, u: Understanding, parts: list[ReplyPart]) -> bool:
    """Something to buy offered in the middle of a complaint ("vous seriez intéressée par
    notre extension de garantie à 79 € ?"): not a gesture, a sale; she is annoyed (a blind
    play heard "Ça, c'est plutôt rassurant, oui. Merci." from a customer just insulted)."""
    if c.scenario.kind != Kind.RECLAMATION:
        return False
    policy = c.scenario.policy
    allowed = [item.max_value for item in policy.gestures
               if item.max_value is not None] if policy else []
    for sentence in u.sentences:
        folded = fold(sentence.text)
        # (Not an amount the policy gives: "un bon d'achat de 30 € ou une extension de
        # garantie d'un an ?"; nor a refund, "on vous rembourse les 549 €".)
        amounts = [float(e.value["montant"]) for e in sentence.entities if e.type == "montant"]
        given = [a for a in amounts if any(a <= most for most in allowed)]
        # Or another appliance on sale ("vous voulez pas un sèche-linge aussi ? Y a une promo,
        # moins 40 %.": "Bien. Au moins, je sais à quoi m'en tenir", blind play).
        # (Nor a price needed: "pendant que je vous ai, vous seriez pas intéressée par un
        # sèche-linge ? On a une promo" got the laundrette again, round 36.)
        priced = bool(amounts) or ("%" in folded and _OTHER_PRODUCT.search(u.folded) is not None) \
            or _OTHER_PRODUCT.search(folded) is not None
        if not priced or (amounts and len(given) == len(amounts)) or \
                not _SELLING.search(folded) or _FREE.search(folded):
            continue
        c.move(mood=c.rules.upsell_mood)
        parts[:] = [p for p in parts if p.stance != Stance.POSITIVE]
        parts.append(ReplyPart(Priority.ANSWER, c.unsaid("upsell_refused")
                               or c.bank("upsell_refused"), ReplyKind.UPSELL,
                               stance=Stance.NEGATIVE))
        return True
    return False


def _gives_away(u: Understanding) -> bool:
    return any(_OTHER_PRODUCT.search(folded) and _GIVEN.search(folded)
               and not _SELLING.search(folded)
               for folded in (fold(sentence.text) for sentence in u.sentences))


_GIVEN = re.compile(r"\b(?:offert\w*|gratuit\w*|cadeau|gratos|je vous (?:l'|le |la )?"
                    r"(?:offre|donne|rajoute|ajoute))\b")
_OTHER_PRODUCT = re.compile(r"\b(seche-linge|lave-vaisselle|refrigerateur|frigo|congelateur|"
                            r"four|micro-ondes|aspirateur|televiseur|tele|cafetiere|plaques?)\b")
_FREE = re.compile(r"\b(offert\w*|gratuit\w*|cadeau|sans frais|a nos frais|geste|rembours\w*)\b")


def _rebuff(c: Customer, item: PolicyItem) -> ReplyPart:
    """Her answer, in the scenario's words, to what the sales policy forbids saying."""
    return ReplyPart(Priority.ANSWER, c.voice.pick(item.lines), ReplyKind.PROMISE,
                     stance=Stance.NEGATIVE)


def _day_said(item: PolicyItem, u: Understanding) -> bool:
    """Whether a forbidden item that names a day ("Livraison le dimanche") was said with that
    day: "alors on peut vous livrer samedi" came close enough to "on peut vous livrer dimanche"
    to end a sound call on a broken promise (aveugle-13, the examiner 14.5/20, graded 6.5)."""
    days = [day for day in WEEKDAYS if re.search(rf"\b{day}\b", fold(item.label))]
    return not days or any(re.search(rf"\b{day}\b", u.folded) for day in days)


def _waived(item: PolicyItem, u: Understanding) -> bool:
    """Whether a turn naming a forbidden "X sans Y" ("l'express sans les photos") does waive
    Y: "si vous envoyez des photos, on peut faire en express" requires them, and was taken
    for the breach (blind play: the call ended on "promesse intenable")."""
    required = _WITHOUT.search(fold(item.label))
    if required is None:
        return True
    stem = required.group(1)[:5]
    folded = u.folded
    if stem not in folded:
        return True  # not said either way: the words of the breach decide
    # (Not "j'oubliais, si vous envoyez des photos…" nor "j'ai oublié, si vous avez des
    # photos…", blind plays: only "oubliez", "on oublie"; and not "(n')oubliez pas les
    # photos", a reminder that ended a call on "promesse intenable", round 47.)
    waiving = r"\b(?:sans|pas (?:besoin|la peine)|(?<!n')(?<!j'ai )(?<!j')oubli(?:ez|e|ons)" \
        r"(?! pas\b)|inutile|on verra)\b"
    return bool(re.search(rf"{waiving}[^.?!]{{0,40}}\b{stem}|\b{stem}\w*[^.?!]{{0,20}}"
                          rf"\bon verra\b", folded))


_WITHOUT = re.compile(r"\bsans (?:les |des |la |le |l')?(\w+)")


def _over_cap(c: Customer, u: Understanding) -> list[PolicyItem]:
    """The policy items a sentence goes beyond in euros: a gesture it names for more than its
    `valeur_max` ("200 euros en bon d'achat"), a forbidden payment capped by its `valeur_max`
    offered above it ("je vous fais un chèque de 200 euros"). A blind play heard "D'accord, on
    va voir." to both."""
    policy = c.scenario.policy
    if policy is None:
        return []
    over: list[PolicyItem] = []
    matcher = c.understander.topics
    allowed = {item.max_value for item in (*policy.solutions, *policy.gestures)}
    for sentence in u.sentences:
        amounts = [float(e.value["montant"]) for e in sentence.entities if e.type == "montant"]
        if not amounts:
            continue
        top, named = max(amounts), {hit.id for hit in sentence.topics}
        capped = [g for g in policy.gestures if g.id in named and g.max_value is not None
                  and top > g.max_value and g not in over]
        if capped and matcher is not None and len(amounts) > 1:
            # Each amount with what it pays for: "remboursement de 549 € sur votre carte…,
            # bon d'achat de 30 €" in one recap is no 549 € voucher (a competent call ended on
            # "promesse intenable", round 42).
            capped = [g for g in capped if any(
                g.id in {hit.id for hit in matcher.match(clause)} and any(
                    float(e.value["montant"]) > g.max_value for e in extract(clause)
                    if e.type == "montant")
                for clause in re.split(r"[,;:]", sentence.text))]
        over += capped
        folded = fold(sentence.text)
        if _CASH.search(folded) or (_REFUND.search(folded) and not allowed & set(amounts)):
            over += [f for f in policy.forbidden if f.max_value is not None
                     and top > f.max_value and f not in over]
    return over
