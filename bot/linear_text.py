"""A fitted text classifier — TF-IDF n-gram vectorizers side by side, then a linear model —
applied to the few sentences of one turn.

scikit-learn's Pipeline/FeatureUnion/TfidfVectorizer calls check their input, dispatch jobs
and build sparse matrices on every call: on one short sentence that costs ten times the
arithmetic (some 2–3 ms per classifier, against a turn budget of 30 ms). The fitted
vocabulary, idf and coefficients are read once here and applied with the same formulas
(counts of the vectorizer's own analyzer, sublinear tf, idf, l2 norm, then coef · x + b);
tests/bot/test_linear_text.py checks the margins equal the pipeline's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import Pipeline


@dataclass(frozen=True)
class _Part:
    """One vectorizer of the union and the slice of the model's weights on its features."""
    analyze: Callable[[str], list[str]]
    vocabulary: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray  # (features of this vectorizer, outputs)


class LinearTextModel:
    """margins(texts) == pipeline.decision_function(texts), one row of outputs per text."""

    def __init__(self, pipeline: Pipeline) -> None:
        (_, union), (_, model) = pipeline.steps
        vectorizers: list[TfidfVectorizer] = [v for _, v in union.transformer_list]
        coef = np.asarray(model.coef_, dtype=np.float64).T  # (features, outputs)
        parts, start = [], 0
        for vectorizer in vectorizers:
            size = len(vectorizer.vocabulary_)
            parts.append(_Part(vectorizer.build_analyzer(), vectorizer.vocabulary_,
                               vectorizer.idf_, coef[start:start + size]))
            start += size
        self._parts = tuple(parts)
        self._intercept = np.asarray(model.intercept_, dtype=np.float64)

    def margins(self, texts: Sequence[str]) -> np.ndarray:
        rows = np.tile(self._intercept, (len(texts), 1))
        for row, text in zip(rows, texts, strict=True):
            for part in self._parts:
                counts = Counter(index for gram in part.analyze(text)
                                 if (index := part.vocabulary.get(gram)) is not None)
                if not counts:
                    continue
                columns = np.fromiter(counts, dtype=np.intp, count=len(counts))
                values = (1 + np.log(np.fromiter(counts.values(), dtype=np.float64,
                                                 count=len(counts)))) * part.idf[columns]
                row += (values / np.linalg.norm(values)) @ part.weights[columns]
        return rows
