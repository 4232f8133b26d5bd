"""The student's brief ("fiche-sujet") as plain text, as they read it before starting."""

from __future__ import annotations

import re
import textwrap

from .model import Scenario, Variant
from .vocabulary import SpeakerRole

WIDTH = 78
# French typography: a number stays with its unit or its next group of digits ("30 €",
# "12 000"), and « », :, ;, ?, ! stay with their word when lines wrap. textwrap only breaks on
# ordinary spaces, so these become non-breaking spaces.
_GLUED = (
    (re.compile(r"(\d) (?=\d{3}\b|€|%|h\b|min\b|ppm\b)"), "\\1\u00a0"),
    (re.compile(r" (?=[:;?!»])"), "\u00a0"),
    (re.compile(r"« "), "«\u00a0"),
)
_SPACES = re.compile(r"[ \t\r\n]+")  # not str.split(): it would eat non-breaking spaces


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text.strip())
    for pattern, replacement in _GLUED:
        text = pattern.sub(replacement, text)
    return text


def _para(text: str, indent: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        lines.extend(textwrap.wrap(_tidy(paragraph), WIDTH, initial_indent=indent,
                                   subsequent_indent=indent) or [""])
        lines.append("")
    return lines[:-1]


def _bullets(items: list[str], indent: str = "  ") -> list[str]:
    lines: list[str] = []
    for item in items:
        lines.extend(textwrap.wrap(_tidy(item), WIDTH, initial_indent=indent + "• ",
                                   subsequent_indent=indent + "  "))
    return lines


def _heading(title: str) -> list[str]:
    return ["", title.upper(), "─" * len(title)]


def render_brief(scenario: Scenario, variant: Variant | None = None) -> str:
    """The fiche-sujet, with the variant's change announced first when there is one."""
    brief = scenario.brief
    lines = [scenario.title, "═" * min(len(scenario.title), WIDTH)]
    facts = [
        f"Bloc {scenario.bloc}",
        scenario.kind.label,
        scenario.channel.label,
        f"{scenario.duration_min} min",
        f"niveau {scenario.difficulty.label.lower()}",
    ]
    if brief.preparation_min:
        facts.append(f"préparation : {brief.preparation_min} min")
    lines.extend(textwrap.wrap(_tidy(" · ".join(facts)), WIDTH))
    if variant is not None:
        lines += _heading(f"Modification de la fiche-sujet : {variant.title}")
        lines += _para(variant.description)
    lines += _heading("Contexte")
    lines += _para(brief.context)
    lines += _heading("Votre rôle")
    lines += _para(brief.role)
    company = brief.company
    where = f", {company.city}" if company.city else ""
    lines += _bullets([f"{company.name}{where} — {company.activity}"])
    lines += _heading("Votre interlocuteur")
    people = [s for s in scenario.speakers if s.role != SpeakerRole.BARRAGE]
    for person in people or scenario.speakers:
        company_part = f", {person.company}" if person.company else ""
        lines += _bullets([f"{person.display_name}, {person.position}{company_part}"])
    if scenario.call is not None:
        direction = scenario.call.direction.label
        when = f" à {scenario.call.time.replace(':', ' h ')}" if scenario.call.time else ""
        lines += _bullets([f"{direction}{when}"])
    lines += _heading("Objectif")
    lines += _para(brief.objective)
    if brief.known:
        lines += _heading("Ce que vous savez")
        lines += _bullets(brief.known)
    for resource in brief.resources:
        lines += _heading(resource.title)
        lines += _bullets(resource.items)
    return "\n".join(lines).rstrip() + "\n"
