"""What the nineteenth blind round and the last plays of the eighteenth showed (issue 13),
replayed from the plays: a restatement ending on a full stop made her tell a fact nobody
asked for ("Ce que je veux ? Une machine qui marche"), and a day and an hour said right after
she named her free slots booked nothing ("C'est noté, c'est précis." and no meeting)."""

from __future__ import annotations

from .test_customer_coherence import _played, _talk


def test_a_restatement_that_ends_on_a_full_stop_asks_her_nothing() -> None:
    lines = _played("tel-reclamation-lave-linge.base.competent.t18-p2-5.txt")
    assert lines[3].startswith("Si je comprends bien")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:4])
    assert "Ce que je veux" not in turns[-1].text, turns[-1].text


def test_a_slot_said_after_she_named_hers_is_booked() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t19-p1-3.txt")
    assert lines[18].startswith("Alors jeudi à 14 heures")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:19])
    assert talk.state.appointment is not None, turns[-1].text
    assert talk.state.appointment.get("jour") == "jeudi", talk.state.appointment
