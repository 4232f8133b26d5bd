"""Files the user asked Repliq to write (--json, --sortie): checked before the work starts,
written whole or not at all (a full disk must not leave a 0-byte transcript behind)."""

from __future__ import annotations

import os
from pathlib import Path

from store.recovery import write_atomic

from .errors import OutputError


def check_output_path(path: Path) -> None:
    """Refuse at once an output whose folder is missing or which is a folder itself; the
    folder is not created: a typo must not grow a tree of folders."""
    if path.is_dir():
        raise OutputError(f"{path} est un dossier — attendu : un nom de fichier")
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"dossier introuvable : {folder} — attendu : un dossier existant "
                          "pour le fichier de sortie")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"impossible d'écrire dans {folder} (droits) — attendu : un dossier "
                          "où vous pouvez écrire")


def write_atomically(path: Path, text: str) -> None:
    """Written whole or not at all: a reader sees the old file or the new one, never half of
    it (store.recovery.write_atomic: temporary file, fsync, rename, fsync of the folder)."""
    check_output_path(path)
    try:
        write_atomic(path, text)
    except OSError as error:
        raise OutputError(f"impossible d'écrire {path} ({error.strerror or error}) — rien "
                          "n'a été écrit") from None
