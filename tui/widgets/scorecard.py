"""The scorecard as a grid: criterion, level in words and colour, score; the selected
criterion's evidence and advice beside it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

NAMES = {"TI": "Très insuffisant", "I": "Insuffisant", "S": "Satisfaisant",
         "TS": "Très satisfaisant"}
SHORT = {"TI": "très insuff.", "I": "insuffisant", "S": "satisfaisant", "TS": "très satisf."}
LABEL_WIDTH = 30


def _short(label: str) -> str:
    return label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1].rstrip() + "…"
STYLES = {"TI": "bold red", "I": "dark_orange", "S": "green", "TS": "bold green"}


class ScoreGrid(Horizontal):
    class TurnChosen(Message):
        def __init__(self, turn: int) -> None:
            super().__init__()
            self.turn = turn

    def __init__(self, card: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.card = card

    def compose(self) -> ComposeResult:
        table: DataTable[Any] = DataTable(id="grid", cursor_type="row", zebra_stripes=True)
        table.add_columns("Critère", "Niveau", "/20")
        for c in self.card["criteria"]:
            # The level is always written (code and word), the colour only underlines it.
            table.add_row(_short(c["label"]), Text(f"{c['level']} {SHORT[c['level']]}",
                                                   style=STYLES[c["level"]]),
                          f"{c['score']:g}", key=c["id"])
        yield table
        with VerticalScroll(id="evidence-panel"):
            yield Static("", id="evidence")

    def on_mount(self) -> None:
        if self.card["criteria"]:
            self.show(0)

    def show(self, index: int) -> None:
        c = self.card["criteria"][index]
        lines = [f"[b]{c['label']}[/b] — {c['level']} ({NAMES[c['level']]}), "
                 f"{c['score']:g}/20", ""]
        for item in c["evidence"]:
            sign = "+" if item["effect"] == "+" else "−"
            where = f" — tour {item['turn']} : « {item['quote']} »" if item["turn"] else ""
            lines.append(f"{sign} {item['note']}{where}".replace("[", r"\["))
        if c.get("advice"):
            lines += ["", "[b]À faire :[/b] " + c["advice"].replace("[", r"\[")]
        self.query_one("#evidence", Static).update("\n".join(lines))

    @on(DataTable.RowHighlighted, "#grid")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show(event.cursor_row)

    @on(DataTable.RowSelected, "#grid")
    def selected(self, event: DataTable.RowSelected) -> None:
        evidence = [e for e in self.card["criteria"][event.cursor_row]["evidence"] if e["turn"]]
        if evidence:
            self.post_message(self.TurnChosen(evidence[0]["turn"]))
