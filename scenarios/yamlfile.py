"""Reading a scenario's YAML safely, keeping the line of every key and list item.

Files come from teachers and are shared between schools, so they are treated as hostile:
regular files only, a bounded read, strict UTF-8, no tags (no Python objects), bounded
nesting and bounded alias expansion.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

from .errors import ScenarioError, ScenarioIssue

MAX_BYTES = 1024 * 1024
# Nodes that aliases may add once expanded (the file's own nodes are bounded by MAX_BYTES).
MAX_EXPANDED_NODES = 100_000
MAX_DEPTH = 64
# Block nesting needs indentation (or "- " / "? " on the same line): past this column the
# composer, which recurses per level, is stopped before it starts. No scenario comes near.
MAX_COLUMNS = 200
SAFE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "merge", "timestamp")
}
MERGE_TAG = "tag:yaml.org,2002:merge"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
STR_TAG = "tag:yaml.org,2002:str"
EXPECTED_FILE = "attendu : un fichier .yaml existant et lisible"
_FLOW = re.compile(r"[\[\]{}\n]")
# Leading spaces and "- " / "? " / ": " indicators of a line that has content (a line of
# spaces only is harmless, however long).
_BLOCK_START = re.compile(r"^( *)((?:[-?:](?: +|$))*)(?=\S)", re.M)


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


_SPECIAL_FILES = (
    (stat.S_ISDIR, "un dossier"),
    (stat.S_ISCHR, "un périphérique"),
    (stat.S_ISBLK, "un périphérique"),
    (stat.S_ISFIFO, "un tube nommé (FIFO)"),
    (stat.S_ISSOCK, "une socket"),
)
_OS_REASONS = {
    errno.ENOENT: "il n'existe pas",
    errno.EACCES: "lecture non autorisée par les droits du fichier",
    errno.EPERM: "lecture non autorisée par les droits du fichier",
    errno.ELOOP: "lien symbolique qui boucle sur lui-même",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.ENAMETOOLONG: "chemin trop long",
    errno.EISDIR: "c'est un dossier",
    errno.EIO: "erreur de lecture du disque",
}


def unreadable(path: Path, error: OSError) -> str:
    """Why `path` cannot be read, in French (strerror is in the system's language)."""
    reason = _OS_REASONS.get(error.errno or 0, f"erreur système n° {error.errno}")
    if error.errno == errno.ENOENT and os.path.islink(path):
        reason = "lien symbolique vers un fichier qui n'existe pas"
    return f"fichier illisible ({reason}) — {EXPECTED_FILE}"


def _not_a_file(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _SPECIAL_FILES if test(mode)), "un fichier spécial")
    return (f"ce chemin désigne {kind}, pas un fichier ordinaire — attendu : le chemin d'un "
            "scénario, un fichier .yaml enregistré sur le disque")


def _too_big(size: int | None) -> str:
    shown_size = "plus de 1 Mo" if size is None else \
        f"{size / 1024 / 1024:.1f} Mo".replace(".", ",")
    return (f"fichier trop volumineux ({shown_size}) — attendu : un scénario de moins de "
            f"{MAX_BYTES // 1024 // 1024} Mo")


def read_limited(path: Path, shown: str) -> bytes:
    """The bytes of the regular file `path`, never more than MAX_BYTES. Raises ScenarioError.

    A device (/dev/zero) or a pipe never ends and a file may grow between stat and read, so
    the kind is checked before opening and again on the open file, and the read is bounded
    whatever stat said."""

    def fail(message: str) -> ScenarioError:
        return ScenarioError([ScenarioIssue(shown, 1, message)])

    try:
        refused = _not_a_file(path.stat().st_mode)  # before open: opening a device may act
        if refused:
            raise fail(refused)
        # O_NONBLOCK: a FIFO swapped in after the stat must not block the open on a writer.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(path, flags), "rb") as handle:
            info = os.fstat(handle.fileno())
            refused = _not_a_file(info.st_mode)
            if refused:
                raise fail(refused)
            if info.st_size > MAX_BYTES:
                raise fail(_too_big(info.st_size))
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise fail(unreadable(path, exc)) from None
    if len(raw) > MAX_BYTES:
        raise fail(_too_big(None))
    return raw


class _OneVersionResolver(VersionedResolver):
    """ruamel.yaml looks the YAML version up again for every scalar it resolves (a third of
    the time spent on a 6 000-fact file); a file has one version, so its table is taken once,
    at the first scalar, after any %YAML directive has been read."""

    _table: dict[Any, Any] | None = None

    @property
    def versioned_resolver(self) -> Any:
        if self._table is None:
            self._table = VersionedResolver.versioned_resolver.fget(self)  # type: ignore[attr-defined]
        return self._table


