"""What Repliq remembers between launches (the student's name), in the user's config folder."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_log_dir

ENV_CONFIG = "REPLIQ_CONFIG_DIR"


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG)
    return Path(override) if override else Path(user_config_dir("repliq", appauthor=False))


def log_path() -> Path:
    override = os.environ.get(ENV_CONFIG)
    base = Path(override) if override else Path(user_log_dir("repliq", appauthor=False))
    return base / "repliq.log"


def load() -> dict[str, Any]:
    try:
        values = json.loads((config_dir() / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}  # never saved, or a damaged file: start afresh
    return values if isinstance(values, dict) else {}


def save(values: dict[str, Any]) -> None:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    current = load()
    current.update(values)
    (folder / "settings.json").write_text(json.dumps(current, ensure_ascii=False, indent=2),
                                          encoding="utf-8")
