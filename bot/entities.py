"""Entities in a student's sentence: amounts, percentages, durations, dates and times,
emails, phone numbers, order numbers — typed ("289 € HT/mois") or as a speech recogniser
writes them ("deux cent quatre-vingt-neuf euros", "quatorze heures trente").

Numbers written in words go through text2num first. Weekday-and-time expressions use a small
grammar of our own: dateparser reads "jeudi 15 h 30" as a date in 2030 and does not know
"mardi prochain à 14 h"; it is kept for absolute dates ("le 12 mars").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from text_to_num import alpha2digit

from .text import clean

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "fevrier", "février", "mars", "avril", "mai", "juin", "juillet", "aout",
          "août", "septembre", "octobre", "novembre", "decembre", "décembre")


@dataclass(frozen=True)
class Entity:
    type: str
    text: str
    value: Any
    start: int = field(default=0, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {"type": self.type, "text": self.text, "value": self.value}


_NUMBER = r"\d{1,3}(?:[  .]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE = re.compile(r"(?<!\d)(?:(?:\+|00)33[ .]?[1-9]|0[1-9])(?:[ .-]?\d{2}){4}(?!\d)")
_ORDER = re.compile(r"\b([A-Z]{2,4})[ -]?(\d{5,})\b")
_PERCENT = re.compile(rf"({_NUMBER}) ?(?:%|pour ?cents?\b)", re.IGNORECASE)
_AMOUNT = re.compile(
    rf"({_NUMBER}) ?(k ?€|€|euros?\b|eur\b)"
    r"(?: ?(HT|TTC|hors taxes?))?"
    r"(?: ?(?:/ ?|par |chaque |le )(mois|an|année|semaine|jour|personne|utilisateur))?",
    re.IGNORECASE)
_WEEKDAY = "|".join(WEEKDAYS)
_TIME = r"(\d{1,2}) ?(?:h|heures?|:) ?(\d{2})?(?: ?(?:min(?:utes)?))?"
_DAY_TIME = re.compile(
    rf"\b(?:(?:ce|le) )?({_WEEKDAY})(?: (prochain|matin|après-midi|apres-midi|soir))?"
    rf"(?:,? (?:(?:à|a|vers|dès|des|de) ?)?(?:{_TIME}|(midi)\b))?(?:\b|$)", re.IGNORECASE)
# ("aujourd'hui à midi pile" is a time: read without it, the day alone, round 40.)
_RELATIVE_DAY = re.compile(
    rf"\b(demain|après-demain|apres-demain|aujourd'hui)(?: (matin|après-midi|apres-midi|soir))?"
    rf"(?:,? (?:à|a|vers) ?(?:{_TIME}|(midi)\b))?", re.IGNORECASE)
_ABSOLUTE_DATE = re.compile(
    rf"\b(?:le )?(\d{{1,2}}(?:er)?) ({'|'.join(MONTHS)})(?: (\d{{4}}))?(?:,? (?:à|a) ?{_TIME})?",
    re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b")
# "de 8 h à 12 h", "entre 14 h et 18 h", "8 h - 12 h", "entre 8 heures et midi": a slot with
# a start and an end, not two durations nor two appointments.
_CLOCK = r"(\d{1,2}) ?(?:h|heures?|:) ?(\d{2})?|(midi|minuit)"
_TIME_RANGE = re.compile(
    rf"(?:\b(?:de|des|dès) )?(?:{_CLOCK}) ?(?:-|à|a|jusqu'à|jusqu'a) ?(?:{_CLOCK})"
    rf"|\bentre (?:{_CLOCK}) et (?:{_CLOCK})", re.IGNORECASE)
_LONE_TIME = re.compile(rf"\b(?:à|a|vers|pour) {_TIME}", re.IGNORECASE)
# "je vous propose 14 h 30": an hour of the day with its minutes, said without "à", is a time,
# not a duration of fourteen hours (a blind play heard "À quelle heure ?" twice after it).
# Durations with minutes are short ("1 h 30"): only the hours of a working day are read so.
_CLOCK_MINUTES = re.compile(r"\b(0?[7-9]|1\d|20) ?h ?([0-5]\d)\b", re.IGNORECASE)
_DURATION = re.compile(
    rf"({_NUMBER}) ?(mois|ans?|années?|semaines?|jours?(?: ouvrés?)?|heures?(?: ouvrées?)?|h"
    r"|minutes?|min)\b", re.IGNORECASE)
_UNITS = {"mois": "mois", "an": "an", "ans": "an", "annee": "an", "annees": "an",
          "année": "an", "années": "an", "semaine": "semaine", "semaines": "semaine",
          "jour": "jour", "jours": "jour", "heure": "heure", "heures": "heure", "h": "heure",
          "minute": "minute", "minutes": "minute", "min": "minute"}


def parse_number(text: str) -> float:
    """"1 000,50", "2.500", "289" as a float (spaces or dots between thousands)."""
    return float(re.sub(r"[  .](?=\d{3}\b)", "", text).replace(",", "."))


def _clock(hour: str | None, minutes: str | None) -> str | None:
    if hour is None:
        return None
    value = int(hour)
    if value > 23:
        return None
    return f"{value:02d}:{int(minutes or 0):02d}"


def _noon(word: str | None) -> str | None:
    if word is None:
        return None
    return "12:00" if word.lower() == "midi" else "00:00"


_PER_CENT = re.compile(
    r"(\d|\b(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize"
    r"|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|demi))"
    r"\s*pour ?cents?\b",
    re.IGNORECASE)


def normalise_numbers(text: str) -> str:
    """Digits for numbers written in words ("quarante-huit mois" → "48 mois")."""
    # text2num reads "dix pour cent" as "10 pour 100": the percent sign goes first; only after
    # a number, since "un intérimaire pour cent euros" is a price, not "un intérimaire % euros".
    text = _PER_CENT.sub(r"\1 %", text)
    try:
        return alpha2digit(text, "fr")
    except (ValueError, IndexError):  # text2num can trip on odd token sequences
        return text


def _amount(match: re.Match[str]) -> dict[str, Any]:
    amount = parse_number(match.group(1)) * (1000 if "k" in match.group(2).lower() else 1)
    value: dict[str, Any] = {"montant": amount, "devise": "EUR"}
    if match.group(3):
        value["taxe"] = "TTC" if match.group(3).upper() == "TTC" else "HT"
    if match.group(4):
        value["periode"] = match.group(4).lower()
    return value


def amounts(text: str) -> list[Entity]:
    """The amounts of one sentence alone, as `extract` reads them: for a reader that needs no
    dates (the date grammar and dateparser make `extract` some fifty times slower)."""
    text = normalise_numbers(clean(text))
    return [Entity("montant", text[m.start():m.end()].strip(), _amount(m), m.start())
            for m in _AMOUNT.finditer(text)]


def extract(text: str, today: date | None = None) -> list[Entity]:
    """Every entity of one sentence, in reading order, without overlaps."""
    text = normalise_numbers(clean(text))
    found: list[Entity] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], kind: str, value: Any) -> None:
        span = match.span()
        if any(span[0] < end and start < span[1] for start, end in taken):
            return
        taken.append(span)
        found.append(Entity(kind, text[span[0]:span[1]].strip(), value, span[0]))

    for match in _EMAIL.finditer(text):
        add(match, "email", match.group(0).lower())
    for match in _PHONE.finditer(text):
        add(match, "telephone", re.sub(r"\D", "", match.group(0)))
    for match in _ORDER.finditer(text):
        add(match, "numero_commande", f"{match.group(1)}-{match.group(2)}")
    for match in _PERCENT.finditer(text):
        add(match, "pourcentage", parse_number(match.group(1)))
    for match in _AMOUNT.finditer(text):
        add(match, "montant", _amount(match))
    for match in _TIME_RANGE.finditer(text):
        # Groups 1-6 are "de A à B", 7-12 "entre A et B".
        offset = 0 if match.group(1) or match.group(3) else 6
        start = _clock(match.group(1 + offset), match.group(2 + offset)) or \
            _noon(match.group(3 + offset))
        end = _clock(match.group(4 + offset), match.group(5 + offset)) or \
            _noon(match.group(6 + offset))
        if start and end and start < end:
            add(match, "plage_horaire", {"debut": start, "fin": end})
    # The day before a slot ("samedi matin de 8 h à 12 h") is read without the slot's start.
    masked = text
    for start_at, end_at in taken:
        masked = masked[:start_at] + " " * (end_at - start_at) + masked[end_at:]
    for match in _DAY_TIME.finditer(masked):
        day, qualifier, hour, minutes, noon = match.groups()
        value = {"jour": day.lower()}
        if qualifier:
            value["precision"] = qualifier.lower().replace("apres", "après")
        clock = _clock(hour, minutes) or _noon(noon)
        if clock:
            value["heure"] = clock
        add(match, "date", value)
    for match in _RELATIVE_DAY.finditer(text):
        day, qualifier, hour, minutes, noon = match.groups()
        value = {"jour": day.lower().replace("apres", "après")}
        if qualifier:
            value["precision"] = qualifier.lower()
        clock = _clock(hour, minutes) or _noon(noon)
        if clock:
            value["heure"] = clock
        add(match, "date", value)
    for match in _ABSOLUTE_DATE.finditer(text):
        parsed = absolute_date(match.group(0), today)
        if parsed is not None:
            value = {"date": parsed.date().isoformat()}
            clock = _clock(match.group(4), match.group(5))
            if clock:
                value["heure"] = clock
            add(match, "date", value)
    for match in _NUMERIC_DATE.finditer(text):
        day_number, month, year = (int(match.group(1)), int(match.group(2)),
                                   match.group(3))
        if 1 <= day_number <= 31 and 1 <= month <= 12:
            base = today or date.today()
            full_year = int(year) + (2000 if len(year) == 2 else 0) if year else base.year
            try:
                when = date(full_year, month, day_number)
                if not year and when < base:  # "le 15/04" said in November: next April
                    when = when.replace(year=full_year + 1)
            except ValueError:
                continue
            add(match, "date", {"date": when.isoformat()})
    for match in _LONE_TIME.finditer(text):
        clock = _clock(match.group(1), match.group(2))
        if clock:
            add(match, "date", {"heure": clock})
    for match in _CLOCK_MINUTES.finditer(text):
        clock = _clock(match.group(1), match.group(2))
        if clock:
            add(match, "date", {"heure": clock})
    for match in _DURATION.finditer(text):
        unit = _UNITS.get(match.group(2).lower().split()[0], match.group(2).lower())
        add(match, "duree", {"valeur": parse_number(match.group(1)), "unite": unit})
    return sorted(found, key=lambda entity: entity.start)


_DAYS_PER = {"jour": 1, "semaine": 7}


def days_said(entities: list[Entity]) -> list[float]:
    """The delays in days a sentence states: "5 jours", "deux semaines", "48 h" (two days;
    hours that make no whole day are no delay in days)."""
    said = []
    for entity in entities:
        if entity.type != "duree":
            continue
        value, unit = entity.value["valeur"], entity.value["unite"]
        if unit in _DAYS_PER:
            said.append(value * _DAYS_PER[unit])
        elif unit == "heure" and value >= 24 and value % 24 == 0:
            said.append(value / 24)
    return said


def absolute_date(text: str, today: date | None) -> datetime | None:
    """The date a French phrase names ("le 12 mars"), read forward from today."""
    # Imported lazily: dateparser is only needed for the rare absolute date.
    import dateparser

    base = datetime.combine(today or date.today(), datetime.min.time())
    return dateparser.parse(text, languages=["fr"],
                            settings={"PREFER_DATES_FROM": "future", "RELATIVE_BASE": base})
