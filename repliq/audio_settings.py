"""The student's voice settings, remembered between launches in `audio.json` of the config
folder: the headset chosen with `repliq voice check --memoriser`, and the recognition and
turn-taking choices of `repliq voice reglages`. Device *names* are kept rather than indexes:
PortAudio renumbers devices whenever a headset is plugged in or out. An unset value means
Repliq's default."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from .settings import config_dir

FILE_NAME = "audio.json"
COMPUTE_TYPES = ("int8", "int8_float32", "float32")


@dataclass(frozen=True)
class AudioSettings:
    input: str | None = None  # microphone name (or index)
    output: str | None = None  # headset or speakers
    model: str | None = None  # another faster-whisper model folder
    compute_type: str | None = None  # int8 (default), int8_float32, float32
    threads: int | None = None  # CPU threads for recognition (default 2)
    beam_size: int | None = None  # beam search width (default 5)
    end_silence: float | None = None  # seconds of silence that always end a turn
    quick_silence: float | None = None  # ...after a sentence that reads as finished
    barge_in: float | None = None  # seconds of speech over the customer that cut them


def audio_settings_path() -> Path:
    return config_dir() / FILE_NAME


def _valid(name: str, value: Any) -> Any:
    """The value if it has the right type and range, else None (a hand-edited file)."""
    if value is None:
        return None
    if name in ("input", "output", "model"):
        return str(value) if isinstance(value, str | int) and str(value) else None
    if name == "compute_type":
        return value if value in COMPUTE_TYPES else None
    if name in ("threads", "beam_size"):
        # bool is an int in Python: a hand-written `true` is not a thread count.
        return value if isinstance(value, int) and not isinstance(value, bool) and \
            1 <= value <= 32 else None
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    return float(number) if number is not None and 0.05 <= number <= 5 else None


def load_audio_settings() -> AudioSettings:
    try:
        values = json.loads(audio_settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return AudioSettings()  # never chosen, or a damaged file: the defaults
    if not isinstance(values, dict):
        return AudioSettings()
    return AudioSettings(**{f.name: _valid(f.name, values.get(f.name))
                            for f in fields(AudioSettings)})


def save_audio_settings(**changes: Any) -> Path:
    """Remember the given settings; a `None` keeps what was remembered for that one."""
    current = load_audio_settings()
    kept = replace(current, **{k: v for k, v in changes.items() if v is not None})
    path = audio_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    values = {k: v for k, v in asdict(kept).items() if v is not None}
    path.write_text(json.dumps(values, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def forget_audio_settings(names: list[str]) -> Path:
    """Back to Repliq's defaults for these settings."""
    values = {k: v for k, v in asdict(load_audio_settings()).items()
              if v is not None and k not in names}
    path = audio_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
