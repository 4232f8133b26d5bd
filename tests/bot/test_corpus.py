"""The blind corpus (tests/data/corpus/) is whole, consistent with the scenarios, split
without leaks, and never part of the engine's training data."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from bot import corpus
from bot.corpus import CORPUS_DIR, Annotation, Part
from repliq.cli import main
from scenarios import load_scenario
from scenarios.catalog import find
from scenarios.vocabulary import Act


@pytest.mark.parametrize("annotation", list(Annotation))
def test_every_turn_is_labelled_and_every_label_is_known(annotation: Annotation) -> None:
    turns = corpus.load(annotation=annotation)
    assert len(turns) >= 1_500
    acts = {act.value for act in Act}
    for turn in turns:
        assert turn.labels.acts <= acts, turn.id
        if turn.labels.fact_asked:
            facts = {f.id for f in load_scenario(find(turn.scenario), None).facts}
            assert turn.labels.fact_asked in facts, turn.id
    for register in corpus.REGISTERS:
        assert sum(t.register == register for t in turns) >= 300
    assert 0.2 <= sum(t.asr for t in turns) / len(turns) <= 0.35


def test_dev_and_test_never_share_a_conversation() -> None:
    split = json.loads((CORPUS_DIR / "split.json").read_text(encoding="utf-8"))
    for parts in split.values():
        assert not set(parts["dev"]) & set(parts["test"])
    dev, test = corpus.load(Part.DEV), corpus.load(Part.TEST)
    assert len(dev) + len(test) == len(corpus.load())
    assert {(t.scenario, t.fragment) for t in dev}.isdisjoint(
        {(t.scenario, t.fragment) for t in test})


def _normalised(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def test_no_test_turn_is_in_the_training_data() -> None:
    training = "\n".join(_normalised(path.read_text(encoding="utf-8"))
                         for path in (CORPUS_DIR.parent.parent.parent / "bot" / "data").rglob(
                             "*.yml"))
    leaked = [t.id for t in corpus.load(Part.TEST)
              if len(_normalised(t.text).split()) >= 5 and _normalised(t.text) in training]
    assert leaked == []


def test_the_evaluation_reports_every_register(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nlu", "eval", "--corpus", "test"]) == 0
    out = capsys.readouterr().out
    for heading in ("— tous (800 répliques)", *(f"— {r} (" for r in corpus.REGISTERS),
                    "— reconnaissance vocale (", "impolitesse : rappel",
                    "conclusion : rappel", "fait demandé reconnu"):
        assert heading in out


def _labels(**changes: object) -> corpus.Labels:
    polite_greeting = corpus.Labels(
        acts=frozenset({"salutation", "presentation"}), rude=False, closing=False,
        goodbye=False, refusal=False, offer=None, quoted=(), fact_asked=None,
        answers_question=False, accepts_proposal=False, refuses_proposal=False, unsure=False)
    return replace(polite_greeting, **changes)


def test_what_only_one_annotator_saw_is_neither_required_nor_held_against_a_reading() -> None:
    first = _labels(acts=frozenset({"salutation", "presentation", "annonce_objet"}),
                    rude=True, fact_asked="volume-mensuel")
    agreed = first.agreed(_labels())
    assert agreed.acts == {"salutation", "presentation"}
    assert not agreed.decided("rude") and not agreed.decided("fact_asked")
    assert agreed.decided("closing") and agreed.decided("offer")

    turn = corpus.Turn("t-1", "e4-copieur-cabinet", None, 1, "oral", False, "",
                       "Bonjour, Léa, de Bureau Plus, je viens pour vos copieurs.", agreed)
    scores = corpus.Scores()
    scores.add(turn, corpus.Reading(
        acts=frozenset({"salutation", "presentation", "impolitesse"}), refusal=False,
        offer=None, answers_question=False, accepts_proposal=False,
        refuses_proposal=False, fact_asked=None))
    assert scores.all_acts_found.value == 1.0
    # Disputed rudeness counts neither for nor against; the fact is not asked for either.
    assert scores.rude_precision.total == scores.polite_read_as_rude.total == 0
    assert scores.fact_asked.total == 0 and scores.harmful.hits == 0


def test_the_agreement_of_the_two_annotators_is_reported(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nlu", "eval", "--corpus", "dev", "--accord-humain"]) == 0
    out = capsys.readouterr().out
    assert "Accord entre les deux annotateurs" in out
    assert "— tous (725 répliques)" in out and "actes attendus tous trouvés" in out


# What the engine reaches today on the test part (decisions 0005 to 0008), not the issue's
# targets (≥ 0.90 ...), which it does not reach yet: a change that loses ground fails here.
# Measured against what both annotators agree on (decision 0008); two annotators agree with
# each other at 0.90 on all acts and 0.98 on rudeness, so the targets are within reach of a
# careful reader.
TODAY = {"all_acts_found": 0.71, "rude_precision": 0.86, "rude_recall": 0.24,
         "closing_recall": 0.40, "goodbye_recall": 0.90, "offer_exact": 0.72,
         "fact_asked": 0.48}
HARM_CEILING = {"polite_read_as_rude": 0.01, "refusal_read_as_offer": 0.0,
                "quote_read_as_offer": 0.03, "harmful": 0.03}


def test_understanding_holds_its_ground_on_the_blind_test_part() -> None:
    from bot.engine import understander

    understand = corpus.ScenarioReader(understander())
    scores = corpus.measure(corpus.load(Part.TEST), understand.read).overall
    lost = {name: getattr(scores, name).value for name, floor in TODAY.items()
            if getattr(scores, name).value < floor}
    harmed = {name: getattr(scores, name).value for name, ceiling in HARM_CEILING.items()
              if getattr(scores, name).value > ceiling}
    assert not lost and not harmed, (lost, harmed)
