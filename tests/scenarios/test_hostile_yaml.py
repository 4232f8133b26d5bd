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


def test_long_list_without_aliases_is_not_taken_for_an_alias_bomb(tmp_path: Path) -> None:
    # More items than the old cap on expanded nodes (100 000), and not one alias: long, but
    # nothing is multiplied. (The report was for 150 000 items; fewer keep the test quick.)
    long_list = tmp_path / "longue.yaml"
    long_list.write_text("id: longue\nmots: [" + ",".join(["a"] * 100_100) + "]\n",
                         encoding="utf-8")
    messages = _messages(long_list)
    assert not any("bombe" in message for message in messages)
    assert any("clé obligatoire « titre » manquante" in message for message in messages)


def test_a_few_aliases_are_still_allowed(tmp_path: Path) -> None:
    # Reusing a block is legitimate YAML: only an explosion of copies is refused.
    shared = tmp_path / "partage.yaml"
    shared.write_text("id: partage\nbase: &base [" + ", ".join(["a"] * 1_000) + "]\n"
                      + "".join(f"copie{i}: *base\n" for i in range(50)), encoding="utf-8")
    assert not any("bombe" in message for message in _messages(shared))


def test_integer_too_long_for_python_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    digits = tmp_path / "chiffres.yaml"
    digits.write_text("id: chiffres\nduree_cible_min: " + "9" * 5_000 + "\n", encoding="utf-8")
    assert _messages(digits) == [
        f"{digits}:2: nombre trop long (5 000 caractères) — attendu : un nombre de taille "
        "raisonnable, ou un texte entre guillemets"]
