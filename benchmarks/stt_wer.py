"""Speech-to-text alone: word error rate, speed and memory of faster-whisper base int8 on
the real French speech set (../shared/speech-fr), for the four ways Repliq can decode a turn:

- ordinary: faster-whisper's `transcribe` (30 s encoder window), no VAD filter;
- ordinary + vocabulary: the same, biased towards the Fidelix phone call's names;
- window: Repliq's fast path, the encoder window sized to the utterance (+ 8 s of silence);
- window + vocabulary.

Vocabulary biasing turns the names into an initial prompt. None of the clips says these
names, so the benchmark also shows whether the biasing costs words on unrelated speech or
makes the names appear where nobody said them.

Run:  .venv/bin/python benchmarks/stt_wer.py [--clips N] [--runs R]

Prints, per configuration, the WER, the real-time factor (decoding time / audio duration,
over all clips and as the median per clip; medians over the runs), then how many clips the
biasing changed with up to 5 examples, the resident memory after loading the model and
the peak resident memory of the process (voice session target < 800 MB).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from speech_set import clips

from voice.stt import Transcriber, load_wav
from voice.wer import errors, normalise, word_error_rate

# The Fidelix phone scenario's company and people, as repliq.voice_session.vocabulary gives.
VOCABULARY = ["Fidelix", "Benali", "Martin"]
EXAMPLES = 5

Decode = Callable[[Transcriber, np.ndarray], str]


@dataclass
class Config:
    name: str
    decode: Decode
    # From the first run: later runs only retime (CTranslate2's multithreaded decoding can
    # flip a word from one process to the next, not the figures that matter here).
    texts: list[str] = field(default_factory=list)
    times: list[list[float]] = field(default_factory=list)  # per run, per clip, seconds


CONFIGS = [
    Config("ordinaire", lambda t, s: t.transcribe(s, vad=False).text),
    Config("ordinaire + vocabulaire",
           lambda t, s: t.transcribe(s, VOCABULARY, vad=False).text),
    Config("fenêtre", lambda t, s: t.transcribe_window(s).text),
    Config("fenêtre + vocabulaire", lambda t, s: t.transcribe_window(s, VOCABULARY).text),
]
PAIRS = [(0, 1), (2, 3)]  # (without, with) vocabulary


def rss_now_mb() -> float:
    """Current resident memory (ru_maxrss is only the peak)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def leaked(reference: str, hypothesis: str) -> list[str]:
    """Vocabulary names in the hypothesis that the speaker did not say."""
    said = set(normalise(reference))
    return [n for n in VOCABULARY if n.lower() in normalise(hypothesis)
            and n.lower() not in said]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clips", type=int, default=None, help="moins d'extraits (défaut : tous)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    chosen = clips(args.clips)
    audio = [load_wav(c.path) for c in chosen]
    total = sum(len(s) for s in audio) / 16_000

    started = time.perf_counter()
    transcriber = Transcriber()
    loaded = time.perf_counter() - started
    print(f"modèle chargé en {loaded:.2f} s ; mémoire résidente après chargement "
          f"{rss_now_mb():.0f} Mo (pic {peak_mb():.0f} Mo)")
    print(f"{len(chosen)} extraits, {total:.0f} s de parole ; vocabulaire {VOCABULARY} ; "
          f"{args.runs} run(s)\n")
    # The first decodings pay for allocations and caches: warm each path up outside the timing.
    for config in CONFIGS:
        config.decode(transcriber, audio[0])

    for run in range(args.runs):
        for config in CONFIGS:
            times = []
            for samples in audio:
                begin = time.perf_counter()
                text = config.decode(transcriber, samples)
                times.append(time.perf_counter() - begin)
                if run == 0:
                    config.texts.append(text)
            config.times.append(times)

    durations = [len(s) / 16_000 for s in audio]
    print(f"{'configuration':<24} {'WER':>6} {'RTF total':>10} {'RTF médian':>11} "
          f"{'noms ajoutés':>13}")
    for config in CONFIGS:
        wer = word_error_rate([(c.transcript, t) for c, t in zip(chosen, config.texts,
                                                                  strict=True)])
        rtf_total = statistics.median(sum(times) / total for times in config.times)
        per_clip = [statistics.median(run[i] for run in config.times) / durations[i]
                    for i in range(len(chosen))]
        names = sum(bool(leaked(c.transcript, t)) for c, t in zip(chosen, config.texts,
                                                                  strict=True))
        print(f"{config.name:<24} {wer:>6.3f} {rtf_total:>10.3f} "
              f"{statistics.median(per_clip):>11.3f} {names:>13}")

    for without, with_ in PAIRS:
        plain, biased = CONFIGS[without], CONFIGS[with_]
        changed = [i for i in range(len(chosen)) if plain.texts[i] != biased.texts[i]]
        # Case and punctuation do not count in the WER: show the changes of words first,
        # and first of all a name the speaker did not say.
        in_words = [i for i in changed
                    if normalise(plain.texts[i]) != normalise(biased.texts[i])]
        names = [i for i in in_words if leaked(chosen[i].transcript, biased.texts[i])]
        print(f"\n{biased.name} : le vocabulaire change le texte de {len(changed)} "
              f"extrait(s) sur {len(chosen)}, les mots de {len(in_words)}, "
              f"y fait entendre un nom non prononcé dans {len(names)}")
        shown = names + [i for i in in_words if i not in names] + \
            [i for i in changed if i not in in_words]
        for i in shown[:EXAMPLES]:
            ref = chosen[i].transcript
            before, after = errors(ref, plain.texts[i])[0], errors(ref, biased.texts[i])[0]
            print(f"  {chosen[i].path.name} (erreurs {before} → {after})\n"
                  f"    référence : {ref}\n"
                  f"    sans      : {plain.texts[i]}\n"
                  f"    avec      : {biased.texts[i]}")

    print(f"\nmémoire résidente maximale : {peak_mb():.0f} Mo (objectif < 800 Mo)")
    print("\nreproduire : .venv/bin/python benchmarks/stt_wer.py"
          + (f" --clips {args.clips}" if args.clips else "") + f" --runs {args.runs}")


if __name__ == "__main__":
    main()
