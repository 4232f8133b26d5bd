"""Historique: the student's sessions and their progress per criterion over time."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Sparkline, Static

from scenarios.vocabulary import outcome_label
from store.db import open_db
from store.sessions import STATUS_LABELS, list_sessions

LEVEL_VALUE = {"TI": 1, "I": 2, "S": 3, "TS": 4}


class HistoriqueScreen(Screen[None]):
    BINDINGS = [Binding("escape", "back", "Retour"), Binding("enter", "open", "Relire",
                                                              show=True)]

    def __init__(self, student: str) -> None:
        super().__init__()
        self.student = student

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="historique"):
            yield Label(f"Séances de {self.student}", id="histo-title")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="progress"):
                yield Static("", id="progress-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Historique"
        db = open_db(self.app.db_path)  # type: ignore[attr-defined]
        rows = list_sessions(db, student=self.student)
        table = self.query_one("#sessions", DataTable)
        table.add_columns("Date", "Scénario", "Variante", "Statut", "Issue", "Note /20")
        for row in rows:
            table.add_row(row.started_at[:16].replace("T", " "), row.scenario_id,
                          row.variant or "—", STATUS_LABELS.get(row.status, row.status),
                          outcome_label(row.outcome, "—"),
                          "—" if row.mark is None else f"{row.mark:g}", key=row.id)
        if not rows:
            self.query_one("#progress-empty", Static).update(
                "Aucune séance pour l'instant : jouez un entretien depuis l'Accueil.")
            return
        table.focus()
        progress = self.query_one("#progress", VerticalScroll)
        marks = [r.mark for r in reversed(rows) if r.mark is not None]
        if marks:
            progress.mount(Label(f"Note sur 20 (de la plus ancienne à la plus récente) : "
                                 f"{' → '.join(f'{m:g}' for m in marks[-8:])}"))
            progress.mount(Sparkline(marks, summary_function=max, classes="spark"))
        series = db.execute(
            "select c.criterion, c.label, c.level from criteria_results c join sessions s on "
            "s.id = c.session_id join students st on st.id = s.student_id where st.name = ? "
            "order by c.criterion, s.started_at", [self.student]).fetchall()
        by_criterion: dict[str, tuple[str, list[int], list[str]]] = {}
        for criterion, label, level in series:
            entry = by_criterion.setdefault(criterion, (label, [], []))
            entry[1].append(LEVEL_VALUE[level])
            entry[2].append(level)
        for label, values, levels in by_criterion.values():
            progress.mount(Label(f"{label} : {' → '.join(levels[-8:])}"))
            progress.mount(Sparkline(values, summary_function=max, classes="spark"))

    @on(DataTable.RowSelected, "#sessions")
    def chosen(self, event: DataTable.RowSelected) -> None:
        self.open_session(str(event.row_key.value))

    def action_open(self) -> None:
        table = self.query_one("#sessions", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.open_session(str(key.value))

    def open_session(self, session_id: str) -> None:
        from .relecture import RelectureScreen

        self.app.push_screen(RelectureScreen(session_id))

    def action_back(self) -> None:
        self.app.pop_screen()
