"""Export files from outside, played as a hostile student would: crafted paths, scripts,
garbage values, half-broken bundles. Each case must be refused with a French line naming
the file and the field, change nothing outside the data folder (a sentinel folder is
compared before and after), and leave a database that still answers `sessions list` and
`class report`."""

from __future__ import annotations

import copy
import hashlib
import json
import math
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repliq.cli import main
from store.db import audio_dir, open_db
from store.exchange import import_files
from store.sessions import list_sessions

from .test_html_export import browser
from .test_store import play


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A real export of a real session (played once for the whole module)."""
    folder = tmp_path_factory.mktemp("eleve")
    db_path = folder / "eleve.db"
    play(db_path)
    out = folder / "export.json"
    assert main(["sessions", "export", "--all", "--format", "json", "--sortie", str(out),
                 "--base", str(db_path)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            if p.is_file() else "dir" for p in sorted(folder.rglob("*"))}


@pytest.fixture
def sentinel(tmp_path: Path) -> Path:
    """Files a crafted export must never reach: outside the data folder."""
    folder = tmp_path / "disque-enseignant"
    (folder / "documents").mkdir(parents=True)
    (folder / "documents" / "bulletins.ods").write_bytes(b"notes du conseil de classe")
    (folder / "secret.txt").write_text("mot de passe ENT", encoding="utf-8")
    return folder


def base(tmp_path: Path) -> Path:
    data = tmp_path / "donnees"
    data.mkdir(exist_ok=True)
    return data / "classe.db"


def write(tmp_path: Path, data: Any, name: str = "rendu.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False),
                    encoding="utf-8")
    return path


def still_answers(db_path: Path) -> None:
    """The class database is not poisoned: every reading command still works."""
    args = ["--base", str(db_path)]
    assert main(["sessions", "list", *args]) == 0
    assert main(["sessions", "students", *args]) == 0
    assert main(["class", "report", "--format", "csv", *args]) == 0
    assert main(["class", "report", "--format", "html", *args]) == 0
    for session in list_sessions(open_db(db_path)):
        assert main(["sessions", "show", session.id, *args]) == 0
        for fmt in ("md", "csv", "json", "html"):
            assert main(["sessions", "export", session.id, "--format", fmt, *args]) == 0


def refused(tmp_path: Path, data: Any, capsys: pytest.CaptureFixture[str],
            sentinel: Path) -> str:
    before = snapshot(sentinel)
    db_path = base(tmp_path)
    path = write(tmp_path, data)
    assert main(["sessions", "import", str(path), "--base", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "rien de ce fichier n'a été importé" in err
    assert "Traceback" not in err
    assert list_sessions(open_db(db_path)) == []
    assert snapshot(sentinel) == before
    still_answers(db_path)
    return err


def mutate(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def first_student_turn(data: dict[str, Any]) -> int:
    return next(i for i, t in enumerate(data["turns"]) if t["speaker"] == "student")


# Each case: (where, value, words the refusal must name).
GARBAGE = [
    (("mark",), "abc", "mark"),
    (("mark",), 1e308, "mark"),
    (("mark",), -3, "mark"),
    (("started_at",), None, "started_at"),
    (("started_at",), "hier soir", "started_at"),
    (("student",), "", "student"),
    (("student",), "  ", "student"),
    (("seed",), 10**38, "seed"),
    (("status",), "piratee", "status"),
    (("outcome",), "<b>", "outcome"),
    (("id",), "%%%%", "id"),
    (("id",), KeyError, "id"),
    (("turns",), "beaucoup", "turns"),
    (("turns", 0, "text"), None, "turns[1].text"),
    (("turns", 0, "number"), "<script>alert(1)</script>", "turns[1].number"),
    (("turns", 0, "number"), 7, "tour n° 7"),
    (("turns", 0, "speaker"), "jury", "turns[1].speaker"),
    (("turns", 0, "audio"), "/etc/passwd", "turns[1].audio"),
    (("turns", 0, "audio"), "../../../secret.txt", "turns[1].audio"),
    (("turns", 0, "audio"), "0123456789abcdef0123456789abcdef/../../x.wav",
     "turns[1].audio"),
    (("turns", 0, "text"), "a\x1b]0;titre\x07b", "turns[1].text"),
    (("turns", 0, "text"), "x" * 30_000, "turns[1].text"),
    (("turns", 0, "state"), {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": 1}}}}}}}}},
     "turns[1].state"),
    (("turns", 0, "pirate"), 1, "turns[1].pirate"),
    (("scorecard", "criteria", 0, "level"), '<img src=x onerror="alert(1)">',
     "scorecard.criteria[1].level"),
    (("scorecard", "criteria", 0, "score"), "20", "scorecard.criteria[1].score"),
    (("scorecard", "criteria", 0, "weight"), 1e300, "scorecard.criteria[1].weight"),
    (("scorecard", "total"), None, "scorecard.total"),
    (("scorecard", "criteria", 0, "evidence", 0, "effect"), "±",
     "scorecard.criteria[1].evidence[1].effect"),
    (("scenario", "yaml"), KeyError, "scenario.yaml"),
    (("scenario",), [], "scenario"),
    (("format",), "autre-chose", "pas un export Repliq"),
]


@pytest.mark.parametrize(("where", "value", "named"), GARBAGE,
                         ids=[f"{'.'.join(map(str, w))}={str(v)[:20]}" for w, v, _ in GARBAGE])
def test_garbage_is_refused_before_the_database(
        tmp_path: Path, export: dict[str, Any], sentinel: Path,
        capsys: pytest.CaptureFixture[str], where: tuple[Any, ...], value: Any,
        named: str) -> None:
    err = refused(tmp_path, mutate(export, where, value), capsys, sentinel)
    assert named in err


@pytest.mark.parametrize("text", ['{"format": "repliq-session", "mark": Infinity}',
                                  '{"format": "repliq-session", "mark": NaN}',
                                  "[" * 100_000 + "]" * 100_000,
                                  '{"format": "repliq-export", "sessions": ' + "[" * 5000
                                  + "]" * 5000 + "}"])
def test_non_finite_and_nesting_bombs(tmp_path: Path, sentinel: Path, text: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    refused(tmp_path, text, capsys, sentinel)


def test_a_bundle_is_imported_whole_or_not_at_all_and_can_be_retried(
        tmp_path: Path, export: dict[str, Any], sentinel: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    second = copy.deepcopy(export)
    second["id"] = "f" * 32
    second["turns"][-1]["text"] = None  # fails on the last turn of the second session
    bundle = {"format": "repliq-export", "version": 1, "sessions": [export, second]}
    refused(tmp_path, bundle, capsys, sentinel)
    db_path = base(tmp_path)
    assert open_db(db_path).execute("select count(*) from turns").fetchone()[0] == 0
    second["turns"][-1]["text"] = "Merci, à bientôt."  # corrected by the student
    path = write(tmp_path, bundle)
    assert main(["sessions", "import", str(path), "--base", str(db_path)]) == 0
    assert "2 séance(s) importée(s)" in capsys.readouterr().out
    db = open_db(db_path)
    assert db.execute("select count(*) from turns").fetchone()[0] == 2 * len(export["turns"])
    still_answers(db_path)


def test_a_recovery_file_completes_a_session_already_there(
        tmp_path: Path, export: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    """The store failed after a few turns; the recovery file holds them all."""
    db_path = base(tmp_path)
    partial = copy.deepcopy(export)
    partial["turns"] = partial["turns"][:4]
    partial.update(status="interrompue", scorecard=None, mark=None, report=None)
    assert main(["sessions", "import", str(write(tmp_path, partial, "debut.json")),
                 "--base", str(db_path)]) == 0
    assert main(["sessions", "import", str(write(tmp_path, export, "complet.json")),
                 "--base", str(db_path)]) == 0
    assert "1 complétée(s)" in capsys.readouterr().out
    db = open_db(db_path)
    assert db.execute("select count(*) from turns").fetchone()[0] == len(export["turns"])
    # A file that rewrites what is already there is refused, not merged.
    forged = copy.deepcopy(export)
    forged["turns"][0]["text"] = "Autre chose"
    assert main(["sessions", "import", str(write(tmp_path, forged, "faux.json")),
                 "--base", str(db_path)]) == 1
    assert "contenu différent" in capsys.readouterr().err
    still_answers(db_path)


def test_stored_audio_paths_never_leave_the_data_folder(
        tmp_path: Path, export: dict[str, Any], sentinel: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Rows written by an older version (or by hand) may point anywhere: delete removes and
    the HTML export embeds only files inside the audio folder."""
    db_path = base(tmp_path)
    assert main(["sessions", "import", str(write(tmp_path, export)), "--base",
                 str(db_path)]) == 0
    root = audio_dir(db_path)
    (root / export["id"]).mkdir(parents=True)
    own = root / export["id"] / "eleve-01.wav"
    own.write_bytes(b"RIFF-own")
    (root / "lien").symlink_to(sentinel)  # a link inside the folder that leads out
    db = open_db(db_path)
    hostile = [str(sentinel / "secret.txt"), "../../disque-enseignant/secret.txt",
               "lien/secret.txt", f"{export['id']}/eleve-01.wav"]
    for number, name in enumerate(hostile, start=1):
        db.execute("update turns set audio = ? where session_id = ? and number = ?",
                   [name, export["id"], number])
    db.conn.commit()
    before = snapshot(sentinel)
    page = tmp_path / "page.html"
    assert main(["sessions", "export", export["id"][:8], "--format", "html", "--sortie",
                 str(page), "--base", str(db_path)]) == 0
    html = page.read_text(encoding="utf-8")
    assert html.count("data:audio/wav;base64,") == 1  # only the session's own file
    capsys.readouterr()
    assert main(["sessions", "delete", export["id"][:8], "--base", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "1 fichier(s) audio supprimé(s)" in out and str(own.resolve()) in out
    assert snapshot(sentinel) == before
    assert not own.exists()


def test_delete_with_sql_wildcards_deletes_nothing(
        tmp_path: Path, export: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    db_path = base(tmp_path)
    main(["sessions", "import", str(write(tmp_path, export)), "--base", str(db_path)])
    for pattern in ("%%%%", "____", "%", export["id"][:2] + "%%"):
        assert main(["sessions", "delete", pattern, "--base", str(db_path)]) == 1
    assert "introuvable" in capsys.readouterr().err
    assert len(list_sessions(open_db(db_path))) == 1


class _ActiveContent(HTMLParser):
    """Elements and attributes that could run something: script, event handlers,
    javascript: links, frames and objects."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "base", "form"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(
                    ("javascript:", "vbscript:", "data:text/html")):
                self.found.append(f"{tag}[{name}]")


def active_content(text: str) -> list[str]:
    parser = _ActiveContent()
    parser.feed(text)
    return parser.found


PAYLOAD = ('<script>document.title="PIRATE"</script><img src=x onerror="document.title='
           '\'PIRATE\'"><a href="javascript:document.title=\'PIRATE\'">lien</a>')


def poisoned(export: dict[str, Any]) -> dict[str, Any]:
    """The export with the payload in every free text field the schema lets through."""
    data = copy.deepcopy(export)
    data["student"] = "<script>document.title='PIRATE'</script><img src=x onerror=alert(1)>"
    data["notes"] = PAYLOAD
    data["scenario"]["title"] = PAYLOAD
    for turn in data["turns"]:
        turn["text"] = PAYLOAD
        turn["tip"] = PAYLOAD
    card = data["scorecard"]
    card["strengths"] = [PAYLOAD]
    card["priorities"] = [PAYLOAD]
    for criterion in card["criteria"]:
        criterion["label"] = PAYLOAD[:200]
        criterion["advice"] = PAYLOAD
        criterion["level_label"] = PAYLOAD[:200]
        for item in criterion["evidence"]:
            item["note"] = item["quote"] = PAYLOAD
    return data


def test_pages_from_a_poisoned_import_are_inert(tmp_path: Path, export: dict[str, Any],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db_path = base(tmp_path)
    assert main(["sessions", "import", str(write(tmp_path, poisoned(export))), "--base",
                 str(db_path)]) == 0
    page = tmp_path / "seance.html"
    report = tmp_path / "classe.html"
    args = ["--base", str(db_path)]
    assert main(["sessions", "export", export["id"][:8], "--format", "html", "--sortie",
                 str(page), *args]) == 0
    assert main(["class", "report", "--format", "html", "--sortie", str(report), *args]) == 0
    for path in (page, report):
        text = path.read_text(encoding="utf-8")
        assert active_content(text) == []
        assert "&lt;script&gt;" in text  # shown as text, not dropped
        # In a real browser: nothing ran (the title is still ours), nothing was built.
        dom = browser("--dump-dom", "--virtual-time-budget=2000", path.resolve().as_uri(),
                      profile=tmp_path / f"profil-{path.stem}").stdout
        assert "<title>" in dom and "PIRATE</title>" not in dom
        assert active_content(dom) == []
    markdown = tmp_path / "seance.md"
    assert main(["sessions", "export", export["id"][:8], "--format", "md", "--sortie",
                 str(markdown), *args]) == 0
    assert "<script" not in markdown.read_text(encoding="utf-8")


def test_csv_cells_cannot_run_formulas_and_open_in_a_french_spreadsheet(
        tmp_path: Path, export: dict[str, Any]) -> None:
    data = copy.deepcopy(export)
    data["student"] = '=HYPERLINK("http://pirate.example";"cliquez")'
    student_turn = first_student_turn(data)
    data["turns"][student_turn]["text"] = "+33 6 12 34 56 78"
    data["turns"][student_turn + 2]["text"] = "@SUM(A1:A9)"
    data["turns"][student_turn + 4]["text"] = "-2+3"
    db_path = base(tmp_path)
    assert main(["sessions", "import", str(write(tmp_path, data)), "--base",
                 str(db_path)]) == 0
    for command in (["sessions", "export", "--all", "--format", "csv"],
                    ["class", "report", "--format", "csv"]):
        out = tmp_path / "sortie.csv"
        assert main([*command, "--sortie", str(out), "--base", str(db_path)]) == 0
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the accents
        import csv
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
        cells = [cell for row in rows for cell in row]
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), cells[:40]
        assert "'=HYPERLINK(\"http://pirate.example\";\"cliquez\")" in cells
    if data["mark"] is not None and not float(data["mark"]).is_integer():
        assert f"{data['mark']:g}".replace(".", ",") in raw.decode("utf-8-sig")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_mutation_is_imported_whole_or_refused_cleanly(
        tmp_path: Path, export: dict[str, Any], sentinel: Path, data: st.DataObject) -> None:
    """Hypothesis rewrites one field anywhere in a real export with any JSON value."""
    mutated = copy.deepcopy(export)
    target: Any = mutated
    path: list[Any] = []
    while isinstance(target, dict | list) and target and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(list(target.keys()) if isinstance(target, dict)
                                        else list(range(len(target)))))
        path.append(key)
        if not isinstance(target[key], dict | list):
            break
        target = target[key]
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers(-2**70, 2**70)
        | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40),
        lambda children: st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=8), children, max_size=4), max_leaves=10)
    value = data.draw(json_values)
    if path:
        holder: Any = mutated
        for key in path[:-1]:
            holder = holder[key]
        holder[path[-1]] = value
    else:
        mutated = value
    db_path = tmp_path / f"h{abs(hash(json.dumps(path, default=str))) % 10**9}.db"
    db_path.unlink(missing_ok=True)
    file = tmp_path / "mutation.json"
    file.write_text(json.dumps(mutated, ensure_ascii=False), encoding="utf-8")
    before = snapshot(sentinel)
    db = open_db(db_path)
    [result] = import_files(db, [file], audio_dir(db_path))
    if result.error:
        assert result.added == 0 and list_sessions(db) == []
    else:
        assert result.added == 1
        [session] = list_sessions(db)
        assert session.mark is None or (math.isfinite(session.mark) and
                                        0 <= session.mark <= 20)
    assert snapshot(sentinel) == before
    still_answers(db_path)


def test_the_published_schema_is_fresh_and_accepts_a_real_export(
        export: dict[str, Any]) -> None:
    """Editors and other tools can check an export with store/export.schema.json."""
    import jsonschema

    from store.export_model import SCHEMA_PATH, schema_text

    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), \
        "lancez « repliq sessions schema --write »"
    schema = json.loads(schema_text())
    jsonschema.validate(export, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(mutate(export, ("mark",), "abc"), schema)
