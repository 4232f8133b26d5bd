"""Compte rendu d'appel (phone scenarios): the CRM note the student writes after the call,
checked before it is graded against what was said."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Static

from bot.entities import extract

from ..context import Choice

FIELDS = (("contact", "Contact (nom, fonction, entreprise)"),
          ("besoin", "Besoin détecté"),
          ("objections", "Objections (séparées par ;)"),
          ("resultat", "Résultat de l'appel"),
          ("action", "Prochaine action"),
          ("date", "Date de la prochaine action"))


class CompteRenduScreen(Screen[dict[str, Any] | None]):
    BINDINGS = [Binding("ctrl+s", "submit", "Valider le compte rendu"),
                Binding("escape", "skip", "Passer (non évalué)")]

    def __init__(self, choice: Choice) -> None:
        super().__init__()
        self.choice = choice

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="compte-rendu"):
            yield Static("Compte rendu d'appel — comme dans le CRM, rédigez ce qui a été dit.",
                         id="cr-title")
            for key, label in FIELDS:
                yield Label(label)
                yield Input(id=f"cr-{key}")
            yield Static("", id="cr-errors")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#cr-contact", Input).focus()

    def report(self) -> tuple[dict[str, Any], list[str]]:
        values = {key: self.query_one(f"#cr-{key}", Input).value.strip() for key, _ in FIELDS}
        errors = [f"« {label} » est vide" for key, label in FIELDS if not values[key]]
        if values["date"] and not any(e.type == "date" for e in extract(values["date"])):
            errors.append("la date n'est pas reconnue (ex. « mardi 14 h » ou « 12/03 »)")
        report: dict[str, Any] = dict(values)
        report["objections"] = [o.strip() for o in values["objections"].split(";")
                                if o.strip()]
        return report, errors

    def action_submit(self) -> None:
        report, errors = self.report()
        if errors:
            self.query_one("#cr-errors", Static).update("À compléter : " + " ; ".join(errors))
            return
        self.dismiss(report)

    def action_skip(self) -> None:
        self.dismiss(None)
