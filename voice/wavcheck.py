"""The student's audio files are checked from their header before anything plays: a file
that is not sound, is cut short, or whose header is absurd is refused with one French line
naming the file, what is wrong and what was expected. Only the header is read
(soundfile.info), so checking a forged 2 GB header costs nothing.

The limits are also what the rest of voice/ can rely on: the loader and the resampler
refuse rates outside them (defence in depth, for audio that does not come through here)."""

from __future__ import annotations

import re
from pathlib import Path

# Telephone audio (8 kHz) to studio recordings (192 kHz): every real recorder is in between.
# A 1 Hz header asks the 16 kHz conversion for 16,000 samples per sample (tens of GB).
MIN_RATE = 8_000
MAX_RATE = 192_000
# A headset records 1 or 2 channels, a microphone array up to 8. libsndfile accepts up to
# 1024: more than 8 is a multitrack session or a forged header, not a student's turn.
MAX_CHANNELS = 8
# Two minutes per file, each file being one student turn. A turn in an E4 negotiation or a
# call (an argument, a reformulation) takes well under a minute; a longer file is almost
# always a whole recorded conversation given by mistake. Files are played in real time, so
# the limit also bounds how long one file holds the run, and the memory of one decoded turn
# (at most 120 s x 192 kHz mono float32 = 92 MB before conversion to 16 kHz).
MAX_TURN_SECONDS = 120.0
# WAV writers that stream (arecord, ffmpeg to a pipe) cannot know the length and leave a
# placeholder near 4 GB in the header: that is "unknown length", not a truncated file.
UNKNOWN_LENGTH = 0x7FFF_0000

EXPECTED_WAV = "un enregistrement WAV (16 kHz mono conseillé)"


class AudioInputError(ValueError):
    """An audio file or signal Repliq refuses; `str()` is the one-line French explanation."""


def _number(value: float) -> str:
    """French thousands: 192 000."""
    return f"{value:,.0f}".replace(",", " ")


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{seconds:.1f} s".replace(".", ",")


def check_rate(rate: float, what: str) -> None:
    """Refuse a sample rate outside MIN_RATE–MAX_RATE; `what` names the audio in French."""
    if not MIN_RATE <= rate <= MAX_RATE:
        raise AudioInputError(
            f"{what} : fréquence d'échantillonnage de {_number(rate)} Hz — attendu : entre "
            f"{_number(MIN_RATE)} et {_number(MAX_RATE)} Hz (16 000 Hz conseillé)")


def _declared_data(extra_info: str) -> tuple[int, int] | None:
    """(bytes the WAV header declares, bytes actually in the file) when libsndfile found
    fewer than declared: its log reads `data : 32000 (should be 15978)`."""
    match = re.search(r"^data\s*:\s*(\d+)\s*\(should be (\d+)\)", extra_info, re.MULTILINE)
    return (int(match.group(1)), int(match.group(2))) if match else None


def check_wav(path: Path, max_seconds: float = MAX_TURN_SECONDS) -> None:
    """Raise AudioInputError unless `path` is a sound file Repliq can play as one turn."""
    import soundfile

    if not path.exists():
        raise AudioInputError(f"{path} : fichier introuvable — attendu : {EXPECTED_WAV}")
    if not path.is_file():  # a FIFO or a device would block the header read forever
        raise AudioInputError(f"{path} : ce n'est pas un fichier ordinaire — attendu : "
                              f"{EXPECTED_WAV}")
    if path.stat().st_size == 0:
        raise AudioInputError(f"{path} : fichier vide (0 octet) — attendu : {EXPECTED_WAV}")
    try:
        info = soundfile.info(str(path))
    except soundfile.LibsndfileError as error:
        problem, expected = _unreadable(error)
        raise AudioInputError(f"{path} : {problem} — attendu : {expected}") from None
    except (OSError, RuntimeError) as error:
        raise AudioInputError(f"{path} : impossible à lire ({error}) — attendu : "
                              f"{EXPECTED_WAV}") from None
    check_rate(info.samplerate, str(path))
    if not 1 <= info.channels <= MAX_CHANNELS:
        raise AudioInputError(f"{path} : {info.channels} canaux annoncés — attendu : 1 (mono) "
                              f"à {MAX_CHANNELS} canaux")
    if info.frames <= 0:
        raise AudioInputError(f"{path} : fichier vide, aucun son — attendu : "
                              "l'enregistrement d'une réplique")
    truncated = _declared_data(info.extra_info)
    if truncated and truncated[1] < truncated[0] < UNKNOWN_LENGTH:
        declared, present = truncated
        raise AudioInputError(
            f"{path} : fichier tronqué (l'en-tête annonce {_number(declared)} octets de son, "
            f"le fichier n'en contient que {_number(present)}) — attendu : un enregistrement "
            "WAV complet (copiez-le à nouveau)")
    seconds = info.frames / info.samplerate
    if seconds > max_seconds:
        raise AudioInputError(
            f"{path} : {_duration(seconds)} d'audio — attendu : {_duration(max_seconds)} au "
            "plus par fichier (un fichier par réplique)")


def _unreadable(error: Exception) -> tuple[str, str]:
    """libsndfile's reason in French, and what was expected. Its public codes: 1 unrecognised
    format, 2 system error, 3 malformed file; others are internal, known by their text."""
    code = getattr(error, "code", None)
    text = str(getattr(error, "error_string", error))
    channels = f"1 (mono) à {MAX_CHANNELS} canaux"
    if code == 1:
        return "ce n'est pas un fichier son (format non reconnu)", EXPECTED_WAV
    if code == 2:
        return f"impossible à lire ({text})", "un fichier lisible par votre compte"
    if "channel" in text.lower():
        zero = "zero" in text.lower()
        return ("l'en-tête annonce 0 canal" if zero else "nombre de canaux invalide dans "
                "l'en-tête"), channels
    return "fichier son abîmé ou tronqué (en-tête incomplet)", EXPECTED_WAV
