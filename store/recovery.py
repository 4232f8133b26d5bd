"""The recovery file: when the base cannot be written (full disk, read-only support, lock held
too long, damaged page), the session being played is kept whole in a JSON file in the export
format (`repliq-session`, as `repliq sessions export` writes it), so that `repliq sessions import
FICHIER` puts it back in the history.

Where: the first folder that accepts the file, in this order —
  1. `recuperation/` next to the base (where a student or a teacher looks first);
  2. `recuperation/` in the user's data folder (the base may be on a full USB stick);
  3. `~/repliq-recuperation/` (the data folder may be read-only);
  4. `repliq-recuperation-<uid>/` in the temporary folder: when the disk holding the home
     folder is full, it is often the only place left (a RAM disk on many systems: the
     message then asks to import the file before shutting down).

Each write is atomic (temporary file, fsync, os.replace, fsync of the folder): a crash or a
power cut leaves the previous complete version or the new one, never half a file."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .db import data_dir

FOLDER = "recuperation"


def file_name(session_id: str) -> str:
    return f"seance-{session_id}.json"


def _temp_folder() -> Path:
    uid = os.getuid() if hasattr(os, "getuid") else os.getpid()
    return Path(tempfile.gettempdir()) / f"repliq-recuperation-{uid}"


def candidate_folders(db_path: Path) -> list[Path]:
    """The folders tried in order (see the module docstring); duplicates removed."""
    folders = [db_path.parent / FOLDER, data_dir() / FOLDER]
    with contextlib.suppress(RuntimeError):  # no home folder (a service account)
        folders.append(Path.home() / "repliq-recuperation")
    folders.append(_temp_folder())
    unique: list[Path] = []
    for folder in folders:
        if folder.absolute() not in [u.absolute() for u in unique]:
            unique.append(folder)
    return unique


def is_volatile(path: Path) -> bool:
    """A file in the temporary folder may not survive a restart."""
    return path.parent.absolute() == _temp_folder().absolute()


def _prepare(folder: Path) -> None:
    if folder.is_dir():
        return
    # Only folders of our own are created, never a tree: the base's folder must already
    # exist for `recuperation/` to be made in it; the data folder may be created whole.
    parents = folder.parent.absolute() == data_dir().absolute()
    folder.mkdir(mode=0o700, parents=parents, exist_ok=True)


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` so that a crash leaves the old or the new file, whole."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        # Transcripts are personal data: readable by their owner only.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder is synced (POSIX; not on Windows).
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


class RecoveryFile:
    """The recovery file of one session: written where it can be, rewritten with the latest
    state, removed once the base holds everything."""

    def __init__(self, db_path: Path, session_id: str) -> None:
        self.db_path = db_path
        self.session_id = session_id
        self.path: Path | None = None  # where the latest complete version is
        self.error: OSError | None = None  # why no folder accepted it, if none did

    def save(self, record: dict[str, Any]) -> Path | None:
        """Write the whole session; return where it is (None: no folder accepted it)."""
        text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
        folders = candidate_folders(self.db_path)
        if self.path is not None and self.path.parent in folders:
            # Keep to the folder that worked: the file does not wander between turns.
            folders.remove(self.path.parent)
            folders.insert(0, self.path.parent)
        for folder in folders:
            target = folder / file_name(self.session_id)
            try:
                _prepare(folder)
                write_atomic(target, text)
            except OSError as error:
                self.error = error
                continue
            if self.path is not None and self.path != target:
                # An older, shorter copy elsewhere would only confuse: the new one has all.
                with contextlib.suppress(OSError):
                    self.path.unlink()
            self.path = target
            self.error = None
            return target
        return None

    def remove(self) -> Path | None:
        """The base holds the whole session again: the file is no longer needed."""
        removed, self.path = self.path, None
        if removed is not None:
            with contextlib.suppress(OSError):
                removed.unlink()
        return removed
