"""The trained classifiers kept between runs: a later start reads exactly the model a first
start trained, and a damaged or outdated cache is retrained, never trusted nor fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import model_cache
from bot.acts import NgramActClassifier
from bot.nludata import Example

EXAMPLES = [Example(text, intent) for intent, texts in {
    "salutation": ["bonjour madame", "bonjour monsieur", "salut", "bonsoir à vous"],
    "remerciement": ["merci beaucoup", "merci pour votre temps", "je vous remercie",
                     "merci bien"],
}.items() for text in texts]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "nlu-test.yml"
    path.write_text("données d'entraînement v1", encoding="utf-8")
    return path


def _build(counter: list[int]) -> NgramActClassifier:
    counter.append(1)
    return NgramActClassifier.train(EXAMPLES)


def _stored() -> list[Path]:
    return sorted(model_cache.models_dir().glob("essai-*.joblib"))


def test_a_later_start_reads_the_model_the_first_one_trained(data: Path) -> None:
    trained: list[int] = []
    first = model_cache.cached("essai", [data], lambda: _build(trained), NgramActClassifier)
    again = model_cache.cached("essai", [data], lambda: _build(trained), NgramActClassifier)
    assert len(trained) == 1
    sentences = ["bonjour !", "merci à vous"]
    assert [[(s.act, round(s.confidence, 9)) for s in row] for row in first.scores(sentences)] \
        == [[(s.act, round(s.confidence, 9)) for s in row] for row in again.scores(sentences)]


def test_changed_training_data_retrains_and_drops_the_old_model(data: Path) -> None:
    trained: list[int] = []
    model_cache.cached("essai", [data], lambda: _build(trained), NgramActClassifier)
    old = _stored()
    data.write_text("données d'entraînement v2", encoding="utf-8")
    model_cache.cached("essai", [data], lambda: _build(trained), NgramActClassifier)
    assert len(trained) == 2
    assert len(_stored()) == 1 and _stored() != old


@pytest.mark.parametrize("content", [b"", b"\x80\x04 tronque", b"pas un modele du tout"])
def test_a_damaged_cache_file_is_retrained_not_fatal(data: Path, content: bytes) -> None:
    trained: list[int] = []
    model_cache.cached("essai", [data], lambda: _build(trained), NgramActClassifier)
    _stored()[0].write_bytes(content)
    model = model_cache.cached("essai", [data], lambda: _build(trained), NgramActClassifier)
    assert len(trained) == 2
    assert model.scores(["merci beaucoup"])[0][0].act.value == "remerciement"
    assert model_cache.cached("essai", [data], lambda: _build(trained), NgramActClassifier)
    assert len(trained) == 2  # the retrained model replaced the damaged file


def test_an_unwritable_cache_still_gives_a_working_model(
        data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "pas-un-dossier"
    blocker.write_text("un fichier là où le cache voudrait un dossier", encoding="utf-8")
    monkeypatch.setenv("REPLIQ_CACHE_DIR", str(blocker))
    trained: list[int] = []
    model = model_cache.cached("essai", [data], lambda: _build(trained), NgramActClassifier)
    assert model.scores(["merci beaucoup"])[0][0].act.value == "remerciement"
