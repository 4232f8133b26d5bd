"""The French telephone tones: 440 Hz, the right cadence, the right length, no clicks."""

from __future__ import annotations

import numpy as np
import pytest

from voice.tones import hangup, ringback

WINDOW = 0.05  # seconds: the cadence is read from the energy of 50 ms windows


def dominant_frequency(samples: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[int(np.argmax(spectrum))])


def cadence(samples: np.ndarray, rate: int) -> str:
    """One character per 50 ms window: '#' where the tone sounds, '.' where it is silent."""
    size = round(WINDOW * rate)
    windows = samples[: len(samples) // size * size].reshape(-1, size)
    rms = np.sqrt(np.mean(windows.astype(np.float64) ** 2, axis=1))
    return "".join("#" if level > 0.05 else "." for level in rms)


@pytest.mark.parametrize("rate", [8000, 16000])
def test_ringback_is_440_hz_with_the_french_cadence(rate: int) -> None:
    tone = ringback(rings=2, rate=rate)
    assert tone.dtype == np.float32 and tone.ndim == 1
    assert len(tone) == round(7.0 * rate)  # 1.5 on, 3.5 off, 1.5 on, 0.5 tail
    assert dominant_frequency(tone, rate) == pytest.approx(440, abs=1)
    assert cadence(tone, rate) == "#" * 30 + "." * 70 + "#" * 30 + "." * 10
    assert 0.25 <= np.abs(tone).max() <= 0.35


def test_ringback_counts_its_rings() -> None:
    assert len(ringback(rings=1)) == round(2.0 * 8000)
    assert cadence(ringback(rings=3), 8000).count(".#") == 2


def test_hangup_is_three_half_second_bursts() -> None:
    tone = hangup()
    assert tone.dtype == np.float32
    assert len(tone) == 3 * 8000
    assert dominant_frequency(tone, 8000) == pytest.approx(440, abs=1)
    assert cadence(tone, 8000) == ("#" * 10 + "." * 10) * 3


def test_bursts_fade_in_and_out_without_clicks() -> None:
    tone = hangup()
    burst = tone[:4000]
    # The first and last samples are near zero, and no step between samples is larger than
    # the steepest slope of a 440 Hz sine at this amplitude.
    assert abs(burst[0]) < 1e-3 and abs(burst[-1]) < 0.01
    # 440 Hz bursts happen to start and end near a zero crossing anyway: check the envelope
    # itself, quiet in the first and last millisecond, full in the middle.
    assert np.abs(burst[:8]).max() < 0.08 and np.abs(burst[-8:]).max() < 0.08
    assert np.abs(burst[1000:1100]).max() > 0.29
    max_step = 0.3 * 2 * np.pi * 440 / 8000
    assert np.abs(np.diff(tone)).max() <= max_step * 1.01
