"""French text as a person would say it, for every synthesis engine (issue 15): espeak-ng read
"14 h 30" as "quatorze hache trente" and "289 € HT/mois" as "deux cent quatre-vingt-neuf euro
hache té barre mois". Times, amounts, percentages, tax words, abbreviations, acronyms, e-mail
addresses and codes are spelled out here, once, before any engine sees the line; the line
shown on screen is left as written.

Numbers are read by num2words (French rules: "soixante et onze", "quatre-vingts"), not by a
table of our own."""

from __future__ import annotations

import re

from num2words import num2words

# A number as written in the scenarios: "3 000", "12 000", "2,50", "1300" (the space is also
# the narrow no-break space of French typography).
_SEP = "[   ]"
_NUMBER = rf"\d{{1,3}}(?:{_SEP}\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?"
_SPACE = f"{_SEP}?"

# Words said in full rather than letter by letter or as a symbol.
_WORDS = {
    "HT": "hors taxes", "TTC": "toutes taxes comprises", "RDV": "rendez-vous",
    "rdv": "rendez-vous", "n°": "numéro", "N°": "numéro", "etc.": "et cetera",
    "env.": "environ", "Mme": "madame", "Mmes": "mesdames", "Mlle": "mademoiselle",
    "MM.": "messieurs", "Dr": "docteur", "&": "et", "OK": "d'accord", "ok": "d'accord",
}
_WORD = re.compile("|".join(rf"(?<!\w){re.escape(written)}(?!\w)" for written in _WORDS))
# Units after a number.
_UNITS = {
    "€": "euros", "euros": "euros", "euro": "euro", "%": "pour cent", "km": "kilomètres",
    "kg": "kilos", "min": "minutes", "mn": "minutes", "m²": "mètres carrés", "m2": "mètres carrés",
    "cm": "centimètres", "m": "mètres", "g": "grammes", "kWh": "kilowattheures",
    "tr/min": "tours par minute", "Go": "gigaoctets",
}
# "/mois" after a price or a unit.
_PER = {"mois": "par mois", "an": "par an", "jour": "par jour", "page": "la page",
        "h": "de l'heure", "heure": "de l'heure", "semaine": "par semaine", "unité": "l'unité",
        "personne": "par personne", "min": "par minute", "minute": "par minute"}
# Acronyms a French speaker says as a word, not letter by letter.
SAID_AS_WORDS = {"SONCAS", "CAP", "BTS", "NDRC", "ONU", "PIN", "SIRET", "SIREN", "CROC",
                  "RGPD", "UFC"}

_TIME = re.compile(rf"\b([01]?\d|2[0-3]){_SPACE}(?:h|H)(?:{_SPACE}([0-5]\d))?(?![\w])")
_CLOCK = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b")
# "8 h – 12 h", "12 h-14 h": from one time to the other.
_RANGE_DASH = re.compile(rf"(\b\d{{1,2}}(?:{_SPACE}[hH](?:{_SPACE}\d{{2}})?|:\d{{2}}))\s*[-–—]\s*"
                         rf"(?=\d{{1,2}}(?:{_SPACE}[hH]|:\d{{2}}))")
_EMAIL = re.compile(r"\b([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)\b")
_AMOUNT = re.compile(
    rf"(?P<sign>[+−-])?(?P<n>{_NUMBER}){_SPACE}(?P<unit>€|euros?\b|%|tr/min|kWh|km\b|kg\b|"
    r"min\b|mn\b|m²|m2\b|cm\b|m\b|g\b|Go\b)")
_PER_UNIT = re.compile(r"\s*/\s*(mois|an|jour|page|heure|h|semaine|unité|personne|minute|min)\b")
_ORDINAL = re.compile(r"\b(\d+)(?:er|re|ère|e|ème|eme)\b")
_CODE = re.compile(r"\b([A-Z]{1,6})-(\d{2,})\b")  # "SAV-458217", "MX-5000"
_PAPER = re.compile(r"\b([A-Z])(\d)\b")  # "A3", "A4"
_LONG_DIGITS = re.compile(r"\b\d{6,}\b")
_PHONE = re.compile(r"\b0\d(?:[  .]\d{2}){4}\b")
_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
_BARE_NUMBER = re.compile(rf"(?<![\w,]){_NUMBER}(?!\w|,\d)")
_SLASH = re.compile(r"(?<=[A-Za-zÀ-ÿ])\s*/\s*(?=[A-Za-zÀ-ÿ])")
_PLUS = re.compile(r"(?<=\s)\+(?=\s)")


