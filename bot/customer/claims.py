"""Where the customer doubts a claim no seller can make: a guaranteed result ("je vous
garantis +30 % sur avril", "vous doublez votre chiffre, garanti", "zéro panne"). A real
customer does not let it pass (blind plays: "Voilà, là on commence à parler sérieusement" to
it); a contractual guarantee ("intervention garantie sous 4 heures") is an argument, not this."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import fold
from .reply import Priority, ReplyKind, ReplyPart, Stance

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer

_PROMISING = re.compile(r"\b(garanti\w*|je vous (le )?promets|c'est promis|promis|assure)\b")
_RESULT = re.compile(
    r"(\+ ?\d+ ?%|\d+ ?% (de plus|en plus|minimum)|\bdoubl\w*|\btripl\w*|\bzero (panne|"
    r"souci|probleme|risque)|\bplus (jamais|aucune?) (de )?panne|\baucune panne|\bexplos\w*|"
    r"\bcartonn\w*|\bfortune\b)")


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    for sentence in u.sentences:
        folded = fold(sentence.text)
        if _RESULT.search(folded) and (_PROMISING.search(folded) or ("%" in folded
                                       and "garanti" in fold(u.text))):
            c.move(mood=c.rules.claim_doubted_mood)
            parts.append(ReplyPart(Priority.FOLLOW_UP, c.bank("claim_doubted"),
                                   ReplyKind.CLAIM_DOUBTED, stance=Stance.NEGATIVE))
            return
