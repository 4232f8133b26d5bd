"""The conversation as chat bubbles: who speaks, the turn number, the time; tips inline."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static


class Bubble(Static):
    def __init__(self, number: int, who: str, text: str, student: bool, at: str = "",
                 audio: str | None = None, exchange: int | None = None) -> None:
        """`number`: the turn's place in the session (its id); `exchange`: the number it shows,
        the scorecard's "tour N" (bot.turn_record.exchange_numbers), none before the student's
        first turn."""
        stamp = f" · {at}" if at else ""
        sound = " · ♪ L pour réécouter" if audio else ""
        shown = number if exchange is None else exchange
        label = f"{shown}. {who}" if shown else who
        super().__init__(f"[b]{label}[/b]{stamp}{sound}\n{text}", markup=True,
                         classes="bubble student" if student else "bubble customer",
                         id=f"tour-{number}")
        self.text = text
        self.audio = audio
        self.can_focus = audio is not None  # Tab reaches the turns that can be heard


class Tip(Static):
    def __init__(self, text: str) -> None:
        super().__init__(f"Conseil : {text}", classes="tip", markup=False)


class Chat(VerticalScroll):
    def add(self, number: int, who: str, text: str, student: bool, at: str = "",
            tip: str | None = None, audio: str | None = None,
            exchange: int | None = None) -> None:
        self.mount(Bubble(number, who, _escape(text), student, at, audio, exchange))
        if tip:
            self.mount(Tip(tip))
        self.scroll_end(animate=False)


def _escape(text: str) -> str:
    return text.replace("[", r"\[")