def _plain(number: str) -> str:
    """ "3 000" → "3000": the digits without their thousands separators."""
    return re.sub(_SEP, "", number)


def _words(number: str) -> str:
    """A written number in words: "3 000" → "trois mille", "2,5" → "deux virgule cinq"."""
    plain = _plain(number)
    if "," in plain:
        whole, decimals = plain.split(",", 1)
        return f"{num2words(int(whole), lang='fr')} virgule {_digits_as_said(decimals)}"
    return num2words(int(plain), lang="fr")


def _digits_as_said(digits: str) -> str:
    """Digits after a comma or in a code: "50" → "cinquante", "05" → "zéro cinq"."""
    rest = digits.lstrip("0")
    lead = "zéro " * (len(digits) - len(rest))
    return (lead + (num2words(int(rest), lang="fr") if rest else "")).strip()


def _amount(match: re.Match[str]) -> str:
    sign = {"+": "plus ", "-": "moins ", "−": "moins "}.get(match.group("sign") or "", "")
    unit = match.group("unit")
    number = _plain(match.group("n"))
    if unit in ("€", "euros", "euro") and "," in number:
        # "2,50 €" is "deux euros cinquante"; "0,08 €" is "huit centimes".
        whole, cents = number.split(",", 1)
        cents = (cents + "0")[:2]
        if int(whole) == 0:
            return f"{sign}{num2words(int(cents), lang='fr')} centimes"
        said = f"{num2words(int(whole), lang='fr')} euros"
        return sign + (said + f" {num2words(int(cents), lang='fr')}" if int(cents) else said)
    words = _words(match.group("n"))
    unit_words = _UNITS[unit]
    if unit_words == "euros" and words == "un":
        unit_words = "euro"
    return f"{sign}{words} {unit_words}"


def _time(hours: str, minutes: str | None) -> str:
    """ "14 h 30" → "quatorze heures trente", "12 h" → "midi", "1 h" → "une heure"."""
    h, m = int(hours), int(minutes or 0)
    if not m and h in (0, 12):
        return "minuit" if h == 0 else "midi"
    # (Hours are feminine: "une heure", "vingt et une heures".)
    said = re.sub(r"\bun$", "une", num2words(h, lang="fr"))
    said += " heure" if h <= 1 else " heures"
    return f"{said} {num2words(m, lang='fr')}" if m else said


def _letters(acronym: str) -> str:
    return " ".join(acronym)


def spoken(text: str) -> str:
    """The line as it should be said aloud (French)."""
    said = _EMAIL.sub(lambda m: f"{m.group(1).replace('.', ' point ')} arobase "
                      f"{m.group(2).replace('.', ' point ')}", text)
    said = _PHONE.sub(lambda m: " ".join(_digits_as_said(pair)
                                         for pair in re.findall(r"\d{2}", m.group())), said)
    said = _CODE.sub(lambda m: f"{m.group(1)} {m.group(2)}", said)
    said = _PAPER.sub(lambda m: f"{m.group(1)} {num2words(int(m.group(2)), lang='fr')}", said)
    # A file number is read in groups of three, not as one number of hundreds of thousands.
    said = _LONG_DIGITS.sub(lambda m: ", ".join(_digits_as_said(m.group()[i:i + 3])
                                                for i in range(0, len(m.group()), 3)), said)
    said = _RANGE_DASH.sub(r"\1 à ", said)
    said = _CLOCK.sub(lambda m: _time(m.group(1), m.group(2)), said)
    said = _TIME.sub(lambda m: _time(m.group(1), m.group(2)), said)
    said = _AMOUNT.sub(_amount, said)
    said = _PER_UNIT.sub(lambda m: " " + _PER[m.group(1)], said)
    said = _ORDINAL.sub(lambda m: "premier" if m.group(1) == "1" else
                        num2words(int(m.group(1)), lang="fr", to="ordinal"), said)
    said = _WORD.sub(lambda m: _WORDS[m.group()], said)
    # "M. Dubois" is "monsieur Dubois" (not a sentence's last "M.").
    said = re.sub(r"\bM\.(?=\s+[A-ZÀ-Ý])", "monsieur", said)
    said = _BARE_NUMBER.sub(lambda m: _words(m.group()), said)
    said = _ACRONYM.sub(lambda m: m.group() if m.group() in SAID_AS_WORDS
                        else _letters(m.group()), said)
    said = _SLASH.sub(" ou ", said)
    said = _PLUS.sub("plus", said)
    return re.sub(r"[ \t]{2,}", " ", said)
