"""Evaluating an act classifier on a labelled test set: per-act precision, recall, F1 and
the confusion matrix."""

from __future__ import annotations

from dataclasses import dataclass

from .nludata import Example
from .understand import ActScorer


@dataclass
class Evaluation:
    labels: list[str]
    precision: list[float]
    recall: list[float]
    f1: list[float]
    support: list[int]
    matrix: list[list[int]]
    errors: list[tuple[str, str, str]]  # (text, expected, predicted)

    @property
    def macro_f1(self) -> float:
        return sum(self.f1) / len(self.f1)

    @property
    def accuracy(self) -> float:
        total = sum(self.support)
        return sum(self.matrix[i][i] for i in range(len(self.labels))) / total if total else 0


def evaluate(scorer: ActScorer, examples: list[Example]) -> Evaluation:
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    texts = [example.text for example in examples]
    predicted = []
    for scores in scorer.scores(texts):
        predicted.append(scores[0].act.value if scores else "")
    expected = [example.intent for example in examples]
    labels = sorted(set(expected))
    precision, recall, f1, support = precision_recall_fscore_support(
        expected, predicted, labels=labels, zero_division=0)
    matrix = confusion_matrix(expected, predicted, labels=labels)
    errors = [(t, e, p) for t, e, p in zip(texts, expected, predicted, strict=True) if e != p]
    return Evaluation(labels, list(precision), list(recall), list(f1), [int(s) for s in support],
                      matrix.tolist(), errors)
