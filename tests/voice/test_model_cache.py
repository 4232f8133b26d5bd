"""The speech model's cache (the two installed parts joined once, then stamped): a stamp that
is garbage, truncated, not Repliq's, or a cache left half-written by a crash is joined again
from the installed packages, never a traceback; a model that does not load says so in
French."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from voice.model import STAMP, ModelMissing, cache_dir, prepare
from voice.stt import Transcriber


def stamp_is_sound(folder: Path) -> bool:
    recorded = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    return recorded["size"] == (folder / "model.bin").stat().st_size


def write(name: str, data: bytes) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        (folder / name).write_bytes(data)

    return damage


def remove(name: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        (folder / name).unlink()

    return damage


def stamp_folder(folder: Path) -> None:
    (folder / STAMP).unlink()
    (folder / STAMP).mkdir()


def cut_model(folder: Path) -> None:
    with (folder / "model.bin").open("r+b") as model:
        model.truncate(1000)


def cache_taken_by_a_file(folder: Path) -> None:
    shutil.rmtree(folder)
    folder.write_text("pas un dossier")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "garbage": write(STAMP, b"garbage{"),
    "truncated": write(STAMP, b'{"size": 1452'),
    "binary": write(STAMP, bytes(range(256))),
    "not-a-dict": write(STAMP, b"[145217532]"),
    "size-as-text": write(STAMP, b'{"size": "145217532"}'),
    "size-as-bool": write(STAMP, b'{"size": true}'),
    "huge": write(STAMP, b" " * 100_000),
    "stamp-is-a-folder": stamp_folder,
    "no-stamp": remove(STAMP),
    "model-cut": cut_model,
    "tokenizer-cut": write("tokenizer.json", b"{"),
    "config-missing": remove("config.json"),
    "left-over-partial": write("model.bin.tmp", b"half"),
    "cache-is-a-file": cache_taken_by_a_file,
}


@pytest.mark.parametrize("name", list(DAMAGE))
def test_a_damaged_cache_is_joined_again(name: str) -> None:
    folder = prepare()
    DAMAGE[name](folder)
    assert prepare() == folder
    assert stamp_is_sound(folder)
    for small in ("config.json", "tokenizer.json", "vocabulary.txt"):
        assert (folder / small).stat().st_size > 0


def test_a_model_damaged_after_its_stamp_is_rebuilt_on_load() -> None:
    """Same size, wrong bytes: only loading it shows; the cache is joined once more."""
    folder = prepare()
    with (folder / "model.bin").open("r+b") as model:
        model.write(os.urandom(4096))
    transcriber = Transcriber()
    assert transcriber.transcribe_window is not None
    assert stamp_is_sound(folder)


def test_a_chosen_model_folder_that_does_not_load_says_so(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.setenv("REPLIQ_WHISPER_MODEL", str(tmp_path / "modele"))
    with pytest.raises(ModelMissing, match=r"model\.bin absent"):
        Transcriber()
    assert not cache_dir().exists()  # a chosen model never touches Repliq's cache


def test_an_unwritable_cache_is_a_french_message(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "bloque"
    blocked.write_text("un fichier, pas un dossier")
    monkeypatch.setenv("REPLIQ_CACHE_DIR", str(blocked))
    with pytest.raises(ModelMissing, match="impossible de préparer le modèle"):
        prepare()
