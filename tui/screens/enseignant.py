"""Enseignant: validate a scenario folder (problems listed, each opens on its line) and the
class report."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_documents_dir
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, OptionList, TextArea
from textual.widgets.option_list import Option

from scenarios.catalog import user_dir
from scenarios.errors import ScenarioError, ScenarioIssue
from scenarios.validate import validate_paths
from scenarios.yamlfile import read_limited
from store import class_report
from store.db import open_db


class EnseignantScreen(Screen[None]):
    BINDINGS = [Binding("ctrl+s", "validate", "Vérifier le dossier"),
                Binding("ctrl+r", "report", "Rapport de classe"),
                Binding("escape", "back", "Retour")]

    def __init__(self) -> None:
        super().__init__()
        self.issues: list[ScenarioIssue] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="enseignant"):
            yield Label("Dossier ou fichier de scénarios à vérifier")
            yield Input(str(user_dir()), id="folder")
            with Horizontal(id="validation"):
                yield OptionList(id="issues")
                yield TextArea("", id="source", read_only=True, show_line_numbers=True)
            yield Label("Rapport de classe (Ctrl+R)", id="report-title")
            yield DataTable(id="class", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Espace enseignant"

    def action_validate(self) -> None:
        self.check(Path(self.query_one("#folder", Input).value).expanduser())

    @on(Input.Submitted, "#folder")
    def _submitted(self) -> None:
        self.action_validate()

    @work(thread=True, exclusive=True)
    def check(self, folder: Path) -> None:
        if not folder.exists():
            self.app.call_from_thread(self.notify, f"{folder} n'existe pas.", severity="error")
            return
        count, issues = validate_paths([folder])
        self.app.call_from_thread(self.show_issues, count, issues)

    def show_issues(self, count: int, issues: list[ScenarioIssue]) -> None:
        self.issues = issues
        options = self.query_one("#issues", OptionList)
        options.clear_options()
        if not issues:
            options.add_option(Option(f"{count} fichier(s) vérifié(s) : aucun problème.",
                                      disabled=True))
            self.query_one("#source", TextArea).text = ""
            return
        for index, issue in enumerate(issues):
            options.add_option(Option(str(issue), id=str(index)))
        options.focus()
        options.highlighted = 0

    @on(OptionList.OptionHighlighted, "#issues")
    def open_issue(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is None:
            return
        issue = self.issues[int(event.option.id)]
        area = self.query_one("#source", TextArea)
        try:
            # Bounded and regular files only: the problem may be a device or a pipe.
            area.text = read_limited(Path(issue.file), issue.file).decode("utf-8", "replace")
        except ScenarioError:
            area.text = ""
            return
        line = max(0, issue.line - 1)
        area.move_cursor((line, 0))
        area.scroll_cursor_visible(center=True)

    def action_report(self) -> None:
        self.report()

    @work(thread=True, exclusive=True)
    def report(self) -> None:
        db = open_db(self.app.db_path)  # type: ignore[attr-defined]
        criteria, labels, rows = class_report.build(db)
        folder = Path(user_documents_dir()) / "Repliq"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "rapport-classe.html"
        path.write_text(class_report.to_html(db), encoding="utf-8")
        self.app.call_from_thread(self.show_report, criteria, labels, rows, path)

    def show_report(self, criteria: list[str], labels: dict[str, str],
                    rows: list[class_report.StudentRow], path: Path) -> None:
        table = self.query_one("#class", DataTable)
        table.clear(columns=True)
        table.add_columns("Élève", "Séances", "Moyenne", *[labels[c][:24] for c in criteria])
        for row in rows:
            table.add_row(row.name, str(row.sessions),
                          "—" if row.average is None else f"{row.average:g}",
                          *[f"{row.latest.get(c, '—')} {row.trend.get(c, '')}".strip()
                            for c in criteria])
        self.notify(f"Rapport HTML écrit : {path}")

    def action_back(self) -> None:
        self.app.pop_screen()
