"""Applying a variant (the E4 "fiche-sujet" change) to a scenario before it is validated
and played. A variant names paths such as `negociation.budget_client` or
`objections.copitec-250.repliques` (list items are addressed by their `id`)."""

from __future__ import annotations

import copy
from typing import Any

from .errors import ScenarioIssue
from .fields import aliases, is_list, spot
from .messages import closest
from .yamlfile import LDict, LList

Target = tuple[LDict | LList, Any]

FORBIDDEN_ROOTS = {"id", "variantes"}


class PathError(Exception):
    pass


def _item_ids(items: LList) -> list[str]:
    return [str(item.get("id")) for item in items if isinstance(item, dict) and "id" in item]


def _copy(node: Any) -> Any:
    """A shallow copy of a container with its lines, or the value itself."""
    if isinstance(node, LDict):
        fresh = LDict(node, line=node.line)
        fresh.key_lines = dict(node.key_lines)
        return fresh
    if isinstance(node, LList):
        fresh_list = LList(node, line=node.line)
        fresh_list.item_lines = list(node.item_lines)
        return fresh_list
    return node


def _own(parent: LDict | LList, key: Any, owned: set[int]) -> Any:
    """`parent[key]`, copied first if this variant has not copied it yet: applying a
    variant copies only the containers on its paths, not the whole scenario (a deep copy
    per variant cost more than validating a scenario with thousands of facts)."""
    child = parent[key]
    if isinstance(child, LDict | LList) and id(child) not in owned:
        child = _copy(child)
        parent[key] = child
        owned.add(id(child))
    return child


def resolve(data: LDict, path: str, *, must_exist: bool,
            owned: set[int] | None = None) -> tuple[Target, tuple[Any, ...]]:
    """The container and key (or index) that `path` designates, and its schema location.
    With `owned` (the containers already copied), every container on the way is copied
    before it is returned, so the caller may change it. Raises PathError in French."""
    parts = path.split(".")
    if not path or any(not part for part in parts):
        raise PathError(f"chemin « {path} » mal formé — attendu : des clés séparées par des "
                        "points (ex. negociation.budget_client)")
    if parts[0] in FORBIDDEN_ROOTS:
        raise PathError(f"une variante ne peut pas modifier « {parts[0]} » — attendu : un "
                        "autre champ du scénario")
    node: Any = data
    schema_loc: tuple[Any, ...] = ()
    walked: list[str] = []
    for position, part in enumerate(parts):
        last = position == len(parts) - 1
        if isinstance(node, LDict):
            place = spot((*schema_loc, part))
            if place is None:
                parent = spot(schema_loc)
                allowed = list(aliases(parent.annotation)) if parent and isinstance(
                    parent.annotation, type) and hasattr(parent.annotation,
                                                         "model_fields") else []
                guess = closest(part, allowed)
                where = f"dans « {'.'.join(walked)} »" if walked else "au premier niveau"
                hint = (f"vouliez-vous dire « {'.'.join([*walked, guess])} » ?" if guess
                        else "un chemin vers un champ existant du scénario")
                raise PathError(f"le champ « {part} » n'existe pas {where} — attendu : {hint}")
            schema_loc = (*schema_loc, part)
            if last:
                if must_exist and part not in node:
                    raise PathError(f"« {path} » est absent du scénario — attendu : un "
                                    "élément existant")
                return (node, part), schema_loc
            if part not in node:
                raise PathError(f"« {'.'.join([*walked, part])} » est absent du scénario de "
                                "base — attendu : une section présente dans le scénario (ou "
                                "modifiez la section entière)")
            node = node[part] if owned is None else _own(node, part, owned)
        elif isinstance(node, LList):
            ids = _item_ids(node)
            if part.isdigit() and int(part) < len(node):
                index = int(part)
            elif part in ids:
                index = ids.index(part)
            else:
                guess = closest(part, ids)
                hint = f"vouliez-vous dire « {guess} » ?" if guess else (
                    "un identifiant parmi : " + ", ".join(ids) if ids else "un élément existant")
                raise PathError(f"aucun élément « {part} » dans « {'.'.join(walked)} » — "
                                f"attendu : {hint}")
            schema_loc = (*schema_loc, 0)
            if last:
                return (node, index), schema_loc
            node = node[index] if owned is None else _own(node, index, owned)
        else:
            raise PathError(f"« {'.'.join(walked)} » est une valeur simple : on ne peut pas "
                            f"aller jusqu'à « {part} » — attendu : un chemin plus court")
        walked.append(part)
    raise PathError(f"chemin « {path} » vide")  # pragma: no cover - loop always returns


def _put(container: LDict | LList, key: Any, value: Any, line: int) -> None:
    container[key] = value
    if isinstance(container, LDict):
        container.key_lines[key] = line
    else:
        container.item_lines[key] = line


def apply_variant(data: LDict, variant: LDict, shown: str) -> tuple[LDict, list[ScenarioIssue]]:
    """A copy of `data` with `variant` applied, and the problems met on the way. Lines of
    changed values point at the variant, so later errors name the right place."""
    result = _copy(data)
    owned = {id(result)}
    issues: list[ScenarioIssue] = []
    name = variant.get("id", "?")

    def problem(line: int, message: str) -> None:
        issues.append(ScenarioIssue(shown, line, f"variante « {name} » : {message}"))

    changes = variant.get("modifications") or LDict()
    for path, value in changes.items() if isinstance(changes, dict) else []:
        line = changes.key_lines.get(path, variant.line)
        try:
            (container, key), _ = resolve(result, str(path), must_exist=False, owned=owned)
        except PathError as exc:
            problem(line, str(exc))
            continue
        _put(container, key, copy.deepcopy(value), line)

    additions = variant.get("ajouts") or LDict()
    for path, items in additions.items() if isinstance(additions, dict) else []:
        line = additions.key_lines.get(path, variant.line)
        try:
            (container, key), schema_loc = resolve(result, str(path), must_exist=False,
                                                   owned=owned)
        except PathError as exc:
            problem(line, str(exc))
            continue
        place = spot(schema_loc)
        if place is None or place.info is None or not is_list(place.info.annotation):
            problem(line, f"« {path} » n'est pas une liste — attendu : le chemin d'une liste "
                          "(ex. objections, interlocuteurs, fiche_sujet.ce_que_vous_savez)")
            continue
        if not isinstance(items, LList):
            problem(line, f"les ajouts pour « {path} » doivent être une liste — attendu : des "
                          "lignes commençant par « - »")
            continue
        present = key in container if isinstance(container, LDict) else True
        target = _own(container, key, owned) if present else None
        if target is None:
            target = LList(line=line)
            _put(container, key, target, line)
        for item, item_line in zip(items, items.item_lines, strict=True):
            target.append(copy.deepcopy(item))
            target.item_lines.append(item_line)

    removals = variant.get("retraits") or LList()
    for index, path in enumerate(removals if isinstance(removals, list) else []):
        line = removals.item_lines[index] if isinstance(removals, LList) else variant.line
        try:
            (container, key), schema_loc = resolve(result, str(path), must_exist=True,
                                                   owned=owned)
        except PathError as exc:
            problem(line, str(exc))
            continue
        place = spot(schema_loc)
        if isinstance(container, LDict) and place and place.info and place.info.is_required():
            problem(line, f"« {path} » est obligatoire : une variante ne peut pas le retirer — "
                          "attendu : un élément de liste ou une section facultative")
            continue
        del container[key]  # a list item, or an optional section of the scenario
        if isinstance(container, LList):
            del container.item_lines[key]
        else:
            container.key_lines.pop(key, None)
    return result, issues
