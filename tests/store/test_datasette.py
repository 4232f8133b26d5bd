"""The canned queries shipped for Datasette run on a real store and answer sensibly."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from store.db import open_db

from .test_store import play

METADATA = Path(__file__).resolve().parent.parent.parent / "store" / "datasette-metadata.yml"


def test_canned_queries_run_on_a_real_database(tmp_path: Path) -> None:
    db_path = tmp_path / "classe.db"
    play(db_path)
    db = open_db(db_path)
    queries = YAML(typ="safe").load(METADATA.read_text(encoding="utf-8"))[
        "databases"]["repliq"]["queries"]
    params = {"eleve": "Léa Morel", "texte": "imprimez"}
    results = {}
    for name, query in queries.items():
        cursor = db.execute(query["sql"], params)
        results[name] = cursor.fetchall()
    assert results["seances_d_un_eleve"] and results["progression"]
    assert results["recherche"]
    weakest = results["criteres_les_plus_faibles"]
    assert [row[2] for row in weakest] == sorted(row[2] for row in weakest)
