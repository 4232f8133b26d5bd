"""Where scenarios are found: the built-in ones, the user's folder, folders given by option."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

from .errors import ScenarioError, ScenarioIssue, display_path
from .model import Scenario
from .validate import SCENARIO_SUFFIXES, inspect, scenario_files
from .yamlfile import read_limited

BUILTIN_DIR = Path(__file__).parent / "builtin"
DEFAULT_SCENARIO = "e4-copieur-cabinet"
ENV_DIR = "REPLIQ_SCENARIOS_DIR"
ENV_CACHE = "REPLIQ_CACHE_DIR"


def cache_root() -> Path:
    """Repliq's cache folder (what can be rebuilt: listings, joined models, trained
    classifiers); REPLIQ_CACHE_DIR overrides it."""
    override = os.environ.get(ENV_CACHE)
    return Path(override) if override else Path(user_cache_dir("repliq", appauthor=False))


def cache_path() -> Path:
    return cache_root() / "catalogue.json"


def _stamp(path: Path) -> list[float] | None:
    try:
        stat = path.stat()
    except OSError:
        return None  # a broken link or a link loop: inspect() says why
    return [stat.st_mtime, float(stat.st_size)]


def _quick_inspect(path: Path, cache: dict) -> tuple[Scenario | None, list[ScenarioIssue]]:
    """The listing at start-up reads the scenarios it saw last time from a cache, keyed by
    file time and size; parsing YAML is what makes a cold listing slow."""
    key = os.path.abspath(path)  # not resolve(): a link loop would raise
    stamp = _stamp(path)
    hit = cache.get(key)
    if stamp is not None and hit and hit["stamp"] == stamp:
        try:
            # Reading is cheap, parsing is not: a file made unreadable since it was cached
            # (chmod changes no time stamp) must show as a problem, not as playable.
            read_limited(path, display_path(path))
            return Scenario.model_validate(hit["scenario"]), []
        except ScenarioError as error:
            cache.pop(key, None)
            return None, error.issues
        except ValueError:
            pass
    scenario, problems = inspect(path, with_variants=False)
    if scenario is not None and stamp is not None:
        cache[key] = {"stamp": stamp,
                      "scenario": scenario.model_dump(mode="json", by_alias=True)}
    return scenario, problems


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


def entries(extra: list[Path] | None = None, quick: bool = False) -> list[Entry]:
    """Every scenario file found, valid or not (a scenario id found twice keeps the first:
    a teacher's copy of a built-in scenario overrides it). `quick` skips checking each
    variant (a listing at start-up; the variants are checked when the scenario is loaded)."""
    found: list[Entry] = []
    seen: set[str] = set()
    cache: dict = {}
    if quick:
        try:
            cache = json.loads(cache_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cache = {}
    before = json.dumps(cache, sort_keys=True) if quick else ""
    for source, folder in search_dirs(extra):
        if not folder.is_dir():
            continue
        for path in scenario_files([folder]):
            if path.stem in seen:
                continue
            seen.add(path.stem)
            scenario, problems = _quick_inspect(path, cache) if quick else inspect(path)
            found.append(Entry(path, source, scenario, problems))
    if quick and json.dumps(cache, sort_keys=True) != before:
        try:
            cache_path().parent.mkdir(parents=True, exist_ok=True)
            cache_path().write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass  # a read-only cache folder only costs speed
    return found


def _present(path: Path) -> bool:
    """There is something at `path` to load or to explain: a file, but also a broken link, a
    link loop, a device or a folder named like a scenario (loading says what is wrong)."""
    return os.path.lexists(path)


def find(name: str, extra: list[Path] | None = None) -> Path:
    """A scenario file from its id or its path. Raises ScenarioError when not found."""
    candidate = Path(name)
    if candidate.suffix in SCENARIO_SUFFIXES or os.sep in name:
        if _present(candidate):
            return candidate
        raise ScenarioError([ScenarioIssue(name, 1, "fichier introuvable — attendu : le "
                                                    "chemin d'un scénario .yaml")])
    for _, folder in search_dirs(extra):
        for suffix in SCENARIO_SUFFIXES:
            path = folder / f"{name}{suffix}"
            if _present(path) and not path.is_dir():
                return path
    known = sorted({p.stem for _, folder in search_dirs(extra) if folder.is_dir()
                    for p in scenario_files([folder])})
    raise ScenarioError([ScenarioIssue(
        name, 1, "scénario introuvable — attendu : un de ces identifiants : "
                 + (", ".join(known) or "aucun"))])
