"""Text normalisation and sentence splitting for student turns (typed or transcribed)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " ",
                              "\u202f": " ", "«": '"', "»": '"', "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")
# A sentence ends at . ! ? … (or a line break) followed by a space or the end; numbers such as
# "2.5" or "M. Lefèvre" must not split. A short unit ends one as well ("…samedi 8 h-12 h. Et
# pour le geste…", "…30 €. Que préférez-vous ?"): read as one sentence, the recap's e-mail
# was taken for a question about hers (blind play).
_SENTENCE_END = re.compile(r"(?<=[!?…])\s+|(?<=[^\s.]{3}\.)\s+(?=\S)|(?<=\d h\.)\s+(?=[A-ZÀ-Ý])"
                           r"|(?<=[€%]\.)\s+(?=\S)|(?<= HT\.)\s+(?=\S)"
                           r"|(?<=\.[a-z]{2}\.)\s+(?=[A-ZÀ-Ý])|\n+")  # "…@orange.fr. Et…"
_FILLERS = re.compile(r"\b(euh+|heu+|hum+|mmh+|bah|ben)\b[,.]?\s*", re.IGNORECASE)
_MAX_CHARS = 4000


def clean(text: str) -> str:
    """Unify apostrophes, quotes and spaces; cap absurdly long input."""
    return _SPACES.sub(" ", text[:_MAX_CHARS].translate(_APOSTROPHES)).strip()


@lru_cache(maxsize=50_000)
def fold(text: str) -> str:
    """Lowercase without accents: how matching sees text, so that "desole", "désolé" and
    "DÉSOLÉ" are the same word (typed fast, or written by a speech recogniser).
    Cached: every reading of a turn folds the same sentences again (some 200 calls a turn)."""
    decomposed = unicodedata.normalize("NFKD", clean(text).lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def without_fillers(text: str) -> str:
    return _SPACES.sub(" ", _FILLERS.sub("", text)).strip(" ,")


# A sentence that only acknowledges what the customer said.
_ACKNOWLEDGEMENT = re.compile(
    r"^(?:(?:d'accord|d'acc|ok|okay|oui|ouais|non|tres bien|bien|entendu|parfait|super|top"
    r"|voila|ah|oh|bon|bien sur|tout a fait|exactement|ca marche|c'est note"
    r"|je vois|effectivement|en effet)[\s,.!…]*)+$")


def acknowledgement(sentence: str) -> bool:
    return bool(_ACKNOWLEDGEMENT.match(fold(without_fillers(sentence)).strip()))


# A dictated turn comes without punctuation: a long one is cut into clauses before the words
# that open a new move, so that each move is read on its own.
_CLAUSE_START = re.compile(
    r"(?:alors|donc|par contre|du coup|mais|et puis|sinon|en fait|est-ce que|et est-ce que"
    r"|je vous propose|si je comprends bien|je comprends|bonjour|merci|au revoir|bonne journee"
    r"|vous avez|vous etes|qu'est-ce|comment|combien|pourquoi|quel|quelle|je vous|on peut"
    r"|c'est|je peux|je suis)\b")
# A clause keeps at least this many words: "mais non" or "alors oui" open nothing new.
_MIN_CLAUSE_WORDS = 4
_LONG_CLAUSE_WORDS = 14


def sentences(text: str) -> list[str]:
    """Split a turn into sentences; a long turn without punctuation into clauses."""
    parts = [part.strip() for part in _SENTENCE_END.split(text[:_MAX_CHARS]) if part]
    out = []
    for part in (clean(p) for p in parts):
        if not part:
            continue
        if len(part.split()) > _LONG_CLAUSE_WORDS and not re.search(r"[.,;:!?…]", part):
            out += _clauses(part)
        else:
            out.append(part)
    return out


def _clauses(part: str) -> list[str]:
    words = part.split()
    # Folded word by word, so that each word's offset in the folded text is known.
    folded_words = [fold(word) for word in words]
    folded = " ".join(folded_words)
    starts = list(accumulate((len(word) + 1 for word in folded_words), initial=0))
    pieces, start = [], 0
    for index in range(_MIN_CLAUSE_WORDS, len(words) - 1):
        if index - start >= _MIN_CLAUSE_WORDS and _CLAUSE_START.match(folded, starts[index]):
            pieces.append(" ".join(words[start:index]))
            start = index
    return [*pieces, " ".join(words[start:])]


_THOUSANDS = re.compile(r"(?<=\d)[\s\u00a0\u202f.](?=\d{3})")


def join_thousands(text: str) -> str:
    """Figures written with a thousands separator as one number: "12 000" → "12000"."""
    return _THOUSANDS.sub("", text)


def words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", fold(text))


# A capital after a lower-case word and a space, or a comma: inside a sentence, so a name.
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-zà-ÿ,] )[A-ZÀ-Ý][\w-]+")


# Small words that open a name ("Au Pain Doré", "Bureau Plus") or a title: not names alone.
_NAME_PARTS = frozenset({"Au", "Aux", "Le", "La", "Les", "Du", "De", "Des", "Est", "Plus",
                         "Monsieur", "Madame", "Mme", "Mademoiselle"})


def proper_nouns(text: str) -> frozenset[str]:
    """The words a text writes with a capital inside a sentence ("le contrat Copitec",
    "avec Thomas Girard"): names, which keep their capital wherever they stand."""
    return frozenset(_MID_SENTENCE_CAPITAL.findall(text)) - _NAME_PARTS


# Endings of feminine nouns, enough for the names of what a customer is offered or billed
# ("la réparation", "la mise en service", "la livraison"); the rest are masculine ("le
# remplacement", "le remboursement").
_FEMININE = ("tion", "sion", "ure", "aison", "ise", "ie", "ence", "ance", "ette")


def with_article(name: str) -> str:
    """A noun phrase with its definite article, lower-cased as said mid-sentence:
    "Remplacement express sous 48 h" → "le remplacement express sous 48 h", "installation" →
    "l’installation", "frais de dossier" → "les frais de dossier"."""
    name = name[:1].lower() + name[1:]
    first = name.split()[0] if name else ""
    if first.endswith("s") and first in ("frais", "droits", "services"):
        return f"les {name}"
    if first[:1] in "aeiouéèêh":
        return f"l’{name}"
    return f"{'la' if first.endswith(_FEMININE) else 'le'} {name}"


def euros(value: float) -> str:
    """"199 €", "2 225 €": an amount as the customer says it."""
    return f"{value:,.0f}".replace(",", "\u202f") + " €" if value == int(value) \
        else f"{value:,.2f}".replace(",", "\u202f").replace(".", ",") + " €"
