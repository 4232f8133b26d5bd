"""The microphone line of the Entretien screen: its state in words, the live level, and
what Repliq is understanding while the student speaks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

FLOOR_DBFS = -60.0  # the meter's left end

STATES = {
    "coupe": "Micro : coupé — F2 pour parler au casque (mode texte)",
    "prepare": "Micro : préparation de la reconnaissance vocale…",
    "ecoute": "Micro : à l'écoute",
    "parole": "Micro : vous parlez…",
    "client": "Micro : le client parle (parlez pour l'interrompre)",
    "ferme": "Micro : fermé — F4 pour parler",
}


class MicrophoneLine(Horizontal):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.mode = ""

    def compose(self) -> ComposeResult:
        yield Label(STATES["coupe"], id="mic-state")
        yield ProgressBar(total=-FLOOR_DBFS, show_eta=False, show_percentage=False,
                          id="mic-level")
        yield Label("", id="mic-partial")

    def state(self, key: str, detail: str = "") -> None:
        text = STATES.get(key, key) + (f" — {detail}" if detail else "") + self.mode
        self.query_one("#mic-state", Label).update(text)
        self.set_class(key != "coupe", "live")
        if key in ("coupe", "client"):
            self.partial("")

    def level(self, dbfs: float) -> None:
        self.query_one("#mic-level", ProgressBar).update(
            progress=max(0.0, min(-FLOOR_DBFS, dbfs - FLOOR_DBFS)))

    def partial(self, text: str) -> None:
        self.query_one("#mic-partial", Label).update(f"« {text} »" if text else "")
