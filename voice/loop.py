"""The voice conversation: microphone (or WAV files) → voice activity → turn-taking →
speech-to-text → the caller's `respond` (the customer) → sentence-by-sentence synthesis →
player, with barge-in. It knows nothing of scenarios: `respond` gets the student's words
and returns what to say.

Two strategies share this machinery, so the benchmark compares like with like:
- `naive`: wait for 700 ms of silence, transcribe the whole utterance with faster-whisper's
  ordinary 30 s window, synthesise the whole reply, then play it;
- `repliq`: transcribe at the first short pause (speculatively, dropped if speech resumes),
  with the encoder window sized to the utterance, end the turn early when that transcript
  reads as a finished sentence, and speak the reply sentence by sentence.
See docs/decisions/0002-latence-voix.md for what each step gained.

A fault in any audio thread (the source, the synthesis, the player's sink) ends the run: the
loop stops waiting, `failure` says in French what failed, `closed_reason` too, and the
traceback goes to the `logging` module, never to the screen. The turns already taken were
handed to `respond` as they came, so nothing said is lost."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .bargein import BargeIn, BargeInRule, interrupts, is_backchannel
from .devices import level_dbfs
from .endpoint import Endpointer, Event, TurnTaking, looks_finished
from .player import Player
from .source import Closed, FrameSource, failure_text
from .speaker import Speaker, Utterance
from .stt import Transcriber
from .tts import VoiceHint
from .vad import FRAME_SECONDS, StreamingVad

log = logging.getLogger(__name__)
PARTIAL_EVERY = 1.5  # seconds between two partial transcripts


@dataclass
class Strategy:
    name: str
    turn_taking: TurnTaking
    speculative: bool  # transcribe at the first pause; end early after a finished sentence
    windowed: bool  # encoder window sized to the utterance
    stream_speech: bool  # speak sentence by sentence
    partials: bool  # show what is being understood while the student speaks


def repliq_strategy(turn_taking: TurnTaking | None = None) -> Strategy:
    return Strategy("repliq", turn_taking or TurnTaking(), speculative=True, windowed=True,
                    stream_speech=True, partials=True)


def naive_strategy() -> Strategy:
    return Strategy("naive", TurnTaking(end_silence=0.7, quick_silence=0.7),
                    speculative=False, windowed=False, stream_speech=False, partials=False)


@dataclass
class StudentTurn:
    text: str
    audio: np.ndarray = field(repr=False)
    started: float  # monotonic time of the turn's first sample
    speech_end: float  # ...of the end of the speech (as the streaming VAD saw it)
    transcript_ready: float
    first_audio: float | None = None  # ...of the customer's first sample in reply
    cut_customer: bool = False  # the student talked over the customer and stopped them

    def timings(self) -> dict[str, float | None]:
        """Seconds from the start of the turn's audio, as `repliq run --json` reports."""
        def since(moment: float | None) -> float | None:
            return None if moment is None else round(moment - self.started, 3)

        return {"speech_end": since(self.speech_end),
                "transcript_ready": since(self.transcript_ready),
                "first_audio": since(self.first_audio)}


@dataclass
class Reply:
    utterances: list[Utterance]
    last: bool = False  # the conversation ends once these are said (deal, hang-up)


Respond = Callable[[StudentTurn], Reply]
Listener = Callable[[str, dict[str, Any]], None]


@dataclass
class _Job:
    future: Future[str]
    end_frame: int  # the speech this transcription covers ends here


