"""Where the student's audio comes from, as 32 ms frames of 16 kHz mono float32: the
microphone (sounddevice input stream) or WAV files streamed at real-time pace, so that
the headless runs go through exactly the path the microphone takes."""

from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path

import numpy as np

from .stt import SAMPLE_RATE, load_wav
from .vad import FRAME, FRAME_SECONDS
from .wavcheck import AudioInputError, check_wav

log = logging.getLogger(__name__)
Frame = tuple[float, np.ndarray]  # (monotonic time the frame was complete, samples)


class Closed(Exception):
    """The source has no more audio (end of the files, device gone)."""


def failure_text(what: str, error: BaseException) -> str:
    """One French line for a fault in an audio thread: what failed and why. Repliq's own
    refusals are already French; anything else keeps its type for the log reader."""
    if isinstance(error, AudioInputError):
        return f"{what} impossible : {error}"
    return f"{what} en échec ({type(error).__name__} : {error})"


class FrameSource:
    def __init__(self) -> None:
        self.frames: queue.Queue[Frame | None] = queue.Queue()
        self.error: str | None = None  # why the source stopped early, in French
        self.failed = False  # `error` is a fault (a crash), not the end of the audio

    def note_failure(self, what: str, error: BaseException) -> None:
        """Record a fault of the source's own thread: the traceback goes to the log, the
        reason to `error`, never to the screen."""
        log.error("%s", what, exc_info=error)
        self.failed = True
        self.error = failure_text(what, error)

    def fail(self, what: str, error: BaseException) -> None:
        """A fault ends the source: the listening loop gets Closed with the reason at once
        instead of waiting for frames that will never come."""
        self.note_failure(what, error)
        self.frames.put(None)

    def get(self, timeout: float = 0.5) -> Frame | None:
        """The next frame, None when nothing came within `timeout`; Closed at the end."""
        try:
            item = self.frames.get(timeout=timeout)
        except queue.Empty:
            return None
        if item is None:
            raise Closed(self.error or "fin de l'audio")
        return item

    def start(self) -> None: ...

    def close(self) -> None: ...

    def hold(self) -> None:
        """The customer is talking: a scripted student waits (a microphone does not)."""

    def release(self) -> None:
        """The customer is done: a scripted student may speak."""


class WavSource(FrameSource):
    """Each file is one student turn, played in real time, followed by `gap` seconds of
    silence (the student waits for the answer). `wait` lets the caller hold the next file
    until the customer has answered, as a student would."""

    def __init__(self, files: list[Path], gap: float = 1.5, lead: float = 0.3) -> None:
        super().__init__()
        self.files = files
        self.gap = gap
        self.lead = lead
        self.turn_started: list[float] = []  # monotonic time each file began
        self.next_file = threading.Event()
        self.next_file.set()
        self._stop = threading.Event()
        self.current: Path | None = None  # the file being read, to name it on a failure
        self._thread = threading.Thread(target=self._guarded, daemon=True, name="wav-source")

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self._stop.set()

    def hold(self) -> None:
        self.next_file.clear()

    def release(self) -> None:
        self.next_file.set()

    def _stream(self, samples: np.ndarray, clock: float) -> float:
        padded = np.pad(samples, (0, (-len(samples)) % FRAME))
        for frame in padded.reshape(-1, FRAME):
            if self._stop.is_set():
                break
            clock += FRAME_SECONDS
            time.sleep(max(0.0, clock - time.monotonic()))
            self.frames.put((clock, frame))
        return clock

    def silence(self, seconds: float, clock: float) -> float:
        return self._stream(np.zeros(int(seconds * SAMPLE_RATE), np.float32), clock)

    def _guarded(self) -> None:
        try:
            self._run()
        except Exception as error:  # anything: the loop must not wait forever for frames
            # Repliq's own refusals name the file already.
            named = self.current is None or isinstance(error, AudioInputError)
            self.fail("lecture de l'audio" if named else f"lecture de {self.current}", error)

    def _run(self) -> None:
        clock = time.monotonic()
        clock = self.silence(self.lead, clock)
        for path in self.files:
            while not self.next_file.wait(timeout=FRAME_SECONDS):
                clock = self.silence(FRAME_SECONDS, clock)  # silence while waiting
            self.next_file.clear()
            self.turn_started.append(clock)
            self.current = path
            # Checked again: the file may have changed since the run began.
            check_wav(path)
            clock = self._stream(load_wav(path), clock)
            clock = self.silence(self.gap, clock)
            if self._stop.is_set():
                break
        self.frames.put(None)


class MicrophoneSource(FrameSource):
    """The microphone, through PortAudio; a device that disappears closes the source with a
    French explanation instead of an exception in the audio thread.

    PortAudio reports a stopped or crashed sound server, but a hung one (a stalled USB or
    Bluetooth headset, a frozen PulseAudio) delivers nothing and reports nothing: a watchdog
    on the arrival of frames closes the source after FIRST_FRAME / STALL seconds."""

    FIRST_FRAME = 5.0  # PulseAudio took 1.6 s to deliver its first frame on a test machine
    STALL = 2.0

    def __init__(self, device: int | str | None = None) -> None:
        super().__init__()
        import sounddevice

        self.stream = sounddevice.InputStream(
            samplerate=SAMPLE_RATE, channels=1, dtype="float32", blocksize=FRAME,
            device=device, callback=self._callback,
            finished_callback=self._finished)
        self._started: float | None = None
        self._last: float | None = None
        self._stalled = False

    def _callback(self, indata, frames, _time, status) -> None:  # type: ignore[no-untyped-def]
        try:
            self._last = time.monotonic()
            if frames == FRAME:
                self.frames.put((self._last, indata[:, 0].copy()))
        except Exception as error:
            # Raised out of a PortAudio callback, it would print a traceback and stop the
            # stream without a word: stop it ourselves, `_finished` then closes the source.
            import sounddevice

            self.note_failure("micro", error)
            raise sounddevice.CallbackAbort from error

    def _finished(self) -> None:
        if self.error is None:
            self.error = "le micro a été débranché ou s'est arrêté"
        self.frames.put(None)

    def get(self, timeout: float = 0.5) -> Frame | None:
        frame = super().get(timeout)
        if frame is None and self._started is not None:
            waited = time.monotonic() - (self._last or self._started)
            if waited > (self.STALL if self._last else self.FIRST_FRAME):
                self._stalled = True
                self.error = "le micro ne transmet plus de son (bloqué ou débranché)"
                raise Closed(self.error)
        return frame

    def start(self) -> None:
        self.stream.start()
        self._started = time.monotonic()

    def close(self) -> None:
        self.error = self.error or "micro fermé"
        if self._stalled:
            # Closing a hung stream blocks for a minute: abort it off the caller's thread.
            threading.Thread(target=self._abort, daemon=True, name="mic-abort").start()
        else:
            self.stream.close()

    def _abort(self) -> None:
        try:
            self.stream.abort()
        except Exception:  # the device is already gone; nothing left to tell the student
            log.warning("micro bloqué : arrêt impossible", exc_info=True)
