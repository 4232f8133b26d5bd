"""Questions that ask the customer for something other than a fact: her consent ("ça vous
va ?"), her time ("vous avez deux minutes ?"), whether anything is left ("autre chose ?").
Discovery lets them pass as answered; the customer's core answers them when nothing else does;
closing reads a consent question after a priced offer as a request for her yes. Read on folded
text (bot.text.fold)."""

from __future__ import annotations

import re
from enum import StrEnum


class Request(StrEnum):
    CONSENT = "accord"
    PERMISSION = "permission"
    TIME = "temps"
    ACTION = "action"
    ANYTHING_ELSE = "autre chose"


_PATTERNS = {
    Request.CONSENT: re.compile(r"\b((?:ca|cela) vous (?:va|convient|conviendrait|irait)|vous etes "
                                r"d'accord|vous etes ok|c'est bon pour vous|ok pour vous|"
                                r"on fait comme ca|ca vous dit)\b"),
    # "C'est possible de les libérer pour animer les ateliers ?" asks leave to do something,
    # not a fact: "Ça, je n'ai pas le chiffre en tête" to it was absurd (blind play).
    Request.PERMISSION: re.compile(
        r"\b(c'est possible de|ce serait possible de|est-ce possible de|ce serait possible que|"
        r"c'est bon si (?:je|j'|on)|ca (?:vous )?(?:derange|gene|pose probleme) si|"
        r"(?:vous )?m'autorise\w*|vous accept\w+ (?:de|que)|vous seriez d'accord|"
        r"vous voulez bien (?:que|me|qu')|vous me permettez|vous me laisse\w*|"
        r"(?:est-ce que )?(?:je|on) (?:peux|peut|pourrais|pourrait) (?:utiliser|liberer|prendre|"
        r"mettre|installer|afficher|compter sur|emprunter|occuper|disposer))\b"),
    # "Vous avez deux minutes ?" got "Ça, je n'en sais rien. Et ce n'est pas le sujet, si ?"
    # in a blind play.
    # "Vous avez bien une vingtaine de minutes à m'accorder ?" read "l'accord de M. Lefèvre".
    Request.TIME: re.compile(
        r"\b(vous avez|avez-vous|auriez-vous|vous auriez|tu as|t'as|as-tu|vous disposez|"
        r"disposez-vous)(?: bien| toujours)? (?:d')?("
        r"(?:deux|2|cinq|5|dix|10|quinze|15|vingt|20|trente|30|quelques|une dizaine de|"
        r"une quinzaine de|une vingtaine de|une trentaine de) (?:minutes|instants)|"
        r"un (?:petit )?(?:moment|instant)|une (?:petite )?(?:minute|demi-heure|heure)|"
        r"un peu de temps)\b"),
    # "Pouvez-vous les envoyer dès aujourd'hui à sav@… ?" asks her to do something: "Comme je
    # vous le disais, la porte est fendue" (the fact its words named) answered nothing (blind
    # play).
    Request.ACTION: re.compile(
        r"\b(?:pouvez-vous|pourriez-vous|vous pouvez|vous pourriez|vous pouvez bien|"
        r"est-ce que vous (?:pouvez|pourriez)|merci de) (?:me |nous |les |l'|la |le |m'en |"
        r"nous en |m'|y )?(?:envoyer|transmettre|faire parvenir|renvoyer|retourner|prendre en "
        r"photo|photographier|remplir|completer|rappeler|confirmer par (?:mail|ecrit|e-mail))\b"),
    Request.ANYTHING_ELSE: re.compile(r"\b(autre chose|d'autres questions|une autre question|"
                                      r"quelque chose d'autre)\b"),
}


def asks(request: Request, folded: str) -> bool:
    return bool(_PATTERNS[request].search(folded))


def asks_something_else(folded: str) -> bool:
    """Whether a question asks her for one of these rather than for a fact."""
    return any(pattern.search(folded) for pattern in _PATTERNS.values())
