"""Entretien: the conversation, the customer's mood and patience, the phase, the timer, the
live tip (training mode) and a text input always available. With F2 the student speaks on
the headset: the microphone line shows its state, the live level and what is being
understood; the keyboard keeps working, and a lost microphone falls back to it."""

from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Static

from bot.engine import start_conversation
from bot.turn_record import TurnRecord
from repliq.rehearsal import Rehearsal
from scoring.tips import Coach
from store.db import audio_dir, default_path
from store.sessions import Recorder

from ..context import Choice, InterviewEnd
from ..widgets.chat import Chat
from ..widgets.gauges import Gauge, Phases
from ..widgets.microphone import MicrophoneLine
from .confirm import Confirm

log = logging.getLogger("repliq")


class VoiceEvent(Message):
    """Something the voice loop saw or did, carried to the UI thread."""

    def __init__(self, name: str, data: dict[str, Any]) -> None:
        super().__init__()
        self.kind = name
        self.data = data


class StoreWarning(Message):
    """The store could not take a turn (or works again): one French line for the student.
    A message, because the recorder speaks from the conversation's worker thread."""

    def __init__(self, line: str) -> None:
        super().__init__()
        self.line = line


VOICE_STATES = {"parole": "parole", "écoute": "ecoute", "client": "client"}


