"""The virtual sound card shared by the microphone tests: a PulseAudio null sink "vsink"
whose monitor is the microphone "vmic" (../shared/tools/virtual-mic). Speech played into
vsink is what PortAudio records, through the ALSA "pulse"/"default" devices of
libasound2-plugins. Programs that use it run as subprocesses, with `VirtualMic.env`, because
PortAudio reads the audio setup once, when sounddevice is imported.

The tests fail (never skip) when the card cannot start: CI installs its packages
(scripts/setup.sh test), so a missing piece is a broken setup to report."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import ROOT

SHARED = ROOT / ".." / "shared"
VIRTUAL_MIC = SHARED / "tools" / "virtual-mic"
PACKAGES = "pulseaudio pulseaudio-utils libasound2-plugins libportaudio2"


@dataclass
class VirtualMic:
    env: dict[str, str]  # what a client needs on top of os.environ
    runtime: Path  # the private XDG_RUNTIME_DIR of this PulseAudio
    base: dict[str, str]  # the environment the script runs with (minus env)

    @property
    def pid_file(self) -> Path:
        return self.runtime / "pulse" / "pid"

    def stop(self) -> None:
        """Stop the PulseAudio daemon and wait until it is gone: the sound card disappears."""
        pid = int(self.pid_file.read_text().strip() or 0) if self.pid_file.exists() else 0
        subprocess.run(["sh", str(VIRTUAL_MIC), "stop"], env={**self.base, **self.env},
                       capture_output=True, timeout=30)
        for _ in range(30):  # the daemon takes a moment to exit and remove its pid file
            if not self.pid_file.exists():
                break
            time.sleep(0.1)
        if pid and self.pid_file.exists():
            # `pactl exit` did not get through: end the daemon this fixture started.
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)


@contextlib.contextmanager
def running_virtual_mic() -> Iterator[VirtualMic]:
    missing = [tool for tool in ("pulseaudio", "pactl", "paplay") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"virtual microphone unavailable: {', '.join(missing)} not found — install "
                    f"the Debian packages {PACKAGES} (scripts/setup.sh test does it as root)")
    # A private runtime folder: our own PulseAudio, whatever the machine runs. Kept short
    # because a unix socket path is limited to 108 bytes.
    runtime = Path(tempfile.mkdtemp(prefix="repliq-pulse-"))
    env = {"XDG_RUNTIME_DIR": str(runtime)}
    # PULSE_SERVER from the caller's session would send the script's pactl elsewhere.
    base = {k: v for k, v in os.environ.items() if k != "PULSE_SERVER"}
    if not base.get("HOME"):
        # PulseAudio refuses to start with HOME set but empty ("Failed to get the home
        # directory"); unset, it asks the password database like any other program.
        base.pop("HOME", None)
    card = VirtualMic(env, runtime, base)
    try:
        started = subprocess.run(["sh", str(VIRTUAL_MIC), "start"], env={**base, **env},
                                 capture_output=True, text=True, timeout=60)
        if started.returncode != 0:
            pytest.fail(f"virtual microphone did not start (exit {started.returncode}):\n"
                        f"{started.stdout}{started.stderr}\nneeds {PACKAGES}")
        # Named explicitly so that no client falls back to another server or autospawns
        # one, and a failure names the socket it could not reach.
        env["PULSE_SERVER"] = f"unix:{runtime}/pulse/native"
        wait_until_portaudio_hears(env)
        yield card
    finally:
        card.stop()
        shutil.rmtree(runtime, ignore_errors=True)


@pytest.fixture(scope="module")
def virtual_mic() -> Iterator[dict[str, str]]:
    """One virtual card for a whole test module: the environment its clients need."""
    with running_virtual_mic() as card:
        yield card.env


PROBE = ("import sounddevice as sd; "
         "print(sum(d['max_input_channels'] > 0 for d in sd.query_devices()))")


def wait_until_portaudio_hears(env: dict[str, str], seconds: float = 15.0) -> None:
    """Wait until a fresh PortAudio lists an input through the ALSA pulse plugin: a server
    that is slow to accept connections was seen to make PortAudio list nothing for a while,
    and a setup problem must be reported as one, not as a failure of Repliq."""
    deadline = time.monotonic() + seconds
    answer = None
    while time.monotonic() < deadline:
        answer = subprocess.run([sys.executable, "-c", PROBE], env={**os.environ, **env},
                                capture_output=True, text=True, timeout=30)
        if answer.returncode == 0 and answer.stdout.strip() not in ("", "0"):
            return
        time.sleep(0.5)
    info = subprocess.run(["pactl", "info"], env={**os.environ, **env}, capture_output=True,
                          text=True, timeout=30)
    pytest.fail("the virtual microphone runs but PortAudio lists no input (is libasound2-plugins "
                f"installed?)\nprobe: {answer and answer.stdout + answer.stderr}\n"
                f"pactl info: {info.stdout}{info.stderr}")
