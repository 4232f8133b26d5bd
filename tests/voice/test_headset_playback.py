"""The customer's voice really reaches the sound card, and really stops on a barge-in: the
player and its PortAudio output stream (DeviceSink), opened the way the application opens
the headset, play into the virtual card's speaker, whose monitor is the virtual microphone.
Run in a subprocess: PortAudio reads the audio setup when sounddevice is imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from ..conftest import ROOT

SCRIPT = """
import json, threading, time
import numpy as np
from repliq.voice_session import open_headset
from voice import devices

headset = open_headset()          # the remembered or default microphone and headset
headset.source.close()            # only the earphones are tested here
headset.sink.start()
time.sleep(1.0)                   # in a session the earphones are open long before a reply
recorded = {}
recording = threading.Thread(target=lambda: recorded.update(audio=devices.record(5.0)))
recording.start()
time.sleep(0.5)
heard_at = []
headset.player.on_start = heard_at.append
tone = 0.3 * np.sin(2 * np.pi * 440 * np.arange(4 * 8000) / 8000)   # a 4 s phone reply
started = time.monotonic()
headset.player.play(tone.astype(np.float32), 8000)
while not heard_at and time.monotonic() - started < 3:
    time.sleep(0.01)
time.sleep(1.0)
headset.player.stop()             # the student talks over the customer
recording.join()
headset.sink.close()
audio = recorded["audio"]
spectrum = np.abs(np.fft.rfft(audio))
freqs = np.fft.rfftfreq(len(audio), 1 / 16000)
window = 800                      # 50 ms
energy = [float(np.sqrt(np.mean(audio[i:i + window] ** 2)))
          for i in range(0, len(audio) - window, window)]
loud = [i for i, e in enumerate(energy) if e > 0.1 * max(energy)]
print(json.dumps({"peak_hz": float(freqs[np.argmax(spectrum)]),
                  "tone_seconds": (loud[-1] - loud[0] + 1) * 0.05 if loud else 0.0,
                  "first_sample_after": heard_at[0] - started if heard_at else None}))
"""


def test_the_customer_is_heard_and_silenced_through_the_sound_card(
        virtual_mic: dict[str, str]) -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={**os.environ, **virtual_mic})
    assert result.returncode == 0, result.stderr
    heard = json.loads(result.stdout.strip().splitlines()[-1])
    assert abs(heard["peak_hz"] - 440) < 5  # the customer's "voice" came out
    assert heard["first_sample_after"] is not None
    # Stopped one second in: the sound card's own buffer is dropped too, the remaining
    # three seconds of the reply are never heard.
    assert 0.7 <= heard["tone_seconds"] <= 1.0 + 0.2, heard
