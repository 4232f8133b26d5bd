"""Voice latency: from the end of the student's speech to the first sample of the
customer's voice, for Repliq's loop and for the naive pipeline, in the same run.

Real human French speech (../shared/speech-fr, with transcripts) is streamed at real-time
pace, one clip per student turn, through the whole loop with the real models: Silero VAD →
turn-taking → faster-whisper base int8 → the customer engine (the Fidelix phone call) →
synthesis → player (a real-time clock instead of a sound card). The end of speech is the
same for both pipelines: where Silero, run over the whole clip, last hears speech. The
naive pipeline waits for 700 ms of silence, transcribes the utterance with faster-whisper's
ordinary 30 s window, synthesises the whole reply and plays it.

Run:  .venv/bin/python benchmarks/voice_latency.py [--clips 20 | --all] [--runs 3] [--etapes]

Prints, per run and as medians over the runs, p50 / p95 of the latency for each pipeline,
the ratio of the p50s (target ≤ 0.4), the word error rate of each (target: Repliq at most
0.02 above naive) and the peak resident memory (target < 800 MB). --etapes also measures
the naive pipeline with each of Repliq's levers added one at a time.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from dataclasses import dataclass

from speech_set import Clip, clips, percentile

from bot.engine import start_conversation
from repliq.rehearsal import Rehearsal
from repliq.voice_session import VoiceRehearsal
from scenarios.catalog import find
from scenarios.validate import load_scenario
from voice.endpoint import TurnTaking
from voice.loop import Strategy, naive_strategy, repliq_strategy
from voice.player import ClockSink, Player
from voice.source import WavSource
from voice.stt import Transcriber, load_wav
from voice.vad import speech_end
from voice.wer import word_error_rate

SCENARIO = "tel-prospection-fidelix"
GAP = 1.2  # seconds of silence after each clip (the student waits for the answer)


@dataclass
class Result:
    latencies: list[float]
    wer: float
    missed: int  # clips that got no reply (no text recognised, or the call had ended)


def play(strategy: Strategy, chosen: list[Clip], transcriber: Transcriber,
         ends: dict[str, float], detail: bool = False) -> Result:
    latencies: list[float] = []
    pairs: list[tuple[str, str]] = []
    remaining = list(chosen)
    seed = 0
    while remaining:
        # The customer may hang up on a student who talks about the weather: call again.
        scenario = load_scenario(find(SCENARIO))
        voice = VoiceRehearsal(Rehearsal(start_conversation(scenario, seed=seed)))
        seed += 1
        player = Player()
        sink = ClockSink(player, keep=False)
        sink.start()
        source = WavSource([c.path for c in remaining], gap=GAP)
        loop = voice.loop(transcriber, source, player, strategy, hurry=True)
        loop.run(voice.opening())
        sink.close()
        played = len(source.turn_started)
        for index, clip in enumerate(remaining[:played]):
            begin = source.turn_started[index]
            until = begin + clip.duration + GAP + 0.5
            inside = [t for t in loop.turns if begin <= t.speech_end < until]
            pairs.append((clip.transcript, " ".join(t.text for t in inside)))
            answered = [t for t in inside if t.first_audio is not None]
            latency = None
            if answered:
                latency = answered[-1].first_audio - (begin + ends[clip.path.name])
                latencies.append(latency)
            if detail:
                shown = "—" if latency is None else f"{latency:.3f} s"
                print(f"    {clip.path.name:<48} {shown:>8}  {len(inside)} tour(s) : "
                      + " | ".join(t.text for t in inside))
        remaining = remaining[played:] if loop.turns and voice.rehearsal.ended else []
    missed = len(chosen) - len(latencies)
    return Result(latencies, word_error_rate(pairs), missed)


def steps() -> list[Strategy]:
    """The naive pipeline, then Repliq's levers added one at a time (docs/decisions/0002)."""
    slow_end = TurnTaking(end_silence=0.7, quick_silence=0.7)
    return [
        naive_strategy(),
        Strategy("+fenêtre", slow_end, speculative=False, windowed=True, stream_speech=False,
                 partials=False),
        Strategy("+pause", TurnTaking(), speculative=True, windowed=True,
                 stream_speech=False, partials=False),
        Strategy("+phrases", TurnTaking(), speculative=True, windowed=True,
                 stream_speech=True, partials=False),
        repliq_strategy(),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clips", type=int, default=20)
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--detail", action="store_true", help="chaque extrait et son texte")
    parser.add_argument("--etapes", action="store_true",
                        help="mesurer aussi chaque levier ajouté un à un")
    args = parser.parse_args()
    chosen = clips(None if args.all else args.clips)
    started = time.perf_counter()
    transcriber = Transcriber()
    print(f"modèle chargé en {time.perf_counter() - started:.2f} s ; "
          f"{len(chosen)} extraits, {sum(c.duration for c in chosen):.0f} s de parole")
    ends = {c.path.name: speech_end(load_wav(c.path)) or c.duration for c in chosen}
    strategies = steps() if args.etapes else [naive_strategy(), repliq_strategy()]
    summary: dict[str, list[tuple[float, float, float]]] = {s.name: [] for s in strategies}
    for run in range(1, args.runs + 1):
        for strategy in strategies:
            result = play(strategy, chosen, transcriber, ends, args.detail)
            p50 = statistics.median(result.latencies)
            p95 = percentile(result.latencies, 0.95)
            summary[strategy.name].append((p50, p95, result.wer))
            print(f"run {run} {strategy.name:>8}: p50 {p50:.3f} s  p95 {p95:.3f} s  "
                  f"WER {result.wer:.3f}  ({len(result.latencies)} réponses, "
                  f"{result.missed} sans réponse)", flush=True)
    print("\nmédianes sur les runs :")
    medians = {}
    for name, rows in summary.items():
        medians[name] = [statistics.median(column) for column in zip(*rows, strict=True)]
        p50, p95, wer = medians[name]
        print(f"  {name:>8}: p50 {p50:.3f} s  p95 {p95:.3f} s  WER {wer:.3f}")
    ratio = medians["repliq"][0] / medians["naive"][0]
    print(f"  rapport p50 repliq / naïf : {ratio:.2f} (objectif ≤ 0.40)")
    print(f"  écart de WER : {medians['repliq'][2] - medians['naive'][2]:+.3f} "
          "(objectif ≤ +0.02)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  mémoire résidente maximale : {peak:.0f} Mo (objectif < 800 Mo)")
    print("\nreproduire : .venv/bin/python benchmarks/voice_latency.py "
          + ("--all" if args.all else f"--clips {args.clips}") + f" --runs {args.runs}"
          + (" --etapes" if args.etapes else ""))


if __name__ == "__main__":
    main()
