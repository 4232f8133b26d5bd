"""The after-call report (bloc 2 « rigueur du reporting dans la data client »): the
student's CRM note compared with what was actually said."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from bot.entities import extract, normalise_numbers
from bot.text import fold
from bot.topics import TopicMatcher
from scenarios.model import Scenario

from .advice import count
from .transcript import Transcript

FIELDS = ("contact", "besoin", "objections", "resultat", "action", "date")
FIELD_LABELS = {"contact": "contact", "besoin": "besoin détecté", "objections": "objections",
                "resultat": "résultat", "action": "prochaine action", "date": "date",
                "exactitude": "exactitude"}
# Details a report can invent, read with the entity layer: an address, a phone or file number,
# an amount that nobody said in the call nor the student's file held. (Not days and hours: a
# report rightly dates the call itself, "appel entrant jeudi 14 h"; the date field is checked
# against the appointment.)
_CHECKED = ("email", "telephone", "numero_commande", "montant", "pourcentage")
# A measure with its unit ("une fissure d'environ 5 cm" where she said ten centimetres,
# aveugle-3: the examiner rated the report I): the entity layer has no measures.
_MEASURE = re.compile(r"\b(\d{1,3}(?: \d{3})+|\d+(?:,\d+)?) ?(cm|centimetres?|mm|millimetres?|"
                      r"kg|kilos?|pages?|m2|metres? carres?)\b")
_UNIT = {"centimetre": "cm", "centimetres": "cm", "millimetre": "mm", "millimetres": "mm",
         "kilo": "kg", "kilos": "kg", "page": "pages", "metre carre": "m2", "metres carres": "m2"}
RESULT_WORDS = {
    "rdv": ("rendez-vous", "rdv", "demo", "demonstration", "visite", "visio"),
    "doc": ("documentation", "brochure", "doc", "rappel"),
    "solution": ("remplacement", "rembours", "echange", "solution", "livraison"),
    "accord": ("accord", "commande", "signature", "valide", "signe"),
    "echec": ("refus", "raccroch", "pas interesse", "echec", "aucun"),
}


class ReportError(ValueError):
    pass


@dataclass
class ReportCheck:
    field: str
    ok: float  # 0, 0.5 or 1
    note: str


def read_report(path: Path) -> dict[str, Any]:
    """A report written by the student (YAML or JSON, keys contact, besoin, objections,
    resultat, action, date). Raises ReportError."""
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReportError(f"{path} : compte rendu introuvable") from None
    except (YAMLError, UnicodeDecodeError) as exc:
        raise ReportError(f"{path} : compte rendu illisible ({exc.__class__.__name__}) — "
                          "attendu : des clés contact, besoin, objections, resultat, action, "
                          "date") from None
    if not isinstance(data, dict):
        raise ReportError(f"{path} : attendu des clés contact, besoin, objections, resultat, "
                          "action, date")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        what = "rubrique inconnue" if len(unknown) == 1 else "rubriques inconnues"
        raise ReportError(f"{path} : {what} {', '.join(unknown)} — attendu : "
                          + ", ".join(FIELDS))
    return data


def check_report(report: dict[str, Any], transcript: Transcript,
                 scenario: Scenario) -> list[ReportCheck]:
    """Each field of the report against the conversation."""
    final = transcript.final
    matcher = TopicMatcher.for_scenario(scenario)
    checks: list[ReportCheck] = []

    def text(key: str) -> str:
        value = report.get(key) or ""
        return " ; ".join(map(str, value)) if isinstance(value, list) else str(value)

    contact = fold(text("contact"))
    speakers = list(scenario.speakers)
    named = any(fold(s.last_name) in contact for s in speakers)
    # A professional contact is named with their company or role; a private customer with
    # a reference (order number) or a way to reach them.
    qualified = any(
        (s.company and fold(s.company).split()[0] in contact) or
        fold(s.position).split()[0] in contact for s in speakers) or any(
        e.type in ("numero_commande", "email", "telephone") for e in extract(text("contact")))
    checks.append(ReportCheck("contact", 0.5 * named + 0.5 * qualified,
                              "nom et qualité" if named and qualified else
                              "il manque " + ("le nom" if not named else
                                              "l'entreprise, la fonction ou la référence")))

    need_topics = {hit.id for hit in matcher.match(text("besoin"))}
    discovered = set(final.facts_revealed) | set(final.needs_understood)
    right = need_topics & discovered
    invented = need_topics - discovered - {a.id for a in scenario.arguments}
    # Two precise elements of what the customer said make a need "exact"; one is a start.
    score = min(1.0, len(right) / 2)
    if invented:
        score /= 2
    if len(text("besoin").split()) < 5:
        score = min(score, 0.5)
    checks.append(ReportCheck("besoin", score, "besoin précis et exact" if score == 1 else
                              "besoin absent ou non exprimé par le client" if score == 0 else
                              "besoin vague ou incomplet"))

    raised = set(final.objections_raised)
    written = report.get("objections") or []
    items = written if isinstance(written, list) else [written]
    found = {hit.id for item in items for hit in matcher.match(str(item))} & raised
    score = len(found) / len(raised) if raised else (1.0 if not items else 0.5)
    checks.append(ReportCheck("objections", score,
                              f"{count(len(found), 'objection notée', 'objections notées')} "
                              f"sur {len(raised)}"))

    result = fold(text("resultat"))
    good = any(word in result for kind in _outcome_kinds(transcript)
               for word in RESULT_WORDS[kind])
    score = (1.0 if len(result.split()) >= 3 else 0.5) if good else 0.0
    checks.append(ReportCheck("resultat", score, "résultat exact et précis" if score == 1 else
                              "résultat trop sommaire" if score else
                              "résultat absent ou inexact"))

    action = text("action").split()
    score = 1.0 if len(action) >= 4 else 0.5 if action else 0.0
    checks.append(ReportCheck("action", score, "prochaine action précise" if score == 1 else
                              "prochaine action absente ou vague"))

    date_text = text("date")
    entities = extract(date_text + " " + text("action"))
    dates = [e.value for e in entities if e.type == "date"]
    # "samedi de 8 h à 12 h" is as precise as "samedi 8 h": a day and a time slot.
    precise = [d for d in dates if "heure" in d or "date" in d] or \
        [e.value for e in entities if e.type == "plage_horaire" and dates]
    expected = final.appointment["jour"] if final.appointment else None
    if expected:
        same = [d for d in dates if d.get("jour") == expected]
        score = 1.0 if same and precise else 0.5 if same or dates else 0.0
    else:
        score = 1.0 if precise else 0.5 if dates else 0.0
    if "?" in date_text:
        score = min(score, 0.5)  # a date the student is not sure of is not a commitment
    checks.append(ReportCheck("date", score, "date précise et exacte" if score == 1 else
                              "date absente" if score == 0 else
                              "date imprécise ou différente de l'accord"))

    invented = _invented(" ; ".join(text(key) for key in FIELDS), transcript, scenario)
    checks.append(ReportCheck("exactitude", 1.0 if not invented else 0.5 if len(invented) == 1
                              else 0.0, "rien d'inventé" if not invented else
                              "jamais dit pendant l'appel : " + ", ".join(invented)))
    return checks


def _details(text: str) -> set[str]:
    """The checkable details of a text, each as a comparable word ("80", "em-458921",
    "karim.b@gmail.com"); an amount is its figure alone."""
    measures = {f"{float(figure.replace(' ', '').replace(',', '.')):g} {_UNIT.get(unit, unit)}"
                for figure, unit in _MEASURE.findall(fold(normalise_numbers(text)))}
    return measures | {f"{entity.value['montant']:g}" if isinstance(entity.value, dict)
                       and "montant" in entity.value else str(entity.value).lower()
                       for entity in extract(text) if entity.type in _CHECKED}


def _invented(written: str, transcript: Transcript, scenario: Scenario) -> list[str]:
    """What the report states that the call never said and the student's file did not hold
    ("benali.boulangerie@gmail.com", a refund of 120 € nobody offered)."""
    brief = scenario.brief
    # (Piece by piece: the entity layer reads a turn or a line, not a whole call at once.)
    pieces = [*(piece for t in transcript.turns for piece in (t.text, t.reply)), brief.context,
              brief.role, *brief.known, *(item for resource in brief.resources
                                          for item in resource.items)]
    # (The address the customer spelled out, "karim, point, benali, arobase…", as the
    # customer engine recorded it.)
    said = {detail for piece in pieces for detail in _details(piece)} | (
        {transcript.final.email.lower()} if transcript.final.email else set())
    return sorted(_details(written) - said)


def _outcome_kinds(transcript: Transcript) -> list[str]:
    """Every outcome the call reached: a complaint settled with the customer's agreement is
    both a solution and an agreement, and the report may name either."""
    events = {e.value for e in transcript.final.events}
    kinds = [kind for kind, marks in (("rdv", {"rdv_fixe"}), ("accord", {"accord"}),
                                      ("solution", {"solution_acceptee"}),
                                      ("doc", {"documentation_promise", "rappel_fixe"}))
             if events & marks]
    return kinds or ["echec"]
