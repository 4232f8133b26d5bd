"""What the thirty-fourth round's preparation showed (issue 13): "sous 48 h" read as an
afternoon hour, so in the out-of-stock complaint a recap after the express option ("livrée
sous 48 h, samedi 8 h-12 h") counted as a different part of the day and she never confirmed
the slot she had agreed."""

from __future__ import annotations

import pytest

from bot.customer.appointments import day_part, day_parts_differ


@pytest.mark.parametrize(("option", "part"), [
    ("le créneau de 8 h à 12 h", "matin"),
    ("celui de 14 h à 18 h", "après-midi"),
    ("le matin 8h-12h", "matin"),
    ("samedi 10 h", "matin"),
    ("vers 16 h 30", "après-midi"),
    ("8 h", "matin"),
    ("un modèle équivalent livré sous 48 h", None),
    ("l'échange en express sous 48 heures", None),
    ("d'ici 24 h", None),
])
def test_the_part_of_the_day_is_a_time_not_a_delay(option: str, part: str | None) -> None:
    assert day_part(option) == part


def test_a_delay_and_a_morning_are_no_choice_between_two_times_of_day() -> None:
    assert not day_parts_differ(("l'autre modèle sous 48 h", "le technicien samedi matin"))
    assert day_parts_differ(("8 h-12 h", "14 h-18 h"))
