"""Voice (to come): microphone capture, voice activity detection, speech-to-text
(faster-whisper), text-to-speech (pyttsx3) and audio files.

Knows nothing about scenarios.
"""
