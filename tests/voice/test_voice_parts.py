"""Speech recognition on real French speech with the real model, its hallucination guards,
speech synthesis with its fallback, and the telephone line."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from voice import tts
from voice.audio import PHONE_RATE, phone_line
from voice.stt import Transcriber, guard

from ..conftest import ROOT

SPEECH = ROOT.parent / "shared" / "speech-fr"


@pytest.fixture(scope="module")
def transcriber() -> Transcriber:
    return Transcriber()


def test_real_french_speech_is_transcribed(transcriber: Transcriber) -> None:
    result = transcriber.transcribe(SPEECH / "stp_fr_allume_la_lumiere.wav")
    assert result.text.lower().strip(" .") == "allume la lumière"
    long = transcriber.transcribe(SPEECH / "fleurs_fr_000.wav").text.lower()
    assert "terrain montagneux" in long and "malveillant" in long


def test_silence_and_noise_give_no_turn(transcriber: Transcriber) -> None:
    assert transcriber.transcribe(np.zeros(16_000 * 3, dtype=np.float32)).text == ""
    noise = np.random.default_rng(0).standard_normal(16_000 * 2) * 0.05
    assert transcriber.transcribe(noise.astype(np.float32)).text == ""


def test_guard_cuts_loops_and_impossible_lengths() -> None:
    assert guard("oui oui oui oui oui oui", 1.0) == "oui"
    assert guard("merci beaucoup merci beaucoup merci beaucoup", 2.0) == "merci beaucoup"
    assert len(guard(" ".join(["mot"] * 2 + ["autre", "chose"] * 40), 1.0).split()) <= 8
    assert guard("...", 1.0) == ""


def test_speech_is_synthesized_and_checked(tmp_path: Path) -> None:
    voice = tts.VoiceHint(gender="femme", rate="moyen")
    speech = tts.synthesize("Bonjour, je vous écoute.", voice, tmp_path / "a.wav")
    assert speech.path.exists() and speech.seconds > 0.5
    assert speech.engine in ("pyttsx3", "espeak-ng")


def test_pyttsx3_failing_silently_falls_back_to_espeak(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def silent(text: str, voice: tts.VoiceHint, target: Path) -> None:
        calls.append(text)  # like pyttsx3's first runAndWait(): no error, no file

    monkeypatch.setattr(tts, "speak_with_pyttsx3", silent)
    voice = tts.VoiceHint(gender="homme", rate="haut", accent="fr-be")
    speech = tts.synthesize("Allô, oui ?", voice, tmp_path / "b.wav")
    assert len(calls) == 2  # retried once
    assert speech.engine == "espeak-ng" and speech.seconds > 0.3


def test_phone_line_keeps_the_voice_band_only() -> None:
    rate = 16_000
    t = np.arange(rate) / rate

    def energy_after(frequency: float) -> float:
        narrow, out_rate = phone_line(np.sin(2 * np.pi * frequency * t), rate, noise=0.0)
        assert out_rate == PHONE_RATE
        return float(np.mean(narrow[800:-800] ** 2))

    voice_band = energy_after(1000)
    assert voice_band > 0.3
    assert energy_after(100) < voice_band / 100  # at least 20 dB down
    assert energy_after(3900) < voice_band / 30


def test_each_persona_gets_its_own_french_voice() -> None:
    from types import SimpleNamespace as Voice

    platform = [Voice(id="roa/fr-be", name="French (Belgium)", languages=["fr-be"],
                      gender="Male"),
                Voice(id="gmw/en", name="English", languages=["en"], gender="Male"),
                Voice(id="roa/fr", name="French (France)", languages=["fr-fr"], gender="Male"),
                Voice(id="Amelie", name="Amélie", languages=["fr_FR"], gender="VoiceGenderFemale")]
    assert tts.choose_voice(platform, tts.VoiceHint(gender="homme", accent="fr")) == "roa/fr"
    assert tts.choose_voice(platform, tts.VoiceHint(accent="fr-be")) == "roa/fr-be"
    assert tts.choose_voice(platform[:3], tts.VoiceHint(gender="femme", accent="fr")) == "roa/fr"
    assert tts.choose_voice(platform[1:2], tts.VoiceHint()) is None  # no French voice at all


def test_a_woman_and_a_man_do_not_sound_the_same(tmp_path: Path) -> None:
    """The persona's gender reaches the real engine: the woman's voice is higher."""
    import soundfile

    def pitch(path: Path) -> float:
        """Median fundamental frequency of the voiced 40 ms frames (autocorrelation)."""
        samples, rate = soundfile.read(str(path), dtype="float32")
        size, low, high = int(0.04 * rate), int(rate / 400), int(rate / 70)
        found = []
        for start in range(0, len(samples) - size, size):
            frame = samples[start:start + size] - samples[start:start + size].mean()
            if np.sqrt(np.mean(frame ** 2)) < 0.02:
                continue
            correlation = np.correlate(frame, frame, "full")[size - 1:]
            lag = low + int(np.argmax(correlation[low:high]))
            if correlation[lag] > 0.3 * correlation[0]:
                found.append(rate / lag)
        return float(np.median(found))

    text = "Bonjour, je vous écoute, que puis-je faire pour vous aujourd'hui ?"
    woman = tts.synthesize(text, tts.VoiceHint(gender="femme"), tmp_path / "f.wav")
    man = tts.synthesize(text, tts.VoiceHint(gender="homme"), tmp_path / "h.wav")
    assert pitch(woman.path) > pitch(man.path) * 1.2
