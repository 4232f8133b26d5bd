"""The blind corpus (tests/data/corpus/) is whole, consistent with the scenarios, split
without leaks, and never part of the engine's training data."""

from __future__ import annotations

import json
import re

import pytest

from bot import corpus
from bot.corpus import CORPUS_DIR, Part
from repliq.cli import main
from scenarios import load_scenario
from scenarios.catalog import find
from scenarios.vocabulary import Act


def test_every_turn_is_labelled_and_every_label_is_known() -> None:
    turns = corpus.load()
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


# What the engine reaches today on the test part (decisions 0005 to 0007), not the issue's
# targets (≥ 0.90 ...), which it does not reach yet: a change that loses ground fails here.
# The fact asked is the one the customer answers (the first discovery question's best fact),
# no longer the strongest topic of any kind. Decision 0007: all acts found 0.579 -> 0.671,
# rude precision 0.769 -> 0.870, harmful misreadings 3.7 % -> 2.5 %, dictated turns 0.510 ->
# 0.619, fact asked 0.448 -> 0.462 (elliptic follow-ups read against the customer's line).
TODAY = {"all_acts_found": 0.67, "rude_precision": 0.86, "rude_recall": 0.23,
         "closing_recall": 0.44, "goodbye_recall": 0.88, "offer_exact": 0.68,
         "fact_asked": 0.46}
HARM_CEILING = {"polite_read_as_rude": 0.01, "refusal_read_as_offer": 0.0,
                "quote_read_as_offer": 0.03, "harmful": 0.03}


def test_understanding_holds_its_ground_on_the_blind_test_part() -> None:
    from bot.engine import understander

    understand = corpus.ScenarioReader(understander())
    scores = corpus.measure(corpus.load(Part.TEST), understand).overall
    lost = {name: getattr(scores, name).value for name, floor in TODAY.items()
            if getattr(scores, name).value < floor}
    harmed = {name: getattr(scores, name).value for name, ceiling in HARM_CEILING.items()
              if getattr(scores, name).value > ceiling}
    assert not lost and not harmed, (lost, harmed)
