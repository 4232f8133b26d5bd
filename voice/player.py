"""Playback that can be stopped mid-word. Audio is queued as chunks and pulled in small
blocks by a sink: the sound card's callback (sounddevice) or, headless, a clock thread that
plays in real time into memory. Stopping empties the queue: the next block is silence, so
the customer falls silent within one block (20 ms) of the decision."""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable

import numpy as np

from .audio import resample

log = logging.getLogger(__name__)

PLAYBACK_RATE = 16_000
BLOCK = 320  # 20 ms at 16 kHz


class Player:
    """The queue of customer audio, shared by a sink that pulls blocks from it."""

    def __init__(self) -> None:
        self._chunks: deque[np.ndarray] = deque()
        self._lock = threading.Lock()
        self.first_sample: float | None = None  # monotonic time of the first sample out
        self.played = 0  # samples of the current utterance already out
        self.on_start: Callable[[float], None] | None = None
        self.on_drained: Callable[[], None] | None = None
        self.on_stop: Callable[[], None] | None = None  # the sink drops what it buffered
        # A sink's thread failed: whoever listens must stop waiting for the customer to
        # finish (the listening loop ends the run); without a listener, it is logged.
        self.on_failure: Callable[[BaseException], None] | None = None
        self._active = False

    def play(self, samples: np.ndarray, rate: int) -> None:
        with self._lock:
            if not self._active:
                self._active, self.first_sample, self.played = True, None, 0
            self._chunks.append(resample(samples, rate, PLAYBACK_RATE))

    def stop(self) -> float:
        """Silence now; returns the seconds of the utterance that were heard."""
        with self._lock:
            self._chunks.clear()
            heard = self.played / PLAYBACK_RATE
            was_active, self._active = self._active, False
        if was_active and self.on_stop:
            self.on_stop()
        return heard

    @property
    def active(self) -> bool:
        return self._active

    def fail(self, error: BaseException) -> None:
        """Called by a sink whose thread failed: `on_failure` is told (it logs), or else the
        traceback goes to the log here."""
        with self._lock:
            self._chunks.clear()
            self._active = False
        if self.on_failure:
            self.on_failure(error)
        else:
            log.error("lecture du son du client", exc_info=error)

    def read(self, count: int) -> np.ndarray:
        """The next `count` samples (silence when nothing is queued); called by the sink."""
        out = np.zeros(count, dtype=np.float32)
        filled = 0
        drained = False
        with self._lock:
            while filled < count and self._chunks:
                chunk = self._chunks[0]
                take = min(count - filled, len(chunk))
                out[filled:filled + take] = chunk[:take]
                filled += take
                if take == len(chunk):
                    self._chunks.popleft()
                else:
                    self._chunks[0] = chunk[take:]
            if filled and self.first_sample is None:
                self.first_sample = time.monotonic()
                if self.on_start:
                    self.on_start(self.first_sample)
            self.played += filled
            if self._active and not self._chunks and filled < count:
                self._active, drained = False, True
        if drained and self.on_drained:
            self.on_drained()
        return out


class ClockSink:
    """Plays in real time with no sound card: blocks leave every 20 ms and are kept, so the
    headless runs and the tests hear exactly what a speaker would have played."""

    def __init__(self, player: Player, keep: bool = True) -> None:
        self.player = player
        self.keep = keep
        self.heard: list[np.ndarray] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="clock-sink")

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=1)

    def _run(self) -> None:
        step = BLOCK / PLAYBACK_RATE
        tick = time.monotonic()
        try:
            while not self._stop.is_set():
                block = self.player.read(BLOCK)
                if self.keep and block.any():
                    self.heard.append(block)
                tick += step
                time.sleep(max(0.0, tick - time.monotonic()))
        except Exception as error:  # reported, not printed: the run ends with a message
            self.player.fail(error)


class DeviceSink:
    """The sound card (sounddevice output stream), pulling from the player in its callback."""

    def __init__(self, player: Player, device: int | str | None = None) -> None:
        import sounddevice

        self.player = player
        self.stream = sounddevice.OutputStream(
            samplerate=PLAYBACK_RATE, channels=1, dtype="float32", blocksize=BLOCK,
            device=device, latency="low", callback=self._callback)
        # Sound servers reached through ALSA (PulseAudio, PipeWire) keep a buffer of up to
        # a second or two whatever latency is asked for: emptying the player's queue is not
        # enough to silence the customer on a barge-in; aborting the stream drops it.
        player.on_stop = self.flush
        self._flushing = threading.Lock()

    def flush(self) -> None:
        """Drop the audio already handed to the sound card (a barge-in)."""
        threading.Thread(target=self._restart, daemon=True, name="flush").start()

    def _restart(self) -> None:
        with self._flushing:
            try:
                self.stream.abort()
                self.stream.start()
            except Exception:  # the device went away: the microphone side reports it
                pass

    def _callback(self, outdata, frames, _time, _status) -> None:  # type: ignore[no-untyped-def]
        try:
            outdata[:, 0] = self.player.read(frames)
        except Exception as error:
            # Raised out of a PortAudio callback, it would print a traceback: silence the
            # headset, report the failure and stop the stream quietly.
            import sounddevice

            outdata.fill(0)
            self.player.fail(error)
            raise sounddevice.CallbackAbort from error

    def start(self) -> None:
        self.stream.start()

    def close(self) -> None:
        if self.stream.active:
            self.stream.stop()
        self.stream.close()
