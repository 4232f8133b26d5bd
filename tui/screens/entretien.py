"""Entretien: the conversation, the customer's mood and patience, the phase, the timer, the
live tip (training mode) and a text input always available. The microphone line is where
voice will show its state, level and partial transcript."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Static

from bot.engine import start_conversation
from repliq.rehearsal import Rehearsal
from scoring.tips import Coach
from store.db import open_db
from store.sessions import Recorder

from ..context import Choice, Outcome
from ..widgets.chat import Chat
from ..widgets.gauges import Gauge, Phases
from .confirm import Confirm


class EntretienScreen(Screen[None]):
    BINDINGS = [Binding("ctrl+f", "finish", "Terminer et voir le bilan")]

    def __init__(self, choice: Choice, notes: str = "") -> None:
        super().__init__()
        self.choice = choice
        self.notes = notes
        self.started = time.monotonic()
        self.recorder: Recorder | None = None
        self.rehearsal: Rehearsal | None = None
        self.number = 0
        self.busy = True  # until the customer has arrived (engine loading in a worker)
        self.queue: list[str] = []  # lines typed while the customer was busy

    def compose(self) -> ComposeResult:
        s = self.choice.scenario
        customer = s.speaker(s.first_speaker)
        yield Header()
        with Horizontal(id="entretien"):
            with Vertical(id="conversation"):
                yield Chat(id="chat")
                yield Static("", id="tip")
                yield Label("Micro : désactivé — mode texte (tapez vos répliques)", id="voice")
                yield Input(placeholder="Votre réplique, puis Entrée", id="say")
            with Vertical(id="tableau"):
                yield Label(f"{customer.display_name}\n{customer.position}", id="who")
                yield Gauge("Humeur", "mood")
                yield Gauge("Patience", "patience")
                yield Label("Phase", classes="section")
                yield Phases(id="phases")
                yield Label("", id="timer")
                yield Label("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"{self.choice.scenario.title} — {self.choice.student}"
        try:
            db = open_db(self.app.db_path)  # type: ignore[attr-defined]
            self.recorder = Recorder(
                db, student=self.choice.student, scenario_id=self.choice.scenario.id,
                title=self.choice.scenario.title, version=self.choice.scenario.version,
                yaml=self.choice.path.read_text(encoding="utf-8"),
                variant=self.choice.variant, seed=self.choice.seed, mode=self.choice.mode)
            if self.notes:
                self.recorder.notes(self.notes)
        except Exception as error:  # the rehearsal goes on even if the store is unavailable
            self.notify(f"Séance non enregistrée : {error}", severity="warning")
        if self.app.live_clock:  # type: ignore[attr-defined]
            self.set_interval(1, self.tick)
        self.tick()
        self.query_one("#say", Input).focus()
        self.open_conversation()

    @work(thread=True, exclusive=True, group="conversation")
    def open_conversation(self) -> None:
        customer = start_conversation(self.choice.scenario, self.choice.variant,
                                      self.choice.seed)
        coach = Coach(self.choice.scenario) if self.choice.mode == "entrainement" else None
        self.rehearsal = Rehearsal(customer, coach,
                                   self.recorder.turn if self.recorder else None)
        opening = self.rehearsal.open()
        self.app.call_from_thread(self.arrived, opening)

    def arrived(self, opening: dict[str, Any] | None) -> None:
        self.busy = False
        self.show_reply(opening)
        self.next_in_queue()

    def next_in_queue(self) -> None:
        if self.queue and not self.busy and self.rehearsal and not self.rehearsal.ended:
            self.busy = True
            self.query_one("#status", Label).update("Le client réfléchit…")
            self.step(self.queue.pop(0))

    def tick(self) -> None:
        elapsed = int(time.monotonic() - self.started)
        target = self.choice.scenario.duration_min
        self.query_one("#timer", Label).update(
            f"Durée : {elapsed // 60:02d}:{elapsed % 60:02d} / objectif {target} min")

    def _stamp(self) -> str:
        return datetime.now().strftime("%H:%M") if self.app.live_clock else ""  # type: ignore

    def show_reply(self, turn: dict[str, Any] | None) -> None:
        if turn:
            self.number += 1
            name = self.choice.scenario.speaker(turn["who"]).display_name
            self.query_one("#chat", Chat).add(self.number, name, turn["text"], False,
                                              self._stamp())
        if self.rehearsal:
            state = self.rehearsal.customer.state
            self.query_one("#mood", Gauge).set(state.mood)
            self.query_one("#patience", Gauge).set(state.patience)
            self.query_one("#phases", Phases).show(state.phase.value)
            if self.rehearsal.ended:
                self.query_one("#say", Input).disabled = True
                self.query_one("#status", Label).update(
                    "Entretien terminé : Ctrl+F pour la suite.")
                self.notify("L'entretien est terminé. Ctrl+F pour la suite.")

    @on(Input.Submitted, "#say")
    def submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text or (self.rehearsal is not None and self.rehearsal.ended):
            return
        event.input.value = ""
        self.number += 1
        self.query_one("#chat", Chat).add(self.number, "Vous", text, True, self._stamp())
        self.queue.append(text)  # answered as soon as the customer is free
        if self.rehearsal is None:
            self.query_one("#status", Label).update("Le client arrive…")
        self.next_in_queue()

    @work(thread=True, exclusive=True, group="conversation")
    def step(self, text: str) -> None:
        assert self.rehearsal is not None
        student, reply = self.rehearsal.say(text)
        self.app.call_from_thread(self.after_step, student, reply)

    def after_step(self, student: dict[str, Any], reply: dict[str, Any] | None) -> None:
        self.busy = False
        self.query_one("#status", Label).update("")
        self.query_one("#tip", Static).update(
            f"Conseil : {student['tip']}" if student.get("tip") else "")
        self.show_reply(reply)
        self.next_in_queue()

    def action_finish(self) -> None:
        if self.rehearsal is None or self.busy or self.queue:
            self.notify("Un instant : le client répond encore.")
            return
        if not any(t["speaker"] == "student" for t in self.rehearsal.turns):
            self.notify("Dites au moins une réplique avant de terminer.", severity="warning")
            return
        if self.choice.scenario.grading.call_report:
            from .compte_rendu import CompteRenduScreen

            self.app.push_screen(CompteRenduScreen(self.choice), self.conclude)
        else:
            self.conclude(None)

    def conclude(self, report: dict[str, Any] | None) -> None:
        self.grade(report)

    @work(thread=True, exclusive=True, group="conversation")
    def grade(self, report: dict[str, Any] | None) -> None:
        assert self.rehearsal is not None
        scorecard = self.rehearsal.scorecard(report)
        record = self.rehearsal.record()
        record["variant"] = self.choice.variant
        if self.recorder:
            self.recorder.finish(record, scorecard, report)
        outcome = Outcome(record, scorecard, report,
                          self.recorder.id if self.recorder else None)
        self.app.call_from_thread(self.show_bilan, outcome)

    def show_bilan(self, outcome: Outcome) -> None:
        from .bilan import BilanScreen

        self.app.switch_screen(BilanScreen(self.choice, outcome))

    def confirm_quit(self) -> None:
        def leave(yes: bool | None) -> None:
            if yes:
                if self.recorder and not (self.rehearsal and self.rehearsal.ended):
                    self.recorder.interrupt()
                self.app.exit()

        self.app.push_screen(Confirm("Quitter pendant l'entretien ? Les répliques déjà dites "
                                     "sont gardées (séance « interrompue »)."), leave)
