"""What round 52's blind plays showed (issue 13; measured at 3cb2b94, then dev): "un e-mail de
confirmation qui le rappelle" was taken for a callback offered ("Oui, rappelez-moi, on en
reparlera" to a choice of delivery slots); "ça coûte plus que 20 euros par mois, non ?", said of
the breakdowns' cost, was taken for a rent of 20 € ("Si peu ? Il y a forcément une erreur")."""

from __future__ import annotations

from bot.replies import Voice

from .plays import replay as _turns


def test_an_email_that_restates_the_file_number_is_no_callback() -> None:
    _, turns = _turns("tel-reclamation-lave-linge.client-tres-agressif.competent.t52-p3-7", 4)
    assert turns[-1].parts == ["choix"], turns[-1]
    assert not any(line in turns[-1].text for line in Voice.lines("callback_ok")), turns[-1]


def test_the_cost_of_a_breakdown_weighed_in_euros_is_no_price() -> None:
    _, turns = _turns("e4-copieur-cabinet.base.oral.t52-p1-3", 7)
    assert "prix invraisemblable" not in turns[-1].parts, turns[-1]
