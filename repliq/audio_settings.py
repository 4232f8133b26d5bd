"""The headset the student chose with `repliq voice check --memoriser`, remembered between
launches in `audio.json` of the config folder. Device *names* are kept rather than indexes:
PortAudio renumbers devices whenever a headset is plugged in or out."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .settings import config_dir

FILE_NAME = "audio.json"


@dataclass(frozen=True)
class AudioSettings:
    input: str | None = None
    output: str | None = None


def audio_settings_path() -> Path:
    return config_dir() / FILE_NAME


def load_audio_settings() -> AudioSettings:
    try:
        values = json.loads(audio_settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return AudioSettings()  # never chosen, or a damaged file: the system defaults
    if not isinstance(values, dict):
        return AudioSettings()

    def text(key: str) -> str | None:
        value = values.get(key)
        return str(value) if isinstance(value, str | int) and str(value) else None

    return AudioSettings(input=text("input"), output=text("output"))


def save_audio_settings(input: str | None = None, output: str | None = None) -> Path:
    """Remember the devices; a `None` keeps what was remembered for that side."""
    current = load_audio_settings()
    values = {"input": current.input if input is None else input,
              "output": current.output if output is None else output}
    path = audio_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
