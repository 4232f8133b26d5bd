"""Where scenarios are found: the built-in ones, the user's folder, folders given by option."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from .errors import ScenarioError, ScenarioIssue
from .model import Scenario
from .validate import SCENARIO_SUFFIXES, inspect, scenario_files

BUILTIN_DIR = Path(__file__).parent / "builtin"
DEFAULT_SCENARIO = "e4-copieur-cabinet"
ENV_DIR = "REPLIQ_SCENARIOS_DIR"


def user_dir() -> Path:
    """The user's own scenario folder ($REPLIQ_SCENARIOS_DIR, else the data folder)."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir("repliq", appauthor=False)) / "scenarios"


def search_dirs(extra: list[Path] | None = None) -> list[tuple[str, Path]]:
    """(source label, folder) in lookup order: folders given by option, user, built-in."""
    dirs = [("dossier", path) for path in extra or []]
    dirs.append(("personnel", user_dir()))
    dirs.append(("intégré", BUILTIN_DIR))
    return dirs


@dataclass(frozen=True)
class Entry:
    path: Path
    source: str
    scenario: Scenario | None
    problems: list[ScenarioIssue]


def entries(extra: list[Path] | None = None) -> list[Entry]:
    """Every scenario file found, valid or not (a scenario id found twice keeps the first:
    a teacher's copy of a built-in scenario overrides it)."""
    found: list[Entry] = []
    seen: set[str] = set()
    for source, folder in search_dirs(extra):
        if not folder.is_dir():
            continue
        for path in scenario_files([folder]):
            if path.stem in seen:
                continue
            seen.add(path.stem)
            scenario, problems = inspect(path)
            found.append(Entry(path, source, scenario, problems))
    return found


def find(name: str, extra: list[Path] | None = None) -> Path:
    """A scenario file from its id or its path. Raises ScenarioError when not found."""
    candidate = Path(name)
    if candidate.suffix in SCENARIO_SUFFIXES or os.sep in name:
        if candidate.is_file():
            return candidate
        raise ScenarioError([ScenarioIssue(name, 1, "fichier introuvable — attendu : le "
                                                    "chemin d'un scénario .yaml")])
    for _, folder in search_dirs(extra):
        for suffix in SCENARIO_SUFFIXES:
            path = folder / f"{name}{suffix}"
            if path.is_file():
                return path
    known = sorted({p.stem for _, folder in search_dirs(extra) if folder.is_dir()
                    for p in scenario_files([folder])})
    raise ScenarioError([ScenarioIssue(
        name, 1, "scénario introuvable — attendu : un de ces identifiants : "
                 + (", ".join(known) or "aucun"))])
