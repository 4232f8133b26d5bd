"""Audio helpers: WAV writing and the telephone line (300–3400 Hz band, 8 kHz, light noise)
that makes a phone scenario sound like a phone."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

PHONE_RATE = 8_000
PHONE_BAND = (300.0, 3400.0)
# The widest real conversion is 8 kHz telephone audio to a 384 kHz sound card (48x). A
# forged 1 Hz rate would make resample_poly build a 16,000x longer signal (and a filter of
# 320,001 taps): tens of GB for a few seconds of audio.
MAX_RATIO = 48


def write_wav(path: Path, samples: np.ndarray, rate: int) -> Path:
    clipped = np.clip(samples, -1.0, 1.0)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes((clipped * 32767).astype("<i2").tobytes())
    return path


def resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    """The signal at `target` Hz (polyphase filter), float32. Absurd rates are refused
    (AudioInputError) rather than allowed to exhaust the memory."""
    if rate <= 0 or target <= 0 or max(rate / target, target / rate) > MAX_RATIO:
        from .wavcheck import AudioInputError

        raise AudioInputError(f"conversion de {rate} Hz à {target} Hz refusée — attendu : "
                              f"un rapport d'au plus {MAX_RATIO} entre les deux fréquences")
    if rate == target:
        return samples.astype(np.float32, copy=False)
    from scipy.signal import resample_poly

    divisor = np.gcd(rate, target)
    return resample_poly(samples, target // divisor, rate // divisor).astype(np.float32)


def phone_line(samples: np.ndarray, rate: int, noise: float = 0.003,
               seed: int = 0) -> tuple[np.ndarray, int]:
    """The signal as a telephone carries it: band-passed to 300–3400 Hz, resampled to 8 kHz,
    with a little line noise (deterministic for a given seed)."""
    from scipy.signal import butter, sosfiltfilt

    band = butter(6, PHONE_BAND, btype="bandpass", fs=rate, output="sos")
    filtered = sosfiltfilt(band, samples.astype(np.float64))
    narrow = resample(filtered, rate, PHONE_RATE)
    hiss = np.random.default_rng(seed).standard_normal(len(narrow)) * noise
    return (narrow + hiss).astype(np.float32), PHONE_RATE
