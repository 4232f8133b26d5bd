"""Voice activity detection with the Silero model shipped in faster-whisper (ONNX, offline),
run frame by frame: 512 samples (32 ms at 16 kHz) in, a speech probability out. The model
keeps a recurrent state and 64 samples of context between frames, which faster-whisper's
own wrapper only does within one call on a whole file."""

from __future__ import annotations

import numpy as np

SAMPLE_RATE = 16_000
FRAME = 512  # Silero's frame at 16 kHz
FRAME_SECONDS = FRAME / SAMPLE_RATE
CONTEXT = 64


class StreamingVad:
    def __init__(self) -> None:
        from faster_whisper.vad import get_vad_model

        # One ONNX session per process (lru_cached by faster-whisper); the state is ours.
        self.session = get_vad_model().session
        self.reset()

    def reset(self) -> None:
        self.h = np.zeros((1, 1, 128), dtype=np.float32)
        self.c = np.zeros((1, 1, 128), dtype=np.float32)
        self.context = np.zeros(CONTEXT, dtype=np.float32)

    def __call__(self, frame: np.ndarray) -> float:
        """Probability that this 32 ms frame is speech."""
        if len(frame) != FRAME:
            raise ValueError(f"a VAD frame holds {FRAME} samples, not {len(frame)}")
        batch = np.concatenate([self.context, frame.astype(np.float32)])[None, :]
        output, self.h, self.c = self.session.run(
            None, {"input": batch, "h": self.h, "c": self.c})
        self.context = frame[-CONTEXT:].astype(np.float32)
        return float(np.asarray(output).reshape(-1)[0])


def frames(samples: np.ndarray) -> list[np.ndarray]:
    """The signal cut into whole VAD frames, the last one padded with silence."""
    padded = np.pad(samples.astype(np.float32), (0, (-len(samples)) % FRAME))
    return list(padded.reshape(-1, FRAME))


def speech_end(samples: np.ndarray, threshold: float = 0.5) -> float | None:
    """Where the last speech in a recording ends (seconds), from the same model run over the
    whole file: the reference point for measuring the reply's latency."""
    vad = StreamingVad()
    last = None
    for index, frame in enumerate(frames(samples)):
        if vad(frame) >= threshold:
            last = (index + 1) * FRAME_SECONDS
    return last
