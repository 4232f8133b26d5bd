"""Files the user asked Repliq to write (--json, --sortie): checked before the work starts,
written whole or not at all (a full disk must not leave a 0-byte transcript behind)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

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
    """Write through a temporary file in the same folder, flushed to disk, then renamed over
    the target: a reader sees the old file or the new one, never half of it."""
    check_output_path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"impossible d'écrire {path} ({error.strerror or error}) — rien "
                          "n'a été écrit") from None