class VoiceLoop:
    def __init__(self, transcriber: Transcriber, source: FrameSource, player: Player,
                 respond: Respond, strategy: Strategy | None = None,
                 vocabulary: list[str] | None = None, barge_in: BargeInRule | None = None,
                 on_event: Listener | None = None, hurry: bool = False) -> None:
        self.transcriber = transcriber
        self.source = source
        self.player = player
        self.respond = respond
        self.strategy = strategy or repliq_strategy()
        self.vocabulary = vocabulary or []
        self.on_event = on_event or (lambda _name, _data: None)
        self.hurry = hurry  # benchmarks: stop each reply at its first sample
        self.vad = StreamingVad()
        self.endpointer = Endpointer(self.strategy.turn_taking)
        self.barge_in = BargeIn(barge_in)
        self.speaker = Speaker(player, stream=self.strategy.stream_speech,
                               on_failure=lambda error: self.fail("synthèse vocale", error))
        self.decoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stt")
        self.turns: list[StudentTurn] = []
        self._buffer: list[np.ndarray] = []
        self._times: list[float] = []
        self._first = 0  # absolute index of _buffer[0]
        self._speculative: _Job | None = None
        self._partial: _Job | None = None
        self._last_partial = 0
        self._awaiting_audio: StudentTurn | None = None
        self._speaking: list[Utterance] = []
        self._ending = False
        self._cut_in_turn = False
        # Push-to-talk closes the microphone between presses: the loop then hears silence,
        # so a turn in progress ends as if the student had stopped speaking.
        self.listening = True
        self._stop = threading.Event()
        self.closed_reason: str | None = None
        self.failure: str | None = None  # what failed, in French, when a fault ended the run
        player.on_start = self._customer_heard
        player.on_drained = self._customer_done
        player.on_failure = lambda error: self.fail("lecture du son du client", error)

    # -- public ---------------------------------------------------------------------------
    def stop(self) -> None:
        self._stop.set()

    def fail(self, what: str, error: BaseException) -> None:
        """An audio thread failed (any thread may call this): log the traceback, keep the
        first reason, and end the run instead of waiting for audio that will never come."""
        log.error("%s", what, exc_info=error)
        if self.failure is None:
            self.failure = failure_text(what, error)
        self._stop.set()

    def run(self, opening: list[Utterance] | None = None) -> None:
        """Listen and answer until the source ends, `stop()`, the customer ends the call or
        an audio thread fails (`failure` then says what failed)."""
        try:
            if self._start(opening):
                self._listen()
                self._finish_playback()
        finally:
            self.source.close()
            self.decoder.shutdown(wait=True)
            self.speaker.close()

    def _start(self, opening: list[Utterance] | None) -> bool:
        try:
            self.speaker.warm(opening[0].voice if opening else VoiceHint())
        except Exception as error:  # no synthesis at all: the customer could never answer
            self.fail("synthèse vocale", error)
            self._closed(self.failure or "")
            return False
        if opening:
            self.source.hold()
        self.source.start()
        if opening:
            self._say(opening)
        return True

    def _listen(self) -> None:
        while not self._stop.is_set():
            if self._ending and self.speaker.idle.is_set() and not self.player.active:
                return
            try:
                item = self.source.get(timeout=0.1)
            except Closed as closed:
                if self.source.failed and self.failure is None:
                    self.failure = str(closed)
                self._closed(str(closed))
                return
            self._poll_jobs()
            if item is not None:
                self._frame(*item)
        if self.failure is not None:  # stopped by a failing thread, not by the caller
            self._closed(self.failure)

    def _closed(self, reason: str) -> None:
        self.closed_reason = reason
        self._emit("closed", reason=reason)

    # -- frames ---------------------------------------------------------------------------
    def _frame(self, moment: float, frame: np.ndarray) -> None:
        if not self.listening:
            frame = np.zeros_like(frame)
        self._buffer.append(frame)
        self._times.append(moment)
        index = self._first + len(self._buffer)  # frames seen so far
        if index % 3 == 0:
            self._emit("level", dbfs=level_dbfs(frame))
        event = self.endpointer.push(self.vad(frame))
        ep = self.endpointer
        if ep.in_turn and self.player.active and not self._ending:
            if self.barge_in.push(ep.speaking):
                self._cut()
        elif not ep.in_turn:
            self.barge_in.reset()
        if event is Event.START:
            self._speculative = None
            self._cut_in_turn = False
            self._last_partial = self._first + len(self._buffer)
            self._emit("state", state="parole")
        elif event is Event.PAUSE and self.strategy.speculative:
            self._speculative = self._submit(ep.speech_end, self.strategy.windowed, beam=None)
        elif event is Event.RESUME:
            self._speculative = None  # stale: the student is still talking
        elif event is Event.END:
            self._end_turn()
        elif ep.in_turn and self.strategy.partials and ep.speaking:
            self._maybe_partial(index)
        if not ep.in_turn:
            self._trim()

    def _trim(self) -> None:
        settings = self.endpointer.settings
        keep = settings.frames(settings.preroll) + settings.frames(settings.min_speech) + 2
        if len(self._buffer) > keep * 4:
            drop = len(self._buffer) - keep
            del self._buffer[:drop]
            del self._times[:drop]
            self._first += drop

    def _audio(self, start: int, end: int) -> np.ndarray:
        lo, hi = max(0, start - self._first), max(0, end - self._first)
        # A little of the silence after the speech helps Whisper close the sentence.
        hi = min(len(self._buffer), hi + 3)
        return np.concatenate(self._buffer[lo:hi]) if hi > lo else np.zeros(0, np.float32)

    def _moment(self, frame: int) -> float:
        """Monotonic time at the end of absolute frame `frame` (1-based count)."""
        position = min(max(frame - self._first - 1, 0), len(self._times) - 1)
        return self._times[position]

    # -- transcription jobs -----------------------------------------------------------------
    def _decode(self, audio: np.ndarray, windowed: bool, beam: int | None) -> str:
        if windowed:
            return self.transcriber.transcribe_window(audio, self.vocabulary, beam).text
        return self.transcriber.transcribe(audio, self.vocabulary, vad=False).text

    def _submit(self, end_frame: int, windowed: bool, beam: int | None) -> _Job:
        audio = self._audio(self.endpointer.start, end_frame)
        return _Job(self.decoder.submit(self._decode, audio, windowed, beam), end_frame)

    def _maybe_partial(self, index: int) -> None:
        # A partial pass that is still running when the student stops delays the final one
        # (one decoder, two cores): none before 1.5 s of speech (most turns are shorter),
        # then one every 1.5 s, and only in the middle of speech, never as it fades.
        if self._partial and not self._partial.future.done():
            return
        if index - self._last_partial < round(PARTIAL_EVERY / FRAME_SECONDS):
            return
        if self.endpointer.run < 4:
            return
        if self._speculative and not self._speculative.future.done():
            return
        self._last_partial = index
        self._partial = self._submit(index, windowed=True, beam=1)

    def _poll_jobs(self) -> None:
        partial = self._partial
        if partial and partial.future.done():
            self._partial = None
            if self.endpointer.in_turn and not partial.future.exception():
                self._emit("partial", text=partial.future.result())
        spec = self._speculative
        if spec and spec.future.done() and self.endpointer.paused and \
                not spec.future.exception():
            self.endpointer.mark_finished(looks_finished(spec.future.result()))

    # -- turns ----------------------------------------------------------------------------
    def _end_turn(self) -> None:
        ep = self.endpointer
        spec, self._speculative = self._speculative, None
        if spec is None or spec.end_frame != ep.speech_end:
            spec = self._submit(ep.speech_end, self.strategy.windowed, beam=None)
        try:
            text = spec.future.result()
        except Exception as error:  # a decoding failure loses the turn, not the session
            self._emit("error", message=f"reconnaissance vocale en échec : {error}")
            text = ""
        ready = time.monotonic()
        turn = StudentTurn(text, self._audio(ep.start, ep.speech_end),
                           started=self._moment(ep.start + 1) - FRAME_SECONDS,
                           speech_end=self._moment(ep.speech_end), transcript_ready=ready)
        self._emit("state", state="écoute")
        if not text:
            self._emit("ignored", why="silence ou bruit")
            self._release_source()
            return
        if self.player.active and not self._ending:
            if not interrupts(text, self.barge_in.rule):
                why = "acquiescement" if is_backchannel(text) else "trop bref pour couper la parole"
                self._emit("ignored", why=why, text=text)
                return
            self._cut()
        turn.cut_customer = self._cut_in_turn
        self.turns.append(turn)
        self._emit("student", turn=turn)
        reply = self.respond(turn)
        self._ending = reply.last
        if reply.utterances:
            self._awaiting_audio = turn
            self._say(reply.utterances)
        else:
            self._release_source()

    def _say(self, utterances: list[Utterance]) -> None:
        self._speaking = list(utterances)
        self._emit("state", state="client")
        for utterance in utterances:
            self.speaker.say(utterance)

    def _cut(self) -> None:
        # Cancel first: a clause synthesised meanwhile must not restart the player after
        # stop() (seen under load as a second cut of the same reply).
        self.speaker.cancel()
        heard = self.player.stop()
        self._cut_in_turn = True
        self._emit("cut", heard=heard, utterances=self._speaking)

    # -- playback callbacks (sink thread) ---------------------------------------------------
    def _customer_heard(self, moment: float) -> None:
        turn, self._awaiting_audio = self._awaiting_audio, None
        if turn is not None:
            turn.first_audio = moment
        if self.hurry:
            threading.Thread(target=self._hurry_on, daemon=True).start()

    def _hurry_on(self) -> None:
        try:
            self.speaker.idle.wait(timeout=10)
            self.player.stop()
            self._release_source()
        except Exception as error:  # an audio thread like the others: reported, not printed
            self.fail("lecture du son du client", error)

    def _customer_done(self) -> None:
        if self.speaker.idle.is_set():
            self._emit("state", state="écoute")
            self._release_source()

    def _release_source(self) -> None:
        if not self._ending:  # after the last words, a scripted student says nothing more
            self.source.release()

    def _finish_playback(self) -> None:
        deadline = time.monotonic() + 60
        while (not self.speaker.idle.is_set() or self.player.active) and \
                time.monotonic() < deadline and not self._stop.is_set():
            time.sleep(0.02)

    def _emit(self, name: str, **data: Any) -> None:
        self.on_event(name, data)