class EntretienScreen(Screen[None]):
    BINDINGS = [Binding("ctrl+f", "finish", "Terminer et voir le bilan"),
                Binding("f2", "voice", "Micro", tooltip="Parler au casque / revenir au clavier"),
                Binding("f3", "hands_free", "Mains libres",
                        tooltip="Mains libres ou appuyer pour parler"),
                Binding("f4", "talk", "Parler", tooltip="Ouvrir ou fermer le micro (appuyer "
                                                        "pour parler)"),
                Binding("f5", "keep_audio", "Garder ma voix",
                        tooltip="Garder ou non l'enregistrement de votre voix")]

    def __init__(self, choice: Choice, notes: str = "") -> None:
        super().__init__()
        self.choice = choice
        self.notes = notes
        self.started = time.monotonic()
        self.recorder: Recorder | None = None
        self.rehearsal: Rehearsal | None = None
        self.number = 0
        self.exchange = 0  # the student's turns so far: the number bubbles show
        self.busy = True  # until the customer has arrived (engine loading in a worker)
        self.queue: list[str] = []  # lines typed while the customer was busy
        self.voice_loop: Any = None  # voice.loop.VoiceLoop while the microphone is on
        self.voice: Any = None  # repliq.voice_session.VoiceRehearsal
        self.push_to_talk = False
        self.keep_audio = False  # the student's own voice is kept only if they say so
        self.voice_stopping = False

    def compose(self) -> ComposeResult:
        s = self.choice.scenario
        customer = s.speaker(s.first_speaker)
        yield Header()
        with Horizontal(id="entretien"):
            with Vertical(id="conversation"):
                yield Chat(id="chat")
                yield Static("", id="tip")
                yield MicrophoneLine(id="voice")
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
        # A store fault never stops the rehearsal: the recorder keeps the session in memory
        # and in a recovery file, and warns once (possibly from a worker thread).
        self.recorder = Recorder.start(
            self.app.db_path, student=self.choice.student,  # type: ignore[attr-defined]
            scenario_id=self.choice.scenario.id, title=self.choice.scenario.title,
            version=self.choice.scenario.version,
            yaml=self.choice.path.read_text(encoding="utf-8"), variant=self.choice.variant,
            seed=self.choice.seed, mode=self.choice.mode,
            on_warning=lambda line: self.post_message(StoreWarning(line)))
        if self.notes:
            self.recorder.notes(self.notes)
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

    def show_reply(self, turn: TurnRecord | None) -> None:
        if turn:
            self.number += 1
            name = self.choice.scenario.speaker(turn.who).display_name
            self.query_one("#chat", Chat).add(self.number, name, turn.text, False,
                                              self._stamp(), exchange=self.exchange)
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
        self.exchange += 1
        self.query_one("#chat", Chat).add(self.number, "Vous", text, True, self._stamp(),
                                          exchange=self.exchange)
        self.queue.append(text)  # answered as soon as the customer is free
        if self.rehearsal is None:
            self.query_one("#status", Label).update("Le client arrive…")
        self.next_in_queue()

    @work(thread=True, exclusive=True, group="conversation")
    def step(self, text: str) -> None:
        assert self.rehearsal is not None
        student, replies = self.rehearsal.say(text)
        self.app.call_from_thread(self.after_step, student, replies)

    def after_step(self, student: TurnRecord, replies: list[TurnRecord]) -> None:
        self.busy = False
        self.query_one("#status", Label).update("")
        self.query_one("#tip", Static).update(f"Conseil : {student.tip}" if student.tip else "")
        for reply in replies or [None]:  # (none: the gauges still show where she stands)
            self.show_reply(reply)
        self.next_in_queue()

    # -- voice ------------------------------------------------------------------------------
    @property
    def mic(self) -> MicrophoneLine:
        return self.query_one("#voice", MicrophoneLine)

    def _ui(self, name: str, **data: Any) -> None:
        """From the voice threads to the UI thread. A message, not call_from_thread: that
        one waits for the UI, and the sound card's callback thread must never wait."""
        self.post_message(VoiceEvent(name, data))

    @on(StoreWarning)
    def store_warning(self, message: StoreWarning) -> None:
        # Long enough to read a file path; the line also says how to import the file.
        self.notify(message.line, title="Historique", severity="warning", timeout=20)

    @on(VoiceEvent)
    def voice_message(self, message: VoiceEvent) -> None:
        name, data = message.kind, message.data
        if name == "unavailable":
            self.voice_unavailable(data["message"])
        elif name == "stopped":
            self.voice_stopped(data["reason"])
        elif name == "exchange":
            self.voice_exchange(data["student"], data["replies"])
        elif name == "listening":
            self.mic.state("ecoute")
        else:
            self.voice_event(name, data)

    def action_voice(self) -> None:
        if self.voice_loop is not None:
            self.voice_stopping = True
            self.voice_loop.stop()
            return
        if self.rehearsal is None:
            self.notify("Un instant : le client arrive.")
            return
        if self.rehearsal.ended:
            self.notify("L'entretien est terminé. Ctrl+F pour la suite.")
            return
        self.voice_stopping = False
        self.mic.state("prepare")
        self.run_voice()

    def _audio_folders(self) -> tuple[Any, Any]:
        root = audio_dir(self.app.db_path or default_path())  # type: ignore[attr-defined]
        session = self.recorder.id if self.recorder else "sans-enregistrement"
        return (root / session if self.keep_audio else None), root

    @work(thread=True, exclusive=True, group="voice")
    def run_voice(self) -> None:
        from repliq.voice_session import VoiceRehearsal, shared_transcriber
        from voice.devices import NoAudioDevice
        from voice.model import ModelMissing

        assert self.rehearsal is not None
        try:
            transcriber = shared_transcriber()
            audio = self.app.audio_io()  # type: ignore[attr-defined]
            audio.sink.start()
        except (ModelMissing, NoAudioDevice) as error:
            self._ui("unavailable", message=str(error))
            return
        except Exception as error:  # PortAudio refusing a device, a busy sound card…
            log.exception("micro")
            self._ui("unavailable", message=f"micro ou casque inutilisable ({error})")
            return
        keep, root = self._audio_folders()
        self.voice = VoiceRehearsal(
            self.rehearsal, keep_audio=keep, audio_root=root,
            on_exchange=lambda student, replies: self._ui("exchange", student=student,
                                                          replies=replies))
        loop = self.voice.loop(transcriber, audio.source, audio.player,
                               on_event=lambda name, data: self._ui(name, **data))
        loop.listening = not self.push_to_talk
        self.voice_loop = loop
        self._ui("listening")
        try:
            loop.run(self.voice.replay_opening())
        except Exception as error:  # the voice fails, the session goes on at the keyboard
            log.exception("voix")
            loop.closed_reason = str(error)
        finally:
            audio.sink.close()
            self.voice_loop = None
            self._ui("stopped", reason=loop.closed_reason)

    def voice_unavailable(self, message: str) -> None:
        self.mic.state("coupe")
        self.notify(f"{message}", title="Pas de voix", severity="warning", timeout=8)
        self.query_one("#say", Input).focus()

    def voice_stopped(self, reason: str | None) -> None:
        self.mic.state("coupe")
        ended = self.rehearsal is not None and self.rehearsal.ended
        if reason and not self.voice_stopping and not ended:
            self.notify(f"Micro perdu : {reason} — la séance continue au clavier, rien "
                        "n'est perdu.", severity="warning", timeout=8)

    def voice_event(self, name: str, data: dict[str, Any]) -> None:
        mic = self.mic
        if name == "level":
            mic.level(data["dbfs"])
        elif name == "state":
            key = VOICE_STATES.get(data["state"], "ecoute")
            if key == "ecoute" and self.voice_loop is not None and not self.voice_loop.listening:
                key = "ferme"
            mic.state(key)
        elif name == "partial":
            mic.partial(data["text"])
        elif name == "cut":
            self.notify("Vous avez coupé la parole au client.", timeout=3)
        elif name == "error":
            self.notify(data["message"], severity="error")

    def voice_exchange(self, student: TurnRecord, replies: list[TurnRecord]) -> None:
        self.number += 1
        self.exchange += 1
        self.query_one("#chat", Chat).add(self.number, "Vous", student.text, True,
                                          self._stamp(), exchange=self.exchange)
        self.mic.partial("")
        self.after_step(student, replies)

    def action_hands_free(self) -> None:
        self.push_to_talk = not self.push_to_talk
        self.mic.mode = " (appuyer pour parler : F4)" if self.push_to_talk else ""
        if self.voice_loop is not None:
            self.voice_loop.listening = not self.push_to_talk
            self.mic.state("ferme" if self.push_to_talk else "ecoute")
        self.notify("Appuyer pour parler : F4 ouvre et ferme le micro." if self.push_to_talk
                    else "Mains libres : le micro écoute en continu.")

    def action_talk(self) -> None:
        loop = self.voice_loop
        if loop is None or not self.push_to_talk:
            self.notify("F4 sert en mode « appuyer pour parler » (F3), micro allumé (F2).")
            return
        loop.listening = not loop.listening
        self.mic.state("ecoute" if loop.listening else "ferme")

    def action_keep_audio(self) -> None:
        self.keep_audio = not self.keep_audio
        if self.voice is not None:
            self.voice.keep_audio = self._audio_folders()[0]
        self.notify("Votre voix sera gardée avec la séance, pour la réécouter."
                    if self.keep_audio else "Votre voix ne sera pas gardée.")

    def stop_voice(self) -> None:
        if self.voice_loop is not None:
            self.voice_stopping = True
            self.voice_loop.stop()

    def on_unmount(self) -> None:
        self.stop_voice()

    def action_finish(self) -> None:
        self.stop_voice()
        if self.rehearsal is None or self.busy or self.queue:
            self.notify("Un instant : le client répond encore.")
            return
        if not any(t.is_student for t in self.rehearsal.turns):
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
        session_id = None
        if self.recorder:
            saved = self.recorder.finish(record, scorecard, report)
            # Only a session the base holds can be replayed from the Bilan screen.
            session_id = saved.session_id if saved.in_database else None
        outcome = InterviewEnd(record, scorecard, report, session_id)
        self.app.call_from_thread(self.show_bilan, outcome)

    def show_bilan(self, outcome: InterviewEnd) -> None:
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
