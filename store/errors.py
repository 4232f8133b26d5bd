"""What can go wrong with the session store, worded for a student or a teacher. The command
line turns each into one French line and a documented exit code (repliq/errors.py)."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The store cannot be used as asked; the message says what to do."""


class StoreCorrupt(StoreError):
    """The database file is damaged or is not a Repliq database."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        super().__init__(f"la base {path} est endommagée ({detail}) — lancez « repliq sessions "
                         f"reparer --base {path} » : une copie de l'original est gardée")


class StoreTooNew(StoreError):
    """The database was written by a newer Repliq."""

    def __init__(self, path: Path, version: int, supported: int) -> None:
        self.path = path
        super().__init__(f"la base {path} est en version {version}, plus récente que ce "
                         f"logiciel (version {supported}) — mettez Repliq à jour")


class StoreUnavailable(StoreError):
    """The file cannot be opened or written (permissions, full disk, lock held too long)."""
