"""The real voice loop on a real PortAudio microphone: the virtual sound card of conftest.py
(PulseAudio null sink "vsink", microphone "vmic"), speech played into vsink with paplay.

The loop runs in a subprocess (mic_loop_probe.py) because PortAudio reads the audio setup
once, when sounddevice is imported; the probe reports the loop's events as JSON lines.
Covered: a spoken sentence becomes a student turn with its timings, and a sound card that
disappears mid-session ends the session with a French reason instead of a hang or a
traceback."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from ..conftest import ROOT
from .conftest import SHARED, VirtualMic, running_virtual_mic

SPEECH = SHARED / "speech-fr" / "stp_fr_allume_la_lumiere.wav"
LOADING = 90.0  # seconds for the probe to load Whisper, Silero and open the microphone
NOTICE = 5.0  # a user must learn within this many seconds that the microphone is gone


class Probe:
    """mic_loop_probe.py as a subprocess; its JSON lines are read as they come."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.voice.mic_loop_probe", *args],
            env={**os.environ, **env, "PYTHONUNBUFFERED": "1"}, cwd=ROOT,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[tuple[float, dict[str, Any] | None]] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stdout(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.stdout.append(line)
            try:
                event = json.loads(line)
            except ValueError:
                continue  # a library printing on stdout: kept for the failure message
            self.lines.put((time.monotonic(), event))
        self.lines.put((time.monotonic(), None))

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.append(line)

    def expect(self, name: str, within: float) -> tuple[float, dict[str, Any]]:
        """The arrival time and content of the next `name` event; fails after `within` s."""
        deadline = time.monotonic() + within
        while (left := deadline - time.monotonic()) > 0:
            try:
                arrived, event = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if event is None:
                pytest.fail(f"the probe ended before {name!r}:\n{self.output()}")
            self.events.append(event)
            if event["event"] == name:
                return arrived, event
        pytest.fail(f"no {name!r} event within {within:.0f} s:\n{self.output()}")

    def finish(self, within: float) -> int:
        try:
            return self.process.wait(timeout=within)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the probe did not exit within {within:.0f} s:\n{self.output()}")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def output(self) -> str:
        time.sleep(0.2)  # let the reader threads catch the last lines
        return "stdout:\n" + "".join(self.stdout) + "stderr:\n" + "".join(self.stderr)


@pytest.fixture
def probe_factory() -> Iterator[list[Probe]]:
    started: list[Probe] = []
    yield started
    for probe in started:  # a stuck loop must not outlive its test
        probe.kill()


@pytest.fixture
def own_virtual_mic() -> Iterator[VirtualMic]:
    """A card for one test alone: the test takes it away from the loop."""
    with running_virtual_mic() as card:
        yield card


def test_speech_into_the_microphone_becomes_a_student_turn(
        virtual_mic: dict[str, str], probe_factory: list[Probe]) -> None:
    probe = Probe(virtual_mic, "--until", "student", "--timeout", "20")
    probe_factory.append(probe)
    probe.expect("listening", LOADING)
    subprocess.run(["paplay", "--device=vsink", str(SPEECH)], env={**os.environ, **virtual_mic},
                   check=True, timeout=30)
    _, student = probe.expect("student", 20)
    assert "lumière" in student["text"].lower(), probe.output()
    timings = student["timings"]
    assert timings["speech_end"] is not None and timings["transcript_ready"] is not None
    assert 0 < timings["speech_end"] <= timings["transcript_ready"], timings
    assert student["speech_end"] <= student["transcript_ready"]
    _, reply = probe.expect("reply", 5)
    assert reply["text"] == "Très bien."
    _, end = probe.expect("end", 15)
    assert probe.finish(15) == 0, probe.output()
    assert end["turns"] == 1 and end["heard"] == [student["text"]]
    assert "Traceback" not in "".join(probe.stderr), probe.output()


def test_a_microphone_that_disappears_ends_the_session_in_french(
        own_virtual_mic: VirtualMic, probe_factory: list[Probe]) -> None:
    """The sound server goes away mid-session (stopped, crashed, the card unplugged with
    nothing to fall back on): PortAudio's ALSA stream fails and the loop must end."""
    probe = Probe(own_virtual_mic.env, "--until", "closed", "--timeout", "60")
    probe_factory.append(probe)
    probe.expect("listening", LOADING)
    own_virtual_mic.stop()
    gone = time.monotonic()
    arrived, closed = probe.expect("closed", NOTICE)
    assert arrived - gone <= NOTICE
    reason = closed["reason"]
    # In French and about the microphone, not PortAudio's English or a generic end.
    assert "micro" in reason and reason != "fin de l'audio", reason
    _, end = probe.expect("end", NOTICE)
    assert end["closed_reason"] == reason
    assert probe.finish(NOTICE) == 0, probe.output()
    assert "Traceback" not in "".join(probe.stderr), probe.output()


def test_a_microphone_that_stops_delivering_ends_the_session_in_french(
        own_virtual_mic: VirtualMic, probe_factory: list[Probe]) -> None:
    """The sound server hangs (frozen here with SIGSTOP; a stalled USB or Bluetooth device
    looks the same): no error, no frame. The student must not face a dead session."""
    probe = Probe(own_virtual_mic.env, "--until", "closed", "--timeout", "60")
    probe_factory.append(probe)
    probe.expect("listening", LOADING)
    pid = int(own_virtual_mic.pid_file.read_text().strip())
    os.kill(pid, signal.SIGSTOP)
    try:
        frozen = time.monotonic()
        arrived, closed = probe.expect("closed", NOTICE)
        assert arrived - frozen <= NOTICE
        assert "micro" in closed["reason"], closed
        # The loop has returned. The process itself may not exit yet: PortAudio's exit
        # handler (Pa_Terminate) waits about a minute on the hung stream.
        probe.expect("end", NOTICE)
    finally:
        # A frozen server would stall the fixture's `pactl exit` and the probe's close().
        probe.kill()
        os.kill(pid, signal.SIGCONT)
