"""The NLU data: Rasa format, enough realistic examples per act, a held-out test set that
never leaks into training, and the accuracy target on it."""

from __future__ import annotations

from pathlib import Path

from sklearn.metrics import f1_score

from bot.engine import act_classifier
from bot.nludata import load
from bot.text import fold
from scenarios.vocabulary import Act

TEST_SET = Path(__file__).resolve().parent.parent / "data" / "nlu" / "test.yml"


def test_every_act_has_at_least_30_training_examples() -> None:
    counts = {act: len(examples) for act, examples in load().by_intent().items()}
    assert set(counts) == {act.value for act in Act}
    assert min(counts.values()) >= 30


def test_test_set_has_300_utterances_covering_every_act() -> None:
    test = load([TEST_SET])
    assert len(test.examples) >= 300
    assert set(test.intents()) == {act.value for act in Act}


def test_test_set_never_used_for_training() -> None:
    training = {fold(e.text).strip(" .!?") for e in load().examples}
    leaked = [e.text for e in load([TEST_SET]).examples
              if fold(e.text).strip(" .!?") in training]
    assert leaked == []


def test_macro_f1_on_held_out_test_set_reaches_090() -> None:
    test = load([TEST_SET]).examples
    predicted = [scores[0].act.value for scores in act_classifier().scores([e.text for e in test])]
    assert f1_score([e.intent for e in test], predicted, average="macro") >= 0.90


def test_entity_annotations_parse() -> None:
    data = load()
    annotated = [e for e in data.examples if e.entities]
    assert len(annotated) >= 100
    kinds = {kind for e in annotated for kind, _ in e.entities}
    assert kinds <= {"montant", "pourcentage", "duree", "date", "email", "telephone",
                     "numero_commande"}
