"""What makes a turn an introduction: the customer (who is this?) and the grade (the contact
criterion) decide it the same way, so the sheet never credits an introduction the customer
reacted to as missing, nor the other way round."""

from __future__ import annotations

import re
from functools import lru_cache

from .text import fold

_NAME = r"[A-ZÉÈ][a-zéèëêïîôç]+(?:-[A-ZÉÈ][a-zéèëêïîôç]+)?"

# The caller's name after the words that give it (capitalised: "ici la boulangerie" is not).
# ("Dites-lui que c'est Kevin", "de la part de Kevin Martin" name the caller too: a
# gatekeeper asked again "Je lui dis que c'est qui ?", blind play.)
_NAMES_SELF = re.compile(r"\b(?:[Dd]ites-lui que c'est|[Cc]'est de la part de|[Dd]e la part de"
                         r"|[Mm]oi,? c'est|[Jj]e m'appelle|[Jj]e suis|[Ii]ci)\s+(" + _NAME + ")")

# A first name and the company, the way students introduce themselves in a hurry ("euh,
# Inès de la société Fidelix à Lille"): read as a greeting only, the call was hung up on
# with "Pardon, mais vous êtes qui ?" (blind play).
_NAME_AND_COMPANY = re.compile(r"(?:^|[,.!?]\s*|\b[Ee]uh,?\s+)" + _NAME + r"(?: " + _NAME +
                               r")?,? (?:de la société|de l'entreprise|de chez|de) [A-Z][\w-]+")

# A full name said as one answers the phone ("Marc Girard à votre écoute", aveugle-3: the
# customer recorded no introduction).
_ANSWERING = re.compile(_NAME + " " + _NAME + r",? (?:à votre écoute|à l'appareil|du service"
                        r"|de la société|pour vous servir)")

# A first and last name: two capitalised words, neither a title nor a greeting ("Bonjour
# Madame Martin" names the customer, not the student).
_FULL_NAME = re.compile(r"\b(" + _NAME + r") (" + _NAME + r")\b")
_NOT_A_NAME = {"bonjour", "bonsoir", "madame", "monsieur", "mademoiselle", "mme", "merci",
               "allo", "oui", "service", "secteur", "commercial", "commerciale", "conseiller",
               "conseillere", "responsable", "directeur", "directrice", "chef", "agence"}
# A place, not a person ("secteur Lyon Est", "à Villeurbanne Centre").
_PLACE_BEFORE = re.compile(r"\b(?:secteur|région|agence|à|a|sur|de|du|en|près de|vers)\s+$",
                           re.IGNORECASE)
# How far a full name may stand from the company's name and still be given with it: "Thomas
# Leroy, Bureau Plus", "Inès Lambert, commerciale Bureau Plus", "ElectroMaison.fr, service
# clients, Hugo Lambert" (blind sets: the engine heard no introduction in any of them).
_BESIDE_COMPANY = 40


# How students say the words of a company's name: "Jardins & Cie" is also "jardins et cie",
# "jardins et compagnie", "Jardins&Cie".
_SAID_AS = {"&": "(?:&|et)", "cie": "(?:cie|compagnie)"}


@lru_cache(maxsize=32)
def company_pattern(company: str) -> re.Pattern[str]:
    """The company's name as students say it, in folded text: its whole name ("bureau plus",
    not "bureau", which is also a room), without the web domain that is not said
    ("ElectroMaison.fr" is "electromaison", written "electromaison.fr" or not). The one
    reading of the name for the introduction, the acts and the customer. (Cached: every turn
    of a session asks about the same company, from the customer and from the grade.)"""
    name = fold(company).split(".")[0]
    words = [_SAID_AS.get(w, re.escape(w)) for w in re.findall(r"&|[^\s&]+", name)]
    if not words:
        return re.compile(r"(?!)")  # no name: never found
    return re.compile(r"\b" + r"\s*".join(words) + r"(?:\.(?:fr|com))?(?!\w)")


@lru_cache(maxsize=32)
def _company_words(company: str) -> frozenset[str]:
    """Every word of the company's name: none of them is the student's own name."""
    return frozenset(fold(company).replace(".", " ").split())


def _a_name(word: str, company: str) -> bool:
    folded = fold(word)
    return folded not in _NOT_A_NAME and folded not in _company_words(company)


def _full_name_beside(text: str, company: str) -> bool:
    folded = fold(text)
    at = [(m.start(), m.end() - m.start()) for m in company_pattern(company).finditer(folded)]
    if not at:
        return False
    for match in _FULL_NAME.finditer(text):
        if _PLACE_BEFORE.search(text[:match.start()]):
            continue
        if not (_a_name(match.group(1), company) and _a_name(match.group(2), company)):
            continue
        # (Where the name stands in the folded text: folding keeps lengths but for spaces.)
        start = len(fold(text[:match.start()] + "x")) - 1
        if any(-_BESIDE_COMPANY <= start - a <= _BESIDE_COMPANY + size for a, size in at):
            return True
    return False


def gives_own_name(text: str, company: str) -> bool:
    """Whether the student says who they are in this turn: their name in the words that give
    one ("je m'appelle…", "ici…", "Inès de Fidelix", "Marc Girard à votre écoute"), or a full
    name beside the company's ("Thomas Leroy, Bureau Plus")."""
    named = _NAMES_SELF.search(text)
    return bool((named and _a_name(named.group(1), company)) or _NAME_AND_COMPANY.search(text)
                or _ANSWERING.search(text) or _full_name_beside(text, company))


def names_company(text: str, company: str) -> bool:
    """Whether the turn names the student's company (its address included:
    "sav@electromaison.fr")."""
    return company_pattern(company).search(fold(text)) is not None
