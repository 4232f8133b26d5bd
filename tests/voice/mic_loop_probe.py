"""The real voice loop on the default microphone, for tests/voice/test_microphone_loop.py.

Run in a subprocess by the test, with the virtual sound card's environment, because PortAudio
reads the audio setup once, when sounddevice is imported:

    python -m tests.voice.mic_loop_probe [--until student|closed] [--timeout 20]

Prints one JSON object a line on stdout: {"event": "listening"} once the microphone delivers
frames (the moment to speak), then "student", "reply", "closed", "error" as the loop emits
them, and "end" with a summary when the loop has returned. The customer answers every turn
with "Très bien." into a clock sink (no sound card for playback). The loop stops after the
first student turn (--until student), when the source closes, or after --timeout seconds.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from typing import Any

from repliq.voice_session import open_headset
from voice.loop import Reply, StudentTurn, VoiceLoop
from voice.player import ClockSink, Player
from voice.speaker import Utterance
from voice.stt import Transcriber
from voice.tts import VoiceHint


def say(event: str, **data: Any) -> None:
    # One line, flushed: the test reacts to "listening" while the loop runs.
    print(json.dumps({"event": event, "at": round(time.monotonic(), 3), **data},
                     ensure_ascii=False), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--until", choices=("student", "closed"), default="student")
    parser.add_argument("--timeout", type=float, default=20.0)
    args = parser.parse_args()

    transcriber = Transcriber()
    # The application's own way to open the headset (remembered or default devices). Its
    # playback is not used: the virtual microphone hears the virtual speaker, so the
    # customer's voice would come back as the student's; a clock sink plays instead.
    headset = open_headset()
    headset.sink.close()
    source = headset.source
    player = Player()
    sink = ClockSink(player, keep=False)
    heard: list[str] = []
    listening = threading.Event()
    loop: VoiceLoop | None = None

    def respond(turn: StudentTurn) -> Reply:
        heard.append(turn.text)
        say("reply", text="Très bien.")
        return Reply([Utterance("Très bien.", VoiceHint())])

    def on_event(name: str, data: dict[str, Any]) -> None:
        if name == "level" and not listening.is_set():
            listening.set()  # frames arrive: the stream really runs
            say("listening")
        elif name == "student":
            turn: StudentTurn = data["turn"]
            say("student", text=turn.text, timings=turn.timings(),
                speech_end=turn.speech_end, transcript_ready=turn.transcript_ready)
            if args.until == "student" and loop is not None:
                loop.stop()
        elif name in ("closed", "error"):
            say(name, **{k: str(v) for k, v in data.items()})

    loop = VoiceLoop(transcriber, source, player, respond, on_event=on_event)
    timer = threading.Timer(args.timeout, loop.stop)
    timer.daemon = True
    started = time.monotonic()
    sink.start()
    timer.start()
    try:
        loop.run()
    finally:
        timer.cancel()
        sink.close()
    say("end", turns=len(loop.turns), heard=heard, closed_reason=loop.closed_reason,
        seconds=round(time.monotonic() - started, 3))


if __name__ == "__main__":
    main()
