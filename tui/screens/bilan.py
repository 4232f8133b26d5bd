"""Bilan: the scorecard as a grid, the /20 mark, strengths and priorities; a criterion's
evidence beside it, Enter jumps to the quoted turn; replay, another variant, HTML export."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_documents_dir
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from scenarios.validate import load_scenario
from scenarios.vocabulary import outcome_label
from store.db import open_db
from store.html import render
from store.sessions import session_record

from ..context import Choice, InterviewEnd
from ..widgets.scorecard import ScoreGrid


class BilanScreen(Screen[None]):
    BINDINGS = [Binding("r", "replay", "Rejouer"), Binding("v", "variant", "Autre variante"),
                Binding("e", "export", "Exporter en HTML"), Binding("h", "history", "Historique"),
                Binding("escape", "home", "Accueil")]

    def __init__(self, choice: Choice, outcome: InterviewEnd) -> None:
        super().__init__()
        self.choice, self.outcome = choice, outcome

    def compose(self) -> ComposeResult:
        yield Header()
        card = self.outcome.scorecard
        with Vertical(id="bilan"):
            result = outcome_label(self.outcome.record["outcome"])
            if card is None:
                yield Static(f"Issue : {result}. Pas de bilan : aucune réplique n'a été dite.",
                             id="mark")
            else:
                yield Static(f"Note : {card['total']:g} / 20 — issue : {result}", id="mark")
                yield ScoreGrid(card, id="scoregrid")
                strengths = "\n".join(f"  • {s}" for s in card["strengths"]) or "  —"
                priorities = "\n".join(f"  • {p}" for p in card["priorities"]) or "  —"
                yield Static(f"[b]Points forts[/b]\n{strengths}\n\n[b]Priorités[/b]\n"
                             f"{priorities}".replace("« [", "« \\["), id="summary")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Bilan — {self.choice.scenario.title}"
        if self.outcome.scorecard:
            self.query_one("#grid").focus()

    @on(ScoreGrid.TurnChosen)
    def jump(self, event: ScoreGrid.TurnChosen) -> None:
        if self.outcome.session_id is None:
            self.notify("Séance non enregistrée : relecture impossible.", severity="warning")
            return
        from .relecture import RelectureScreen

        self.app.push_screen(RelectureScreen(self.outcome.session_id, focus_turn=event.turn))

    def action_replay(self) -> None:
        from .preparation import PreparationScreen

        scenario = load_scenario(self.choice.path, self.choice.variant)
        self.app.switch_screen(PreparationScreen(Choice(
            self.choice.student, self.choice.path, scenario, self.choice.variant,
            self.choice.mode)))

    def action_variant(self) -> None:
        self.action_home()
        self.notify("Choisissez une autre variante, puis Ctrl+S.")

    def action_home(self) -> None:
        from .accueil import AccueilScreen

        while len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        if not isinstance(self.app.screen, AccueilScreen):
            self.app.switch_screen(AccueilScreen())

    def action_history(self) -> None:
        from .historique import HistoriqueScreen

        self.app.push_screen(HistoriqueScreen(self.choice.student))

    def action_export(self) -> None:
        if self.outcome.session_id is None:
            self.notify("Séance non enregistrée : rien à exporter.", severity="warning")
            return
        self.export()

    @work(thread=True, exclusive=True)
    def export(self) -> None:
        db = open_db(self.app.db_path)  # type: ignore[attr-defined]
        folder = Path(user_documents_dir()) / "Repliq"
        folder.mkdir(parents=True, exist_ok=True)
        assert self.outcome.session_id is not None
        path = folder / f"seance-{self.outcome.session_id[:8]}.html"
        path.write_text(render(session_record(db, self.outcome.session_id)), encoding="utf-8")
        self.app.call_from_thread(self.notify, f"Page écrite : {path}")
