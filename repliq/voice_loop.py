"""The voice turn, headless: a WAV file is the student's turn, recognised, answered by the
customer, and the answer spoken into a WAV file. Timings are measured from the start of the
turn's audio, as if it had been streamed at real-time pace: speech_end is the end of the
clip, transcript_ready when the text is known, first_audio when the reply's audio exists.

This is the simple pipeline (wait for the end, transcribe everything, synthesise the whole
reply): the streaming loop with voice activity detection and barge-in is still to come."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from scenarios.vocabulary import Channel
from voice.audio import phone_line, write_wav
from voice.stt import SAMPLE_RATE, Transcriber, load_wav
from voice.tts import synthesize

from .rehearsal import Rehearsal


def audio_files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.glob("*.wav")) if path.is_dir() else [path])
    return found


def vocabulary(rehearsal: Rehearsal) -> list[str]:
    """Names Whisper cannot guess: the company, the people, the product words."""
    s = rehearsal.scenario
    return [s.brief.company.name, *(sp.last_name for sp in s.speakers)]


def speak(rehearsal: Rehearsal, turn: dict[str, Any], out: Path | None, index: int) -> float:
    """The customer's turn into a WAV (telephone sound for phone scenarios); seconds spent."""
    started = time.perf_counter()
    speaker = rehearsal.scenario.speaker(turn["who"])
    target = (out / f"client-{index:02d}.wav") if out else None
    speech = synthesize(turn["text"], speaker.voice, target)
    if rehearsal.scenario.channel == Channel.TELEPHONE:
        import soundfile

        samples, rate = soundfile.read(str(speech.path), dtype="float32")
        narrow, phone_rate = phone_line(samples, rate)
        write_wav(speech.path, narrow, phone_rate)
    turn["audio"] = str(speech.path)
    turn["tts_engine"] = speech.engine
    return time.perf_counter() - started


def play(rehearsal: Rehearsal, files: list[Path], transcriber: Transcriber,
         out: Path | None = None) -> None:
    """Play each file as a student turn through recognition, the customer and synthesis."""
    if out:
        out.mkdir(parents=True, exist_ok=True)
    spoken = 0
    opening = rehearsal.open()
    if opening:
        spoken += 1
        speak(rehearsal, opening, out, spoken)
    words = vocabulary(rehearsal)
    for path in files:
        if rehearsal.ended:
            break
        samples = load_wav(path)
        speech_end = len(samples) / SAMPLE_RATE
        started = time.perf_counter()
        text = transcriber.transcribe(samples, words).text
        transcript_ready = speech_end + time.perf_counter() - started
        if not text:
            continue  # silence or noise: no turn, as on a real line
        student, reply = rehearsal.say(text)
        first_audio = None
        if reply:
            spoken += 1
            speak(rehearsal, reply, out, spoken)
            first_audio = speech_end + time.perf_counter() - started
        student["asr_text"] = text
        student["audio_in"] = str(path)
        student["timings"] = {"speech_end": round(speech_end, 3),
                              "transcript_ready": round(transcript_ready, 3),
                              "first_audio": None if first_audio is None
                              else round(first_audio, 3)}