def read_yaml(path: Path, shown: str) -> LDict:
    """Read `path` and return its top-level mapping with line information.

    Raises ScenarioError with French, line-numbered messages."""

    def fail(line: int, message: str) -> ScenarioError:
        return ScenarioError([ScenarioIssue(shown, line, message)])

    raw = read_limited(path, shown)
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

    deep = _too_deep(text)
    if deep:
        raise fail(*deep)

    # One pass: compose the node graph (the safe composer keeps each node's line), check it,
    # then build the data from the nodes. Nothing is constructed from a tag we did not allow.
    yaml = YAML(typ="safe")
    yaml.Resolver = _OneVersionResolver
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
        unclosed = _unclosed_quote_line(text, _mark_line(exc, text))
        if unclosed:
            raise fail(unclosed, "guillemet non fermé — attendu : un texte entre guillemets "
                                 "qui se ferme sur la même ligne (\"…\")") from None
        raise fail(_mark_line(exc, text), _syntax_message(exc)) from None
    except RecursionError:
        raise fail(1, "imbrication trop profonde — attendu : un scénario d'au plus "
                      f"{MAX_DEPTH} niveaux d'indentation") from None
    except YAMLError as exc:
        raise fail(1, f"YAML illisible ({exc}) — attendu : un fichier YAML valide") from None


def _tag(node: Node) -> str:
    """The node's full tag. Tags the resolver gives carry it whole in `suffix`; reading it
    there skips ruamel's string building, a fifth of the walk on a long file."""
    tag = node.ctag
    if tag is None:
        return ""
    if tag.handle is None and isinstance(tag.suffix, str):
        return tag.suffix
    return str(tag)


