"""Voice: speech-to-text (faster-whisper `base`, from installed packages, with hallucination
guards), text-to-speech (pyttsx3, checked, with an espeak-ng fallback), the telephone line,
audio files. Knows nothing about scenarios beyond a persona's voice hints.

Still to come (issue 7): streaming capture with voice activity detection, barge-in, the
headless `--audio-script` loop, device commands and the latency benchmarks.
"""
