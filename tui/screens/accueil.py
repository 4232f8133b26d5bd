"""Accueil: the student's name, the scenarios by bloc, the brief's preview, the variant
(or one drawn at random, as the jury would) and the mode."""

from __future__ import annotations

import random

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    Label,
    LoadingIndicator,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    Static,
)
from textual.widgets.option_list import Option

from repliq import settings
from scenarios.catalog import Entry, entries
from scenarios.validate import load_scenario
from store.defaults import default_student

from ..context import Choice

RANDOM = "__hasard__"
ORIGINAL = "__origine__"
BLOCS = {1: "Bloc 1 — Relation client et négociation-vente",
         2: "Bloc 2 — Relation client à distance et digitalisation"}


class AccueilScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "start", "Commencer"),
        Binding("f2", "history", "Historique"),
        Binding("f3", "teacher", "Enseignant"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[str, Entry] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="accueil"):
            with Vertical(id="choix"):
                yield Label("Votre nom")
                yield Input(settings.load().get("student") or default_student(), id="student",
                            placeholder="Prénom Nom")
                yield Label("Scénarios")
                yield LoadingIndicator(id="loading")
                yield OptionList(id="scenarios")
                yield Label("Variante de la fiche-sujet")
                yield Select([("Fiche d'origine", ORIGINAL)], id="variant", allow_blank=False)
                yield Label("Mode")
                with RadioSet(id="mode"):
                    yield RadioButton("Entraînement (conseils en direct)", value=True,
                                      id="entrainement")
                    yield RadioButton("Examen (sans conseil)", id="examen")
                yield Button("Commencer (Ctrl+S)", id="start", variant="primary")
            with VerticalScroll(id="apercu"):
                yield Static("Choisissez un scénario pour voir sa fiche.", id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#scenarios", OptionList).display = False
        self.load_entries()

    @work(thread=True, exclusive=True)
    def load_entries(self) -> None:
        found = entries(self.app.scenario_dirs, quick=True)  # type: ignore[attr-defined]
        self.app.call_from_thread(self.show_entries, found)

    def show_entries(self, found: list[Entry]) -> None:
        options = self.query_one("#scenarios", OptionList)
        options.clear_options()
        valid = [e for e in found if e.scenario is not None]
        self.entries = {e.scenario.id: e for e in valid if e.scenario}
        for bloc, title in BLOCS.items():
            in_bloc = [e for e in valid if e.scenario and e.scenario.bloc == bloc]
            if not in_bloc:
                continue
            options.add_option(Option(title, disabled=True))
            for entry in in_bloc:
                s = entry.scenario
                assert s is not None
                options.add_option(Option(
                    f"  {s.title}\n    {s.kind.label} · {s.channel.label.lower()} · "
                    f"{s.duration_min} min · niveau {s.difficulty.label.lower()}", id=s.id))
        broken = [e for e in found if e.scenario is None]
        if broken:
            self.notify(f"{len(broken)} scénario(s) invalide(s) ignoré(s) : vérifiez-les dans "
                        "l'écran Enseignant (F3).", severity="warning")
        self.query_one("#loading").display = False
        options.display = True
        default = self.app.default_scenario  # type: ignore[attr-defined]
        wanted = default if default in self.entries else next(iter(self.entries), None)
        if wanted:
            options.highlighted = options.get_option_index(wanted)
        options.focus()
        self.app.start_preload()  # type: ignore[attr-defined]

    @on(OptionList.OptionHighlighted, "#scenarios")
    def preview(self, event: OptionList.OptionHighlighted) -> None:
        entry = self.entries.get(event.option.id or "")
        if entry is None or entry.scenario is None:
            return
        s = entry.scenario
        variants = [("Fiche d'origine", ORIGINAL), ("Variante au hasard", RANDOM)] + [
            (v.title, v.id) for v in s.variants]
        select = self.query_one("#variant", Select)
        select.set_options(variants)
        select.value = ORIGINAL
        known = "\n".join(f"  • {item}" for item in s.brief.known[:4])
        self.query_one("#preview", Static).update(
            f"[b]{s.title}[/b]\n\nBloc {s.bloc} · {s.kind.label} · {s.channel.label} · "
            f"{s.duration_min} min · niveau {s.difficulty.label.lower()}\n\n{s.summary}\n\n"
            f"[b]Objectif[/b]\n{s.brief.objective}\n\n[b]Ce que vous savez[/b]\n{known}\n\n"
            f"[b]Variantes[/b]\n" + "\n".join(f"  • {v.title} — {v.description}"
                                              for v in s.variants))

    @on(Button.Pressed, "#start")
    def _start_button(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        options = self.query_one("#scenarios", OptionList)
        if options.highlighted is None:
            self.notify("Choisissez d'abord un scénario.", severity="warning")
            return
        scenario_id = options.get_option_at_index(options.highlighted).id or ""
        entry = self.entries.get(scenario_id)
        if entry is None or entry.scenario is None:
            self.notify("Choisissez un scénario dans la liste.", severity="warning")
            return
        student = " ".join(self.query_one("#student", Input).value.split())
        if not student:
            self.notify("Indiquez votre nom : il sert à votre historique.", severity="warning")
            self.query_one("#student", Input).focus()
            return
        settings.save({"student": student})
        value = self.query_one("#variant", Select).value
        variant: str | None = None
        if value == RANDOM and entry.scenario.variants:
            variant = random.choice(entry.scenario.variants).id
            self.notify(f"Variante tirée au sort : {entry.scenario.variant(variant).title}")
        elif value not in (ORIGINAL, RANDOM, Select.BLANK):
            variant = str(value)
        mode = "examen" if self.query_one("#examen", RadioButton).value else "entrainement"
        scenario = load_scenario(entry.path, variant)
        from .preparation import PreparationScreen

        choice = Choice(student, entry.path, scenario, variant, mode)
        if self.app.seed is not None:  # type: ignore[attr-defined]
            choice.seed = self.app.seed  # type: ignore[attr-defined]
        self.app.push_screen(PreparationScreen(choice))

    def action_history(self) -> None:
        from .historique import HistoriqueScreen

        student = " ".join(self.query_one("#student", Input).value.split())
        self.app.push_screen(HistoriqueScreen(student))

    def action_teacher(self) -> None:
        from .enseignant import EnseignantScreen

        self.app.push_screen(EnseignantScreen())
