"""`repliq voice devices|check` against real PortAudio, on a virtual sound card: a PulseAudio
null sink "vsink" whose monitor is the microphone "vmic" (the `virtual_mic` fixture of
conftest.py). Speech played into vsink is what the command records, through the ALSA
"pulse"/"default" devices of libasound2-plugins. The commands run as subprocesses because
PortAudio reads the audio setup once, when sounddevice is imported."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ..conftest import ROOT
from .conftest import SHARED

SPEECH = SHARED / "speech-fr" / "stp_fr_allume_la_lumiere.wav"


def repliq(*args: str) -> list[str]:
    return [sys.executable, "-m", "repliq", *args]


def command_env(extra: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """The test's environment (isolated data folders from conftest) plus the audio setup;
    remembered devices from the real user's config must not leak in."""
    return {**os.environ, **extra, "PYTHONUNBUFFERED": "1",
            "REPLIQ_CONFIG_DIR": str(tmp_path / "config")}


def test_devices_lists_the_virtual_card(virtual_mic: dict[str, str], tmp_path: Path) -> None:
    result = subprocess.run(repliq("voice", "devices"), env=command_env(virtual_mic, tmp_path),
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    micros, outputs = result.stdout.split("Sorties")
    for table in (micros, outputs):
        assert "pulse" in table or "default" in table
        assert "par défaut" in table


def test_check_records_the_speech_played_into_the_virtual_mic(
        virtual_mic: dict[str, str], tmp_path: Path) -> None:
    env = command_env(virtual_mic, tmp_path)
    process = subprocess.Popen(repliq("voice", "check", "--duree", "4", "--sans-lecture"),
                               env=env, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(180, process.kill)  # a stuck recording must not hang the suite
    watchdog.start()
    try:
        assert process.stdout is not None
        before = []
        for line in process.stdout:
            before.append(line)
            if line.startswith("Parlez"):
                break
        else:
            pytest.fail("never asked to speak:\n" + "".join(before) + process.stderr.read())
        subprocess.run(["paplay", "--device=vsink", str(SPEECH)], env={**os.environ, **env},
                       check=True, timeout=30)
        rest, errors = process.communicate(timeout=170)
    finally:
        watchdog.cancel()
        if process.poll() is None:
            process.kill()
    out = "".join(before) + rest
    assert process.returncode == 0, out + errors
    assert "Traceback" not in errors
    level = next(line for line in out.splitlines() if line.startswith("Niveau :"))
    assert "dBFS" in level and "█" in level
    assert "Verdict :" in out
    recognised = next(line for line in out.splitlines() if line.startswith("Reconnu :"))
    assert "lumière" in recognised.lower()


FAKES = {
    # What `import sounddevice` does when libportaudio2 is not installed.
    "no-portaudio": 'raise OSError("PortAudio library not found")\n',
    # PortAudio present, no sound card at all (a server, a VM, a locked-down school PC).
    "no-card": "class PortAudioError(Exception):\n    pass\n\n\n"
               "class _Default:\n    device = (-1, -1)\n\n\n"
               "default = _Default()\n\n\n"
               "def query_devices(*args, **kwargs):\n    return []\n",
}


@pytest.mark.parametrize(("fake", "message"), [
    ("no-portaudio", "PortAudio est absent (sudo apt-get install libportaudio2)"),
    ("no-card", "aucun périphérique audio détecté"),
])
@pytest.mark.parametrize("command", ["devices", "check"])
def test_no_audio_system_is_a_french_message_not_a_traceback(
        fake: str, message: str, command: str, tmp_path: Path) -> None:
    (tmp_path / "fake").mkdir()
    (tmp_path / "fake" / "sounddevice.py").write_text(FAKES[fake], encoding="utf-8")
    env = command_env({"PYTHONPATH": os.pathsep.join([str(tmp_path / "fake"), str(ROOT)])},
                      tmp_path)
    result = subprocess.run(repliq("voice", command), env=env, cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr and "au clavier" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Parlez" not in result.stdout


def test_unreachable_sound_server_with_real_portaudio(tmp_path: Path) -> None:
    """Real PortAudio and ALSA, the PulseAudio server gone (stopped, crashed, never started):
    on a machine without a sound card this is the "no device" case of CI machines."""
    cards = Path("/proc/asound/cards")
    if cards.exists() and "no soundcards" not in cards.read_text(encoding="utf-8"):
        pytest.skip("this machine has a real sound card: PortAudio would list it")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = command_env({"XDG_RUNTIME_DIR": str(runtime),
                       "PULSE_SERVER": f"unix:{runtime}/absent"}, tmp_path)
    result = subprocess.run(repliq("voice", "check"), env=env, cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "repliq : aucun" in result.stderr and "au clavier" in result.stderr
    assert "Traceback" not in result.stderr
