"""Relecture: a stored session, transcript with tips inline beside its scorecard; choosing a
criterion's evidence scrolls to the quoted turn; turns whose audio was kept can be heard
again (Tab to the turn, L)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from bot.turn_record import exchange_numbers
from store.audio_paths import contained
from store.db import audio_dir, default_path, open_db
from store.sessions import STATUS_LABELS, session_record

from ..widgets.chat import Bubble, Chat
from ..widgets.scorecard import ScoreGrid


class RelectureScreen(Screen[None]):
    BINDINGS = [Binding("escape", "back", "Retour"),
                Binding("l", "listen", "Réécouter le tour", tooltip="Réécouter le tour choisi "
                                                              "(Tab pour choisir)")]

    def __init__(self, session_id: str, focus_turn: int | None = None) -> None:
        super().__init__()
        self.session_id = session_id
        self.focus_turn = focus_turn
        self.record: dict | None = None

    def compose(self) -> ComposeResult:
        db = open_db(self.app.db_path)  # type: ignore[attr-defined]
        self.record = session_record(db, self.session_id)
        r = self.record
        yield Header()
        yield Static(f"{r['scenario']['title']} — {r['student']} — "
                     f"{r['started_at'][:16].replace('T', ' ')} — "
                     f"{STATUS_LABELS.get(r['status'], r['status'])}"
                     + (f" — {r['mark']:g}/20" if r["mark"] is not None else ""),
                     id="relecture-title", markup=False)
        with Horizontal(id="relecture"):
            yield Chat(id="transcript")
            if r["scorecard"]:
                yield ScoreGrid(r["scorecard"], id="relecture-grid")
        yield Footer()

    def on_mount(self) -> None:
        assert self.record is not None
        chat = self.query_one("#transcript", Chat)
        turns = self.record["turns"]
        for turn, exchange in zip(turns, exchange_numbers(turns), strict=True):
            who = "Élève" if turn.is_student else "Client"
            chat.add(turn.number, who, turn.text, turn.is_student, (turn.at or "")[11:16],
                     turn.tip, turn.audio, exchange)
        self.sub_title = "Relecture"
        if self.focus_turn:
            self.call_after_refresh(self.scroll_to_student_turn, self.focus_turn)

    def scroll_to_student_turn(self, number: int) -> None:
        assert self.record is not None
        students = [t.number for t in self.record["turns"] if t.is_student]
        if 0 < number <= len(students):
            bubble = self.query_one(f"#tour-{students[number - 1]}")
            self.query_one("#transcript", Chat).scroll_to_widget(bubble, animate=False)
            bubble.add_class("focused")

    @on(ScoreGrid.TurnChosen)
    def jump(self, event: ScoreGrid.TurnChosen) -> None:
        self.scroll_to_student_turn(event.turn)

    def action_listen(self) -> None:
        bubble = self.focused if isinstance(self.focused, Bubble) else None
        if bubble is None or not bubble.audio:
            heard = [b for b in self.query(Bubble) if b.audio]
            self.notify("Choisissez un tour avec ♪ (Tab), puis L." if heard else
                        "Aucun audio gardé pour cette séance (F5 pendant l'entretien).")
            return
        self.play(bubble.audio)

    @work(thread=True, exclusive=True, group="listen")
    def play(self, name: str) -> None:
        from pathlib import Path

        from voice.devices import NoAudioDevice, play
        from voice.stt import load_wav

        root = audio_dir(self.app.db_path or default_path())  # type: ignore[attr-defined]
        path = contained(root, name)
        if path is None:  # a stored name pointing outside the data folder: never followed
            self.app.call_from_thread(self.notify, f"Audio introuvable : {Path(name).name}",
                                      severity="warning")
            return
        try:
            samples = load_wav(path)
            play(samples, 16_000)
        except NoAudioDevice as error:
            self.app.call_from_thread(self.notify, str(error), severity="warning")
        except (OSError, RuntimeError) as error:  # a file deleted or damaged since
            self.app.call_from_thread(self.notify, f"Audio illisible : {Path(name).name} "
                                      f"({error})", severity="warning")

    def action_back(self) -> None:
        self.app.pop_screen()