def _check_nodes(root: Node | None, shown: str) -> None:
    """Refuse tags, deep nesting and alias bombs before anything is built from the document.

    Aliases share node objects: a node met twice is an alias. Only then is the expanded size
    computed, so an ordinary file, however long, costs one walk."""
    if root is None:
        return
    seen: set[int] = set()
    shared = False
    stack: list[tuple[Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            shared = True
            continue
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise ScenarioError([ScenarioIssue(
                shown, _line(node),
                f"imbrication trop profonde — attendu : au plus {MAX_DEPTH} niveaux")])
        tag = _tag(node)
        if tag not in SAFE_TAGS:
            shown_tag = tag.replace("tag:yaml.org,2002:", "!!")
            raise ScenarioError([ScenarioIssue(
                shown, _line(node),
                f"balise YAML « {shown_tag} » interdite — attendu : du texte, des nombres, "
                "des listes et des clés, sans balise (« ! »)")])
        stack.extend((child, depth + 1) for child in _children(node))
    if shared:
        _check_expansion(root, shown)


def _check_expansion(root: Node, shown: str) -> None:
    """Refuse a document whose aliases add more than MAX_EXPANDED_NODES nodes once expanded
    ("billion laughs"), or that contains itself (an alias inside its own anchor).

    Post-order walk, memoised by node: linear in the file whatever the expansion. When a
    node is finished, its expanded size minus the distinct nodes finished so far is a lower
    bound of what aliases add, so a bomb is caught at its first oversized node and a long
    file without aliases never is."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if not done:
            if key in sizes:
                continue
            if key in open_nodes:
                raise ScenarioError([ScenarioIssue(
                    shown, _line(node),
                    "renvoi YAML (*nom) placé à l'intérieur de sa propre ancre (&nom) : "
                    "contenu infini — attendu : un renvoi vers un bloc déjà fermé")])
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))
            continue
        open_nodes.discard(key)
        size = 1 + sum(sizes[id(child)] for child in _children(node))
        if size - len(sizes) - 1 > MAX_EXPANDED_NODES:
            raise ScenarioError([ScenarioIssue(
                shown, _line(node),
                "alias YAML (&ancre, *renvoi) démultipliés à l'excès (« bombe » YAML : les "
                f"renvois ajoutent plus de {MAX_EXPANDED_NODES:_} éléments une fois "
                "développés) — attendu : un scénario sans renvois imbriqués".replace("_", " "))])
        sizes[key] = size


def _too_deep(text: str) -> tuple[int, str] | None:
    """(line, message) where nesting exceeds what the composer may recurse into, or None.
    The composer recurses per level (the C one, when installed, can overflow the stack), so
    a pathological nesting is refused before it gets there. Quotes are ignored on purpose:
    French apostrophes would confuse a quote tracker, and no real scenario comes near these
    limits even counting brackets inside text."""
    depth = 0
    line = 1
    for match in _FLOW.finditer(text):
        char = match.group()
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line, ("imbrication trop profonde — attendu : un scénario d'au plus "
                              f"{MAX_DEPTH} niveaux de [ ] ou {{ }} imbriqués")
        else:
            depth = max(0, depth - 1)
    for match in _BLOCK_START.finditer(text):
        if match.end() - match.start() > MAX_COLUMNS:
            return text.count("\n", 0, match.start()) + 1, (
                f"indentation trop profonde (plus de {MAX_COLUMNS} colonnes) — attendu : un "
                f"scénario d'au plus {MAX_DEPTH} niveaux imbriqués, indentés de deux espaces")
    return None


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
    tag = _tag(node)
    if tag == STR_TAG:
        return node.value  # what the constructor would return, without its cost per scalar
    if tag == TIMESTAMP_TAG:
        return str(node.value)  # a date in a text field means the text the teacher wrote
    try:
        return constructor.construct_object(node, deep=True)
    except ValueError:
        # Python refuses to convert integers of more than 4 300 digits (a denial-of-service
        # guard); say so instead of letting the traceback through.
        length = f"{len(str(node.value)):,}".replace(",", " ")
        raise ScenarioError([ScenarioIssue(
            shown, _line(node), f"nombre trop long ({length} caractères) — attendu : un nombre "
            "de taille raisonnable, ou un texte entre guillemets")]) from None


def _build_mapping(node: MappingNode, constructor: Any, shown: str, line: int) -> LDict:
    result = LDict(line=line)
    merged: list[Node] = []
    for key_node, value_node in node.value:
        if _tag(key_node) == MERGE_TAG:
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


def _mark_line(exc: MarkedYAMLError, text: str) -> int:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return 1
    # The C parser (libyaml) puts an error at the end of a file without a final newline one
    # line past the last one: it is the last line that is cut short.
    return min(mark.line + 1, text.count("\n") + 1)


_INDENT_SHIFT = "un décalage d'indentation"
# The parser's English, by phrase: the pure-Python parser's wording first, then libyaml's (the
# C parser that ruamel.yaml uses when ruamel.yaml.clib is installed), where it differs.
_SYNTAX_HINTS = {
    "mapping values are not allowed":
        "un « : » inattendu (mettez le texte entre guillemets s'il contient « : »)",
    "could not find expected ':'": "il manque « : » après une clé",
    "found character '\\t' that cannot start any token": "une tabulation",
    "that cannot start any token":
        "un caractère qui ne peut pas commencer une valeur (@, ` ou une tabulation : mettez le "
        "texte entre guillemets)",
    "expected <block end>, but found": _INDENT_SHIFT,
    "did not find expected key": _INDENT_SHIFT,
    "did not find expected '-' indicator": _INDENT_SHIFT,
    "sequence entries are not allowed here":
        "un « - » inattendu (un élément de liste mal indenté)",
    "found undefined alias": "un renvoi (*nom) vers une ancre (&nom) qui n'existe pas",
    "expected alphabetic or numeric character":
        "un « * » ou un « & » mal placé (mettez le texte entre guillemets)",
    "found unknown escape character":
        "un « \\ » suivi d'un caractère inconnu dans un texte entre guillemets (écrivez « \\\\ » "
        "ou utilisez des apostrophes)",
    "expected a single document": "plusieurs documents (« --- ») dans le même fichier",
    "found unexpected document separator": "plusieurs documents (« --- ») dans le même fichier",
    "but found another document": "plusieurs documents (« --- ») dans le même fichier",
    "found unexpected end of stream": "une fin de fichier inattendue (guillemet non fermé ?)",
    "while scanning a quoted scalar": "un guillemet non fermé",
    "while scanning a double-quoted scalar": "un guillemet non fermé",
    "while scanning a directive": "une ligne commençant par « % » (mettez-la entre guillemets)",
}


def _syntax_message(exc: MarkedYAMLError) -> str:
    problem = (exc.problem or exc.context or "").strip()
    detail = next((text for key, text in _SYNTAX_HINTS.items() if key in problem or
                   key in (exc.context or "")), None)
    if detail is None:  # still a French sentence; the parser's words only as a detail
        detail = f"une construction incorrecte ({problem})" if problem else "syntaxe incorrecte"
    return (f"erreur de syntaxe YAML : {detail} — attendu : « clé: valeur », une indentation "
            "régulière en espaces et des guillemets fermés")
