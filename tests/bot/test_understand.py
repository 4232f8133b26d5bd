"""Understanding a student's turn with the real built-in engine."""

from __future__ import annotations

import pytest

from bot.engine import understander
from scenarios import load_scenario
from scenarios.catalog import find
from scenarios.vocabulary import Act


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    scenario = load_scenario(find("e4-copieur-cabinet"))
    return understander().for_scenario(scenario)


def test_one_turn_holds_several_acts(engine) -> None:  # type: ignore[no-untyped-def]
    turn = engine.understand("Bonjour madame Martin. Je suis Léa Morel, de Bureau Plus. "
                             "Combien de pages imprimez-vous par mois ?")
    assert len(turn.sentences) == 3
    assert {Act.SALUTATION, Act.PRESENTATION} <= turn.acts
    assert turn.acts & {Act.QUESTION_FERMEE, Act.QUESTION_OUVERTE}


def test_oral_question_finds_the_scenario_topic(engine) -> None:  # type: ignore[no-untyped-def]
    turn = engine.understand("du coup vous imprimez combien à peu près")
    assert "volume-mensuel" in turn.topics


def test_missing_accents_and_typos_still_match(engine) -> None:  # type: ignore[no-untyped-def]
    turn = engine.understand("vos copieurs tombent souvent en pane ?")
    assert "pannes-frequentes" in turn.topics


def test_empathy_cue_is_not_fooled_by_si_je_comprends_bien(engine) -> None:  # type: ignore[no-untyped-def]
    turn = engine.understand("Si je comprends bien, vos machines tombent souvent en panne.")
    assert Act.EMPATHIE not in turn.acts


@pytest.mark.parametrize("text", ["", "   ", "euh...", "euh euh bah", "👍👍", "Hello, how are you?",
                                  "?!?"])
def test_non_turns_have_no_act(engine, text: str) -> None:  # type: ignore[no-untyped-def]
    assert engine.understand(text).acts == set()


def test_huge_turn_is_capped(engine) -> None:  # type: ignore[no-untyped-def]
    turn = engine.understand("Notre offre est très complète. " * 400)
    assert len(turn.text) <= 4000


@pytest.mark.parametrize("text", ["Et vous imprimez beaucoup ?", "Les caissières ?",
                                  "Vous attendez leur proposition pour quand ?"])
def test_a_sentence_lists_each_act_once(engine, text: str) -> None:  # type: ignore[no-untyped-def]
    """`repliq nlu parse` shows a sentence's acts: an unsure question read twice would be
    shown twice."""
    for sentence in engine.understand(text).sentences:
        acts = [score.act for score in sentence.acts]
        assert len(acts) == len(set(acts)), acts
