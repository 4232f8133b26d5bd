"""Objections judged on meaning (issue 13): a student who digs into an objection ("qu'est-ce
qui vous gêne ?", the C of CRAC) hears what lies behind it instead of a fact or a reproach,
and a price objection answered with figures compared is lifted whatever the words."""

from __future__ import annotations

from bot.customer import Customer
from bot.engine import start_conversation
from bot.replies import Voice
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.model import Scenario

_OPENING = ("Bonjour Madame Martin, Léa Morel de Bureau Plus, merci de me recevoir. Je viens "
            "vous présenter nos solutions d'impression.")


def _copier(scenario: Scenario | None = None) -> Customer:
    """The office manager right after the price: she objects that it costs more."""
    scenario = scenario or load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml")
    talk = start_conversation(scenario, None, 0)
    talk.opening()
    talk.step(_OPENING)
    talk.step("Combien de pages imprimez-vous par mois ?")
    talk.step("Notre offre complète est à 289 € HT par mois, maintenance incluse.")
    assert talk.state.objections_pending == ["plus-cher-qu-aujourd-hui"]
    return talk


def test_digging_into_an_objection_gets_what_lies_behind_it() -> None:
    talk = _copier()
    behind = talk.objections["plus-cher-qu-aujourd-hui"].behind
    facts_before = list(talk.state.facts_revealed)
    _, first = talk.step("Qu'est-ce qui vous gêne exactement ?")
    assert first.text in behind
    assert talk.state.facts_revealed == facts_before  # no fact grabbed by the question
    assert not talk.state.objections_ignored
    assert talk.state.objections_pending == ["plus-cher-qu-aujourd-hui"]  # still to treat
    _, second = talk.step("C'est-à-dire ?")
    assert second.text in behind and second.text != first.text  # she adds the rest
    _, third = talk.step("Pourquoi ça ?")
    assert any(third.text.startswith(p) for p in Voice.lines("repeat_prefix")), third.text


def test_a_question_about_something_else_is_still_discovery() -> None:
    talk = _copier()
    _, reply = talk.step("Qu'est-ce qui vous gêne avec votre copieur actuel, au quotidien, "
                         "dans le cabinet ?")
    assert reply.text not in talk.objections["plus-cher-qu-aujourd-hui"].behind


def test_without_precisions_she_says_what_lies_behind_objections_of_that_kind() -> None:
    scenario = load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml")
    stripped = scenario.model_copy(update={"objections": [
        o.model_copy(update={"behind": []}) for o in scenario.objections]})
    talk = _copier(stripped)
    _, reply = talk.step("Qu'est-ce qui vous inquiète ?")
    assert reply.text in Voice.lines("dig_prix")


def test_a_price_objection_answered_with_costs_compared_is_lifted() -> None:
    talk = _copier()
    _, reply = talk.step("Je comprends. Mais comparons : aujourd'hui vous payez 240 € plus la "
                         "couleur facturée à part, environ 90 €, soit 330 € ; chez nous tout "
                         "est compris à 289 €.")
    assert "plus-cher-qu-aujourd-hui" in talk.state.objections_treated, reply.text
    accepted = talk.objections["plus-cher-qu-aujourd-hui"].accepted_lines
    assert any(line in reply.text for line in accepted)


def test_one_figure_said_again_is_no_comparison() -> None:
    talk = _copier()
    talk.step("C'est 289 € par mois.")
    assert "plus-cher-qu-aujourd-hui" not in talk.state.objections_treated
