"""Audio files live only in the data folder: a stored name is relative to the audio
directory beside the database, and is followed only when its resolved path stays inside.
Every reader and deleter goes through here (import, export, delete, replay)."""

from __future__ import annotations

from pathlib import Path


def contained(root: Path, name: str | None) -> Path | None:
    """The file a stored audio name points to, or None when the name is empty, absolute,
    climbs out with `..`, or resolves (through links) outside `root`."""
    if not name:
        return None
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts:
        return None
    base = root.resolve()
    path = (base / relative).resolve()
    if not path.is_relative_to(base) or path == base:
        return None
    return path


def session_folder(root: Path, path: Path) -> Path | None:
    """The session's own folder holding `path` (root/<session>/file), if it is one."""
    base = root.resolve()
    folder = path.parent
    if folder != base and folder.parent == base:
        return folder
    return None
