"""Reading a scenario's YAML safely, keeping the line of every key and list item.

Files come from teachers and are shared between schools, so they are treated as hostile:
size limit, strict UTF-8, no tags (no Python objects), bounded alias expansion.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from .errors import ScenarioError, ScenarioIssue

MAX_BYTES = 1024 * 1024
MAX_EXPANDED_NODES = 100_000
MAX_DEPTH = 64
SAFE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "merge", "timestamp")
}
MERGE_TAG = "tag:yaml.org,2002:merge"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class LDict(dict):
    """A mapping that remembers its own line and the line of each of its keys."""

    def __init__(self, *args: Any, line: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = line
        self.key_lines: dict[Any, int] = {}


class LList(list):
    """A list that remembers its own line and the line of each item."""

    def __init__(self, *args: Any, line: int = 1) -> None:
        super().__init__(*args)
        self.line = line
        self.item_lines: list[int] = []


def line_of(data: Any, loc: tuple[Any, ...]) -> int:
    """The line of the deepest element of `loc` that exists in `data` (a missing key points
    at the mapping that should hold it)."""
    line = getattr(data, "line", 1)
    node = data
    for part in loc:
        if isinstance(node, LDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, LList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
        line = getattr(node, "line", line)
    return line


def read_yaml(path: Path, shown: str) -> LDict:
    """Read `path` and return its top-level mapping with line information.

    Raises ScenarioError with French, line-numbered messages."""

    def fail(line: int, message: str) -> ScenarioError:
        return ScenarioError([ScenarioIssue(shown, line, message)])

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise fail(1, f"fichier illisible ({exc.strerror}) — attendu : un fichier .yaml "
                      "existant et lisible") from None
    if size > MAX_BYTES:
        shown_size = f"{size / 1024 / 1024:.1f}".replace(".", ",")
        raise fail(1, f"fichier trop volumineux ({shown_size} Mo) — attendu : un scénario "
                      f"de moins de {MAX_BYTES // 1024 // 1024} Mo") from None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(line, f"le fichier n'est pas encodé en UTF-8 (octet 0x{raw[exc.start]:02x} "
                         "illisible) — attendu : un fichier enregistré en UTF-8 (dans votre "
                         "éditeur : Enregistrer sous… → encodage UTF-8)") from None
    if "\x00" in text:
        raise fail(text[: text.index("\x00")].count("\n") + 1,
                   "le fichier contient des caractères nuls (fichier binaire ?) — attendu : "
                   "un fichier texte YAML")
    tab_issues = [
        ScenarioIssue(shown, number, "tabulation dans l'indentation — attendu : des espaces "
                                     "uniquement (YAML refuse les tabulations ; remplacez "
                                     "chacune par deux espaces)")
        for number, text_line in enumerate(text.splitlines(), start=1)
        if "\t" in text_line[: len(text_line) - len(text_line.lstrip(" \t"))]
    ]
    if tab_issues:
        raise ScenarioError(tab_issues[:10])
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise fail(1, "fichier vide — attendu : un scénario (« repliq scenarios new ID » "
                      "écrit un modèle à compléter)")

    deep_line = _too_deep_flow(text)
    if deep_line:
        raise fail(deep_line, "imbrication trop profonde — attendu : un scénario d'au plus "
                              f"{MAX_DEPTH} niveaux de [ ] ou {{ }} imbriqués")

    # One pass: compose the node graph (the safe composer keeps each node's line), check it,
    # then build the data from the nodes. Nothing is constructed from a tag we did not allow.
    yaml = YAML(typ="safe")
    try:
        root = yaml.compose(text)
        _check_nodes(root, shown)
        if not isinstance(root, MappingNode):
            found = "une liste" if isinstance(root, SequenceNode) else "une simple valeur"
            raise fail(1, f"le fichier contient {found} — attendu : un scénario, c'est-à-dire "
                          "des clés comme « id: », « titre: », « fiche_sujet: »")
        return _build_mapping(root, yaml.constructor, shown, line=1)
    except ScenarioError:
        raise
    except MarkedYAMLError as exc:
        unclosed = _unclosed_quote_line(text, _mark_line(exc))
        if unclosed:
            raise fail(unclosed, "guillemet non fermé — attendu : un texte entre guillemets "
                                 "qui se ferme sur la même ligne (\"…\")") from None
        raise fail(_mark_line(exc), _syntax_message(exc)) from None
    except RecursionError:
        raise fail(1, "imbrication trop profonde — attendu : un scénario d'au plus "
                      f"{MAX_DEPTH} niveaux d'indentation") from None
    except YAMLError as exc:
        raise fail(1, f"YAML illisible ({exc}) — attendu : un fichier YAML valide") from None


def _check_nodes(root: Node | None, shown: str) -> None:
    """Refuse tags and alias bombs before anything is built from the document."""
    if root is None:
        return
    sizes: dict[int, int] = {}
    # Iterative post-order walk: aliases share node objects, so memoising by id makes the
    # expanded size computable in time linear in the file, whatever the expansion.
    stack: list[tuple[Node, int, bool]] = [(root, 0, False)]
    while stack:
        node, depth, done = stack.pop()
        if id(node) in sizes and not done:
            continue
        if depth > MAX_DEPTH:
            raise ScenarioError([ScenarioIssue(
                shown, node.start_mark.line + 1,
                f"imbrication trop profonde — attendu : au plus {MAX_DEPTH} niveaux")])
        tag = str(node.tag)
        if tag not in SAFE_TAGS:
            shown_tag = tag.replace("tag:yaml.org,2002:", "!!")
            raise ScenarioError([ScenarioIssue(
                shown, node.start_mark.line + 1,
                f"balise YAML « {shown_tag} » interdite — attendu : du texte, des nombres, "
                "des listes et des clés, sans balise (« ! »)")])
        children = _children(node)
        if not done:
            stack.append((node, depth, True))
            stack.extend((child, depth + 1, False) for child in children
                         if id(child) not in sizes)
            continue
        size = 1 + sum(sizes.get(id(child), 1) for child in children)
        if size > MAX_EXPANDED_NODES:
            raise ScenarioError([ScenarioIssue(
                shown, node.start_mark.line + 1,
                "alias YAML (&ancre, *renvoi) démultipliés à l'excès (« bombe » YAML : plus de "
                f"{MAX_EXPANDED_NODES:_} éléments une fois développés) — attendu : un "
                "scénario sans renvois imbriqués".replace("_", " "))])
        sizes[id(node)] = size


def _too_deep_flow(text: str) -> int:
    """Line where [ ] / { } nesting exceeds MAX_DEPTH, or 0. The YAML composer recurses per
    level, so a pathological nesting is refused before it gets there. Quotes are ignored on
    purpose: French apostrophes would confuse a quote tracker, and no real scenario comes
    near this depth even counting brackets inside text."""
    depth = 0
    line = 1
    for char in text:
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
    return 0


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _build(node: Node, constructor: Any, shown: str, line: int) -> Any:
    if isinstance(node, MappingNode):
        return _build_mapping(node, constructor, shown, line)
    if isinstance(node, SequenceNode):
        result = LList(line=line)
        for item in node.value:
            item_line = _line(item)
            result.append(_build(item, constructor, shown, item_line))
            result.item_lines.append(item_line)
        return result
    if str(node.tag) == TIMESTAMP_TAG:
        return str(node.value)  # a date in a text field means the text the teacher wrote
    return constructor.construct_object(node, deep=True)


def _build_mapping(node: MappingNode, constructor: Any, shown: str, line: int) -> LDict:
    result = LDict(line=line)
    merged: list[Node] = []
    for key_node, value_node in node.value:
        if str(key_node.tag) == MERGE_TAG:
            merged.extend(value_node.value if isinstance(value_node, SequenceNode)
                          else [value_node])
            continue
        key = _build(key_node, constructor, shown, _line(key_node))
        if isinstance(key, LDict | LList):
            raise ScenarioError([ScenarioIssue(
                shown, _line(key_node), "clé composée (liste ou bloc utilisé comme clé) — "
                                        "attendu : une clé simple, en texte")])
        if key in result:
            raise ScenarioError([ScenarioIssue(
                shown, _line(key_node),
                f"clé « {key} » en double (déjà définie ligne {result.key_lines[key]}) — "
                "attendu : chaque clé une seule fois par bloc")])
        result[key] = _build(value_node, constructor, shown, _line(key_node))
        result.key_lines[key] = _line(key_node)
    # Keys brought by a merge (<<: *base) never override the mapping's own keys.
    for source in merged:
        if not isinstance(source, MappingNode):
            raise ScenarioError([ScenarioIssue(
                shown, _line(source), "fusion « << » d'autre chose qu'un bloc de clés — "
                                      "attendu : <<: *nom-d-un-bloc")])
        extra = _build_mapping(source, constructor, shown, _line(source))
        for key, value in extra.items():
            if key not in result:
                result[key] = value
                result.key_lines[key] = extra.key_lines[key]
    return result


def _unclosed_quote_line(text: str, error_line: int) -> int:
    """The first line up to the error whose double quotes do not pair up, or 0: a quoted
    text may legally span lines, so the parser reports the error far below its cause."""
    for number, line in enumerate(text.splitlines()[:error_line], start=1):
        content = line.split(" #")[0] if not line.lstrip().startswith("#") else ""
        if (content.count('"') - content.count('\\"')) % 2:
            return number
    return 0


def _mark_line(exc: MarkedYAMLError) -> int:
    mark = exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark is not None else 1


def _syntax_message(exc: MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "").strip()
    hints = {
        "mapping values are not allowed here":
            "un « : » inattendu (mettez le texte entre guillemets s'il contient « : »)",
        "could not find expected ':'": "il manque « : » après une clé",
        "found character '\\t' that cannot start any token": "une tabulation",
        "expected <block end>, but found":
            "un décalage d'indentation",
        "found undefined alias": "un renvoi (*nom) vers une ancre (&nom) qui n'existe pas",
        "expected a single document": "plusieurs documents (« --- ») dans le même fichier",
        "found unexpected end of stream": "une fin de fichier inattendue (guillemet non fermé ?)",
        "while scanning a quoted scalar": "un guillemet non fermé",
    }
    detail = next((text for key, text in hints.items() if key in problem or
                   key in (exc.context or "")), problem or "syntaxe incorrecte")
    return (f"erreur de syntaxe YAML : {detail} — attendu : « clé: valeur », une indentation "
            "régulière en espaces et des guillemets fermés")
