"""Where the customer doubts a claim no seller can make: a guaranteed result ("je vous
garantis +30 % sur avril", "vous doublez votre chiffre, garanti", "zéro panne"), or a gift
no sales policy allows ("le toner gratuit à vie", "une tablette offerte si vous signez", "un
an d'abonnement gratuit" to the assistant who puts the call through). A real customer does
not let it pass (blind plays: "Voilà, là on commence à parler sérieusement" to the first, "Mm,
je vous suis" to the last); a contractual guarantee ("intervention garantie sous 4 heures")
or a gesture the scenario allows ("installation offerte") is an argument or a concession,
not this."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenarios.vocabulary import Event, Kind, SpeakerRole

from ..text import fold
from .reply import Priority, ReplyKind, ReplyPart, Stance

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer

_PROMISING = re.compile(r"\b(garanti\w*|je vous (le )?promets|c'est promis|promis|assure)\b")
_RESULT = re.compile(
    r"(\+ ?\d+ ?%|\d+ ?% (de plus|en plus|minimum)|\b(gagner|augmenter|booster) (de )?\d+ ?%|"
    r"\bdoubl\w*|\btripl\w*|\bzero (panne|souci|probleme|risque)|"
    r"\bplus (jamais|aucune?) (de )?panne|\baucune panne|\bexplos\w*|\bcartonn\w*|\bfortune\b)")
# A gift, and what makes it one no seller may give: for life, a year, an object, money.
_GIFT = re.compile(r"\b(gratuit\w*|offert\w*|cadeau\w*|gratos|je (vous|te) (l'|le |la |les )?"
                   r"(offre|fais offrir)|pour rien)\b")
_BEYOND_POLICY = re.compile(
    r"\b(a vie|pour toujours|illimite\w*|sans limite|(un|1|une|deux|2) an(s|nee)?|tablette|"
    r"ipad|iphone|smartphone|ordinateur|televiseur|tele|voyage|croisiere|week-end|cheque|"
    r"virement|liquide|cash|billets?|bouteille|champagne|resto|restaurant)\b")
_NEAR = 25  # characters around the gift word where its object or its duration is said


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    for sentence in u.sentences:
        folded = fold(sentence.text)
        if _RESULT.search(folded) and (_PROMISING.search(folded) or ("%" in folded
                                       and "garanti" in u.folded)):
            c.move(mood=c.rules.claim_doubted_mood)
            parts.append(ReplyPart(Priority.FOLLOW_UP, c.bank("claim_doubted"),
                                   ReplyKind.CLAIM_DOUBTED, stance=Stance.NEGATIVE))
            return
    if c.scenario.kind == Kind.RECLAMATION:
        return  # a complaint's promises are weighed against its policy (complaint.py)
    for sentence in u.sentences:
        folded = fold(sentence.text)
        # Side by side ("le toner gratuit à vie", "une tablette pour la caisse, cadeau"); a
        # gift word alone ("installation offerte", "premier mois offert") is a gesture the
        # scenario may allow, weighed by the negotiation.
        if any(_BEYOND_POLICY.search(folded[max(0, gift.start() - _NEAR):gift.end() + _NEAR])
               for gift in _GIFT.finditer(folded)):
            c.state.record(Event.PROMESSE_HORS_POLITIQUE)
            c.move(mood=c.rules.claim_doubted_mood)
            # The assistant is being bought, not sold to; the buyer takes note of a gift
            # she does not believe.
            key = "bribe_refused" if c.speaker.role == SpeakerRole.BARRAGE else "gift_doubted"
            # Not a no to the deal or the slot: it may follow "mardi 15 h, d'accord".
            parts.append(ReplyPart(Priority.FOLLOW_UP, c.bank(key), ReplyKind.CLAIM_DOUBTED))
            return
