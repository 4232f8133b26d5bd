"""Voice: speech-to-text (faster-whisper `base`, from installed packages, with hallucination
guards), text-to-speech (pyttsx3, checked, with an espeak-ng fallback), the telephone line,
audio files. Knows nothing about scenarios beyond a persona's voice hints.

Still to come (issue 7): streaming capture with voice activity detection, barge-in, the
headless `--audio-script` loop, device commands and the latency benchmarks.
"""

import logging

# A library's convention: faults of the audio threads are logged (with their traceback) for
# the application to route (the TUI writes them to its log file); with no handler set up,
# Python's last-resort handler would print them on the student's screen.
logging.getLogger(__name__).addHandler(logging.NullHandler())
