"""Validating scenario files: YAML safety, the schema, cross-references, and every variant
applied in turn. Every problem reads `file:line: what is wrong — what was expected`."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from .checks import check_scenario
from .errors import ScenarioError, ScenarioIssue, display_path
from .messages import merge_union_errors, reword
from .model import Scenario
from .variants import apply_variant
from .yamlfile import LDict, LList, line_of, read_yaml

SCENARIO_SUFFIXES = (".yaml", ".yml")


def _validate_data(data: LDict, shown: str, prefix: str = "") -> tuple[Scenario | None,
                                                                        list[ScenarioIssue]]:
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        return None, [ScenarioIssue(shown, line_of(data, tuple(error["loc"])),
                                    prefix + reword(error))
                      for error in merge_union_errors(exc.errors())]
    issues: list[ScenarioIssue] = []
    check_scenario(scenario, lambda loc, message: issues.append(
        ScenarioIssue(shown, line_of(data, loc), prefix + message)))
    return scenario, issues


def _variants(data: LDict) -> list[LDict]:
    variants = data.get("variantes")
    if not isinstance(variants, LList):
        return []
    return [v for v in variants if isinstance(v, LDict)]


@contextmanager
def _without_gc() -> Iterator[None]:
    """Reading a large scenario allocates hundreds of thousands of objects that form no
    cycle; the cyclic garbage collector, run every few hundred allocations, rescans the
    growing graph each time (a third of the time for 6 000 facts). Reference counting still
    frees everything; the collector runs again as soon as the file is checked."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def inspect(path: Path, variant: str | None = None,
            with_variants: bool = True) -> tuple[Scenario | None, list[ScenarioIssue]]:
    """Read and check one file (every variant included, unless `with_variants` is False for
    a quick listing) in a single pass: the scenario with `variant` applied when the file is
    valid, else None, and every problem found."""
    with _without_gc():
        return _inspect(path, variant, with_variants)


def _inspect(path: Path, variant: str | None,
             with_variants: bool) -> tuple[Scenario | None, list[ScenarioIssue]]:
    shown = display_path(path)
    try:
        data = read_yaml(path, shown)
    except ScenarioError as exc:
        return None, exc.issues
    scenario, issues = _validate_data(data, shown)
    if scenario is None:
        return None, sorted(set(issues))
    if scenario.id != path.stem:
        issues.append(ScenarioIssue(
            shown, line_of(data, ("id",)),
            f"l'identifiant « {scenario.id} » ne correspond pas au nom du fichier "
            f"« {path.name} » — attendu : id: {path.stem} (ou renommez le fichier "
            f"{scenario.id}{path.suffix})"))
    known = {(issue.line, issue.message) for issue in issues}
    chosen = scenario if variant is None else None
    for raw_variant in _variants(data) if with_variants or variant else []:
        # Changes that could be applied are still checked when others could not.
        applied, variant_issues = apply_variant(data, raw_variant, shown)
        issues.extend(variant_issues)
        prefix = f"avec la variante « {raw_variant.get('id')} », "
        variant_scenario, found = _validate_data(applied, shown, prefix)
        issues.extend(issue for issue in found
                      if (issue.line, issue.message.removeprefix(prefix)) not in known)
        if raw_variant.get("id") == variant:
            chosen = variant_scenario
    if issues:
        return None, sorted(set(issues))
    if chosen is None:
        names = ", ".join(str(v.get("id")) for v in _variants(data)) or "aucune"
        return None, [ScenarioIssue(
            shown, line_of(data, ("variantes",)),
            f"variante « {variant} » inconnue — attendu : une de ces variantes : {names}")]
    return chosen, []


def check_file(path: Path) -> list[ScenarioIssue]:
    """Every problem of one scenario file (empty when it is valid)."""
    return inspect(path)[1]


def _in_folder(folder: Path) -> list[Path]:
    # Everything named like a scenario except folders: a broken link, a link loop or a
    # device in the folder is reported on its own line rather than silently skipped.
    return sorted(p for p in folder.rglob("*") if p.suffix in SCENARIO_SUFFIXES
                  and not p.name.startswith(".#")  # an editor's lock link (Emacs), not a file
                  and not p.is_dir())


def scenario_files(paths: Iterable[Path]) -> list[Path]:
    """The scenario files named by `paths` (files, or folders searched recursively; a folder
    named like a file, `x.yaml/`, is still a folder)."""
    found: list[Path] = []
    for path in paths:
        found.extend(_in_folder(path) if path.is_dir() else [path])
    return found


def validate_paths(paths: Iterable[Path]) -> tuple[int, list[ScenarioIssue]]:
    """Check files and folders: (number of files checked, all problems). Two files may not
    declare the same scenario id; a folder without any scenario file is a problem too."""
    files: list[Path] = []
    issues: list[ScenarioIssue] = []
    for path in paths:
        inside = _in_folder(path) if path.is_dir() else [path]
        if not inside:
            issues.append(ScenarioIssue(
                display_path(path), 1, "dossier sans aucun fichier de scénario (.yaml ou .yml), "
                "sous-dossiers compris — attendu : un dossier qui contient des scénarios, ou "
                "le chemin d'un fichier .yaml"))
        files.extend(inside)
    seen: dict[str, Path] = {}
    for file in files:
        if not os.path.lexists(file):  # a broken link exists: its own message says why
            issues.append(ScenarioIssue(display_path(file), 1, "fichier introuvable — attendu : "
                                        "le chemin d'un fichier .yaml ou d'un dossier"))
            continue
        file_issues = check_file(file)
        issues.extend(file_issues)
        if not file_issues:
            if file.stem in seen:
                issues.append(ScenarioIssue(
                    display_path(file), 1,
                    f"scénario « {file.stem} » déjà défini dans {display_path(seen[file.stem])} "
                    "— attendu : un identifiant de scénario unique"))
            seen.setdefault(file.stem, file)
    return len(files), issues


def load_scenario(path: Path, variant: str | None = None) -> Scenario:
    """Load a valid scenario, with `variant` applied. Raises ScenarioError."""
    scenario, issues = inspect(path, variant)
    if scenario is None:
        raise ScenarioError(issues)
    return scenario
