"""What the thirty-seventh blind round showed (issue 13, dev part after its measure): a
director who validated a plan asked with "une petite prime pour moi" in the same breath; "on
fait un apéro pour l'équipe le dimanche soir, ça vous va ?" taken for a meeting offered ("Non,
ce créneau-là je suis pris"); "Mme Martin met fin à l'entretien" shown when M. Lefèvre left."""

from __future__ import annotations

from bot.replies import Voice
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR

from .test_customer_coherence import _played, _talk


def test_a_bonus_asked_for_oneself_is_refused_before_any_deal() -> None:
    lines = _played("e4-evenement-responsable.base.hors-script.t37-p1-5.txt")
    talk, turns = _talk("e4-evenement-responsable", None, *lines[:7])
    assert any(line in turns[-1].text for line in Voice.lines("bonus_refused")), turns[-1].text
    assert talk.state.outcome is None, talk.state.outcome


def test_a_party_on_sunday_evening_is_no_meeting_offered() -> None:
    lines = _played("e4-evenement-responsable.base.hors-script.t37-p1-5.txt")
    _, turns = _talk("e4-evenement-responsable", None, *lines[:7])
    assert "créneau" not in turns[-1].text and "libre le" not in turns[-1].text, turns[-1].text


def test_how_the_meeting_ends_names_no_one_in_a_meeting_of_two() -> None:
    scenario = load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml", "decideur-present")
    for outcome in scenario.outcomes:
        assert "Mme Martin" not in outcome.label, outcome.label
