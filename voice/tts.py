"""Text-to-speech with pyttsx3 (SAPI5 on Windows, NSSpeech on macOS, espeak-ng on Linux),
one voice per persona. pyttsx3's first runAndWait() can silently produce nothing and its
say() swallows errors on Linux: every file is checked, retried, and espeak-ng is called
directly when pyttsx3 still fails. `engine` says which one spoke."""

from __future__ import annotations

import contextlib
import io
import logging
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

from .spoken import spoken

log = logging.getLogger(__name__)
RATES = {"bas": 150, "moyen": 175, "haut": 205}  # words per minute
PITCHES = {"bas": 35, "moyen": 50, "haut": 65}  # espeak-ng's 0–99 scale


@dataclass(frozen=True)
class VoiceHint:
    """How a persona should sound, in the scenario's words (voice/ knows no scenario)."""

    gender: str = "femme"  # "femme" or "homme"
    rate: str = "moyen"  # "bas", "moyen", "haut"
    pitch: str = "moyen"
    accent: str = "fr"  # fr, fr-be, fr-ch, fr-ca


class SpeechUnavailable(RuntimeError):
    """No synthesis engine works; the message says what to install."""


@dataclass
class Speech:
    path: Path
    engine: str  # "pyttsx3" or "espeak-ng"
    seconds: float


def _duration(path: Path) -> float:
    try:
        with wave.open(str(path), "rb") as wav:
            return wav.getnframes() / float(wav.getframerate())
    except (wave.Error, EOFError, OSError):
        return 0.0


def _espeak_variant(voice: VoiceHint) -> str:
    """espeak-ng has one voice per language; gender is one of its variants."""
    return "+f3" if voice.gender == "femme" else "+m3"


def _espeak_voice(voice: VoiceHint) -> str:
    return f"{voice.accent}{_espeak_variant(voice)}"


def speak_with_pyttsx3(text: str, voice: VoiceHint, target: Path) -> None:
    import pyttsx3

    # pyttsx3's espeak driver prints "Audio saved to …" on stdout, which would corrupt
    # `repliq run --json` and the terminal UI.
    with contextlib.redirect_stdout(io.StringIO()):
        _pyttsx3_to_file(pyttsx3, text, voice, target)


def _pyttsx3_to_file(pyttsx3, text: str, voice: VoiceHint,  # type: ignore[no-untyped-def]
                     target: Path) -> None:
    engine = pyttsx3.init()
    try:
        engine.setProperty("rate", RATES[voice.rate])
        chosen = choose_voice(engine.getProperty("voices"), voice)
        if chosen is not None:
            if "espeak" in type(engine.proxy._driver).__module__:
                chosen = f"{chosen}{_espeak_variant(voice)}"
            engine.setProperty("voice", chosen)
        engine.save_to_file(text, str(target))
        engine.runAndWait()
    finally:
        engine.stop()


def choose_voice(voices: list, voice: VoiceHint) -> str | None:  # type: ignore[type-arg]
    """The platform voice for a persona: the exact French variant (fr, fr-be, fr-ch) before
    any French voice, the persona's gender first (SAPI5 and NSSpeech voices have one)."""
    def languages(candidate) -> list[str]:  # type: ignore[no-untyped-def]
        return [str(x).lower() for x in (getattr(candidate, "languages", None) or [])]

    def rank(candidate) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        ident = str(candidate.id).lower()
        langs = languages(candidate)
        wanted = voice.accent.lower()
        if wanted in langs or (wanted == "fr" and "fr-fr" in langs) or \
                ident.endswith(("/" + wanted, "\\" + wanted)):
            place = 0
        elif any(lang.startswith("fr") for lang in langs) or "french" in \
                f"{ident} {candidate.name}".lower():
            place = 1
        else:
            return (9, 9)
        # pyttsx3 says "Female"/"Male" (SAPI5, espeak) or "VoiceGenderFemale" (NSSpeech).
        gender = str(getattr(candidate, "gender", "") or "").lower().replace("voicegender", "")
        wanted_gender = "female" if voice.gender == "femme" else "male"
        return place, 0 if gender == wanted_gender else 1

    ranked = sorted(voices, key=rank)
    return str(ranked[0].id) if ranked and rank(ranked[0])[0] < 9 else None


def speak_with_espeak(text: str, voice: VoiceHint, target: Path) -> None:
    program = shutil.which("espeak-ng") or shutil.which("espeak")
    if program is None:
        raise SpeechUnavailable("aucun moteur de synthèse vocale : installez espeak-ng "
                                "(sudo apt-get install espeak-ng)")
    subprocess.run([program, "-v", _espeak_voice(voice), "-s", str(RATES[voice.rate]),
                    "-p", str(PITCHES[voice.pitch]), "-w", str(target), text],
                   check=True, capture_output=True, timeout=60)


def synthesize(text: str, voice: VoiceHint, target: Path | None = None,
               prefer_pyttsx3: bool = True) -> Speech:
    """Speak `text` into a WAV file; the result is checked, never assumed. Times, amounts and
    abbreviations are spelled out first (voice/spoken.py), for every engine alike."""
    text = spoken(text)
    if target is None:
        target = Path(tempfile.mkstemp(suffix=".wav", prefix="repliq-")[1])
    attempts = [("pyttsx3", speak_with_pyttsx3)] * 2 if prefer_pyttsx3 else []
    attempts.append(("espeak-ng", speak_with_espeak))
    errors = []
    for name, attempt in attempts:
        try:
            target.unlink(missing_ok=True)
            attempt(text, voice, target)
        except SpeechUnavailable:
            raise
        except Exception as error:  # pyttsx3 fails in many platform-specific ways
            errors.append(f"{name} : {error}")
            log.info("synthèse %s en échec : %s", name, error)
            continue
        seconds = _duration(target)
        if seconds > 0:
            return Speech(target, name, seconds)
        errors.append(f"{name} : fichier vide")
    raise SpeechUnavailable("la synthèse vocale a échoué (" + " ; ".join(errors) + ")")
