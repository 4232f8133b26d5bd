"""French telephone tones (mono float32): the ringback heard while the customer's phone rings,
and the busy tone heard when the customer hangs up. Both are 440 Hz in France, which
is what makes a phone drill sound like a French line rather than an American one."""

from __future__ import annotations

import numpy as np

FREQUENCY = 440.0
AMPLITUDE = 0.3
FADE = 0.005  # seconds: a burst that starts or stops at full amplitude clicks

RING_ON, RING_OFF = 1.5, 3.5  # "tonalité de retour d'appel"
RING_TAIL = 0.5  # after the last ring: enough to hear it end, not a full 3.5 s wait
BUSY_ON, BUSY_OFF, BUSY_BURSTS = 0.5, 0.5, 3  # "tonalité d'occupation", also on hang-up


def _burst(seconds: float, rate: int) -> np.ndarray:
    count = round(seconds * rate)
    t = np.arange(count) / rate
    tone = AMPLITUDE * np.sin(2 * np.pi * FREQUENCY * t)
    ramp = min(round(FADE * rate), count // 2)
    if ramp:
        envelope = np.linspace(0.0, 1.0, ramp, endpoint=False)
        tone[:ramp] *= envelope
        tone[count - ramp:] *= envelope[::-1]
    return tone.astype(np.float32)


def _silence(seconds: float, rate: int) -> np.ndarray:
    return np.zeros(round(seconds * rate), dtype=np.float32)


def ringback(rings: int = 2, rate: int = 8000) -> np.ndarray:
    """`rings` rings of 1.5 s separated by 3.5 s of silence, then a short gap."""
    parts: list[np.ndarray] = []
    for ring in range(rings):
        if ring:
            parts.append(_silence(RING_OFF, rate))
        parts.append(_burst(RING_ON, rate))
    parts.append(_silence(RING_TAIL, rate))
    return np.concatenate(parts)


def hangup(rate: int = 8000) -> np.ndarray:
    """Three bursts of 0.5 s, each followed by 0.5 s of silence."""
    parts: list[np.ndarray] = []
    for _ in range(BUSY_BURSTS):
        parts += [_burst(BUSY_ON, rate), _silence(BUSY_OFF, rate)]
    return np.concatenate(parts)
