"""Scenario files are shared between schools: hostile input is refused fast and safely."""

from __future__ import annotations

import time
from pathlib import Path

from scenarios.validate import check_file

BROKEN = Path(__file__).resolve().parent.parent / "data" / "broken"


def _messages(path: Path) -> list[str]:
    return [str(issue) for issue in check_file(path)]


def test_alias_bomb_is_refused_in_well_under_a_second() -> None:
    bomb = BROKEN / "bombe-alias.yaml"  # "billion laughs": 9^10 nodes once expanded
    started = time.perf_counter()
    messages = _messages(bomb)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0
    assert len(messages) == 1
    assert "« bombe » YAML" in messages[0]


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "enorme.yaml"
    with big.open("wb") as handle:
        handle.write(b"titre: ")
        handle.write(b"x" * 50_000_000)
    started = time.perf_counter()
    messages = _messages(big)
    assert time.perf_counter() - started < 1.0
    assert messages == [
        f"{big}:1: fichier trop volumineux (47,7 Mo) — attendu : un scénario de moins de 1 Mo"
    ]


def test_python_object_tag_is_refused_and_never_executed(tmp_path: Path) -> None:
    witness = tmp_path / "pwned"
    evil = tmp_path / "evil.yaml"
    evil.write_text(f"id: evil\ntitre: !!python/object/apply:os.system ['touch {witness}']\n",
                    encoding="utf-8")
    messages = _messages(evil)
    assert not witness.exists()
    assert messages == [f"{evil}:2: balise YAML « !!python/object/apply:os.system » interdite"
                        " — attendu : du texte, des nombres, des listes et des clés, sans balise"
                        " (« ! »)"]


def test_deep_nesting_is_refused_quickly(tmp_path: Path) -> None:
    deep = tmp_path / "profond.yaml"
    deep.write_text("titre: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    messages = _messages(deep)
    assert time.perf_counter() - started < 1.0
    assert "imbrication trop profonde" in messages[0]


def test_missing_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    messages = _messages(tmp_path / "absent.yaml")
    assert "fichier illisible" in messages[0]
