"""What round 51's blind plays showed (issue 13; measured first at 115c23f, then dev): a below-
floor price she had called "louche", taken back, got "Vous venez de me le promettre"; a
Nespresso machine given beside an allowed gift got "Entendu. Je signe."; unlimited printing and
a repair "sous une heure" got "Oui. C'est ça."; an installation fee waived as it was named got
"Vous ne m'en aviez pas parlé"; a selling point only loosely heard before got "Oui, vous me
l'avez dit"; a slot outside her free times said with the goodbye went unanswered; a male
partner said "je suis preneuse"."""

from __future__ import annotations

from typing import Any

from bot.replies import Voice
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR

from .plays import replay as _turns


def _says(key: str, text: str) -> bool:
    return any(line in text for line in Voice.lines(key))


def test_a_price_she_doubted_taken_back_is_what_she_thought() -> None:
    _, turns = _turns("tel-prospection-fidelix.barrage.hors-script.t51-p3-2", 8)
    assert _says("withdrawn_as_doubted", turns[-1].text), turns[-1].text
    assert not _says("promise_withdrawn", turns[-1].text), turns[-1].text


def test_an_object_given_beside_an_allowed_gift_is_doubted_even_as_she_signs() -> None:
    _, turns = _turns("e4-copieur-cabinet.decideur-present.hors-script.t51-p3-5", 9)
    assert _says("gift_doubted", turns[-1].text), turns[-1].text


def test_unlimited_printing_and_a_repair_within_the_hour_are_doubted() -> None:
    _, turns = _turns("e4-copieur-cabinet.decideur-present.hors-script.t51-p3-5", 5)
    assert "reformulation" not in turns[-1].parts, turns[-1]
    assert "promesse douteuse" in turns[-1].parts, turns[-1]


def test_a_fee_waived_as_it_is_named_is_no_surprise_fee() -> None:
    _, turns = _turns("e4-copieur-cabinet.budget-serre.oral.t51-p2-4", 9)
    assert "Vous ne m’en aviez pas parlé" not in turns[-1].text, turns[-1].text


def test_a_selling_point_she_never_answered_is_not_called_already_said() -> None:
    _, turns = _turns("e4-copieur-cabinet.budget-serre.oral.t51-p2-4", 3)
    assert not _says("argument_again", turns[-1].text), turns[-1].text


def test_a_slot_outside_her_free_times_said_with_the_goodbye_is_answered() -> None:
    _, turns = _turns("e4-copieur-cabinet.budget-serre.oral.t51-p2-4", 14)
    assert "rendez-vous" in turns[-1].parts and "au revoir" in turns[-1].parts, turns[-1]
    assert "8 h 30" in turns[-1].text, turns[-1].text


def test_lines_a_man_may_speak_have_no_feminine_agreement() -> None:
    # The copier's argument reactions and endings may be said by M. Lefèvre.
    scenario = load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml", "decideur-present")
    shared = [line for argument in scenario.arguments for line in argument.reactions]
    shared += [line for outcome in scenario.outcomes for line in outcome.lines]
    for word in ("preneuse", "désolée", "convaincue", "ravie", "contente", "prête"):
        assert not any(f" {word}" in line for line in shared), word


def test_asked_how_to_inform_head_office_he_tells_the_procedure() -> None:
    _, turns = _turns("e4-evenement-responsable.base.competent.t51-p1-7", 8)
    assert "fait:delai-siege" in turns[-1].parts, turns[-1]


def test_once_the_plan_is_on_the_table_his_dodge_does_not_ask_for_it() -> None:
    customer, _ = _turns("e4-evenement-responsable.base.competent.t51-p1-7", 7)
    talk: Any = customer
    asked = talk.understander.understand("Et vous, la météo, ça vous inquiète ?", talk._context)
    for _ in range(6):
        line = talk.deflect(asked)
        assert "vous me proposez" not in line and "Votre projet, d’abord" not in line, line


def test_his_pick_of_now_or_later_is_not_followed_by_his_free_times() -> None:
    _, turns = _turns("tel-prospection-fidelix.deja-equipe.competent.t51-p1-2", 2)
    assert turns[-1].parts == ["choix"], turns[-1]
    assert turns[-1].text.count("Allez-y") <= 1, turns[-1].text


def test_the_carrier_blamed_in_passing_is_rebuffed_without_a_yes() -> None:
    _, turns = _turns("tel-reclamation-lave-linge.client-tres-agressif.oral.t51-p1-4", 3)
    assert turns[-1].text.startswith("Le livreur, c’est votre prestataire"), turns[-1].text
    assert "Tout à fait" not in turns[-1].text, turns[-1].text
