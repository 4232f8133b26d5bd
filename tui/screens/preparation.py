"""Préparation: the fiche-sujet with the variant applied, notes kept with the session, and
the preparation countdown (40 minutes for an E4 in exam mode)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static, TextArea

from scenarios.brief import render_brief
from scenarios.vocabulary import Channel

from ..context import Choice
from .confirm import Confirm

E4_PREPARATION_MIN = 40


def preparation_minutes(choice: Choice) -> int:
    s = choice.scenario
    if choice.mode == "examen" and s.channel == Channel.FACE_A_FACE and s.bloc == 1:
        return E4_PREPARATION_MIN  # the E4 "préparation en loge"
    return s.brief.preparation_min or 10


class PreparationScreen(Screen[None]):
    BINDINGS = [Binding("ctrl+s", "start", "Commencer l'entretien"),
                Binding("escape", "back", "Retour")]

    def __init__(self, choice: Choice) -> None:
        super().__init__()
        self.choice = choice
        self.remaining = preparation_minutes(choice) * 60

    def compose(self) -> ComposeResult:
        variant = self.choice.scenario.variant(self.choice.variant) \
            if self.choice.variant else None
        yield Header()
        with Horizontal(id="preparation"):
            with VerticalScroll(id="fiche"):
                yield Static(render_brief(self.choice.scenario, variant), id="brief",
                             markup=False)
            with Vertical(id="notes-panel"):
                yield Label(self._clock(), id="countdown")
                yield Label("Vos notes (gardées avec la séance)")
                yield TextArea(id="notes")
        yield Footer()

    def on_mount(self) -> None:
        if self.app.live_clock:  # type: ignore[attr-defined]
            self.set_interval(1, self.tick)
        self.query_one("#notes", TextArea).focus()

    def _clock(self) -> str:
        minutes, seconds = divmod(max(0, self.remaining), 60)
        mode = "examen" if self.choice.mode == "examen" else "entraînement, facultatif"
        return f"Préparation ({mode}) : {minutes:02d}:{seconds:02d}"

    def tick(self) -> None:
        if self.remaining > 0:
            self.remaining -= 1
            self.query_one("#countdown", Label).update(self._clock())
            if self.remaining == 0:
                self.notify("Le temps de préparation est écoulé : l'entretien commence.")
                self.begin()

    def action_start(self) -> None:
        if self.choice.mode == "examen" and self.remaining > 0:
            self.app.push_screen(Confirm("Commencer avant la fin du temps de préparation ?"),
                                 lambda yes: self.begin() if yes else None)
        else:
            self.begin()

    def begin(self) -> None:
        from .entretien import EntretienScreen

        notes = self.query_one("#notes", TextArea).text
        self.app.switch_screen(EntretienScreen(self.choice, notes))

    def action_back(self) -> None:
        self.app.pop_screen()
