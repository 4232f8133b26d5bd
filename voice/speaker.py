"""The customer's voice: replies are synthesised off the listening thread, sentence by
sentence, and queued to the player as soon as each sentence exists, so the first words
are heard while the rest is still being made. Phone replies go through the telephone line.
A barge-in cancels what is still queued. A synthesis that fails (both engines, see tts.py)
is reported to `on_failure`, never raised in the speaker's thread: the customer can no
longer speak, so the listening loop ends the run with a message."""

from __future__ import annotations

import logging
import queue
import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .audio import phone_line, write_wav
from .player import Player
from .tts import VoiceHint, synthesize

log = logging.getLogger(__name__)


@dataclass
class Utterance:
    """One reply to say; `out` receives the whole reply as a WAV file when given."""

    text: str
    voice: VoiceHint
    phone: bool = False
    out: Path | None = None
    tone: tuple[np.ndarray, int] | None = None  # a telephone tone instead of speech
    engine: str | None = None  # filled in: which synthesis engine spoke
    seconds: float = 0.0  # filled in: length of the audio queued
    samples: list[np.ndarray] = field(default_factory=list, repr=False)
    rate: int = 0


def sentences(text: str) -> list[str]:
    """Split after . ? ! … so each sentence can be spoken as soon as it is ready; very short
    pieces are kept with their neighbour (espeak-ng spaces sentences anyway)."""
    pieces = [p.strip() for p in re.split(r"(?<=[.?!…])\s+", text.strip()) if p.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and len(merged[-1]) < 12:
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged or [text]


class Speaker:
    def __init__(self, player: Player, stream: bool = True,
                 on_failure: Callable[[BaseException], None] | None = None) -> None:
        self.player = player
        self.stream = stream
        self.on_failure = on_failure
        self._queue: queue.Queue[tuple[int, Utterance] | None] = queue.Queue()
        self._generation = 0
        # Held while a chunk is checked against the generation and handed to the player, so
        # a barge-in's cancel() can never fall between the two and let old audio through.
        self._lock = threading.Lock()
        self.idle = threading.Event()
        self.idle.set()
        self._thread = threading.Thread(target=self._run, daemon=True, name="speaker")
        self._thread.start()

    def warm(self, voice: VoiceHint) -> None:
        """Synthesise a word nobody hears: the first call of an engine is the slow one."""
        with tempfile.TemporaryDirectory(prefix="repliq-tts-") as folder:
            synthesize("Bonjour.", voice, Path(folder) / "warm.wav")

    def say(self, utterance: Utterance) -> None:
        self.idle.clear()
        self._queue.put((self._generation, utterance))

    def cancel(self) -> None:
        """Drop everything not yet queued to the player (a barge-in)."""
        with self._lock:
            self._generation += 1

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            generation, utterance = item
            try:
                self._speak(generation, utterance)
            except Exception as error:  # not raised here: it would kill the thread unseen
                self.cancel()  # the rest of the reply would only fail the same way
                if self.on_failure:
                    self.on_failure(error)
                else:
                    log.error("synthèse vocale", exc_info=error)
            if self._queue.empty():
                self.idle.set()

    def _speak(self, generation: int, utterance: Utterance) -> None:
        if utterance.tone is not None:
            samples, rate = utterance.tone
            self._queue_audio(generation, utterance, samples, rate)
            return
        parts = sentences(utterance.text) if self.stream else [utterance.text]
        for part in parts:
            if generation != self._generation:
                return
            with tempfile.TemporaryDirectory(prefix="repliq-tts-") as folder:
                speech = synthesize(part, utterance.voice, Path(folder) / "phrase.wav")
                import soundfile

                samples, rate = soundfile.read(str(speech.path), dtype="float32")
            utterance.engine = speech.engine
            if samples.ndim > 1:
                samples = samples.mean(axis=1)
            if utterance.phone:
                samples, rate = phone_line(samples, rate)
            self._queue_audio(generation, utterance, samples, rate)
        if utterance.out and utterance.samples:
            write_wav(utterance.out, np.concatenate(utterance.samples), utterance.rate)

    def _queue_audio(self, generation: int, utterance: Utterance, samples: np.ndarray,
                     rate: int) -> None:
        with self._lock:
            if generation != self._generation:
                return
            utterance.samples.append(samples)
            utterance.rate = rate
            utterance.seconds += len(samples) / rate
            self.player.play(samples, rate)
