"""The customer's mood and patience as gauges with their value written out (never colour
alone), and the phase tracker."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, ProgressBar, Static

from scenarios.vocabulary import Phase

PHASES = [Phase.CONTACT, Phase.DECOUVERTE, Phase.ARGUMENTATION, Phase.OBJECTIONS,
          Phase.NEGOCIATION, Phase.CONCLUSION]


class Gauge(Vertical):
    def __init__(self, title: str, gauge_id: str) -> None:
        super().__init__(classes="gauge", id=gauge_id)
        self.title = title

    def compose(self) -> ComposeResult:
        yield Label(f"{self.title} : —", classes="gauge-label")
        yield ProgressBar(total=100, show_eta=False, show_percentage=False)

    def set(self, value: int) -> None:
        word = "bonne" if value >= 60 else "moyenne" if value >= 35 else "basse"
        self.query_one(Label).update(f"{self.title} : {value}/100 ({word})")
        self.query_one(ProgressBar).update(progress=value)


class Phases(Static):
    def show(self, current: str) -> None:
        lines = []
        for phase in PHASES:
            mark = "▶" if phase.value == current else " "
            lines.append(f"{mark} {phase.label}")
        self.update("\n".join(lines))
