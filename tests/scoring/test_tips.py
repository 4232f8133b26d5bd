"""Live tips say what the student just did: "Trois questions fermées de suite" only after three
turns in a row that each asked only closed questions, once per run (blind players saw it after
a goodbye and after every later turn)."""

from __future__ import annotations

from bot.engine import start_conversation
from scenarios import load_scenario
from scenarios.catalog import find
from scoring.tips import Coach

CLOSED = "Trois questions fermées"


def _tips(*lines: str) -> list[str | None]:
    scenario = load_scenario(find("e4-copieur-cabinet"))
    customer = start_conversation(scenario)
    customer.opening()
    coach = Coach(scenario)
    tips = []
    for turn, line in enumerate(lines, 1):
        before = set(customer.state.events)
        understood, _ = customer.step(line)
        tips.append(coach.tip(turn, understood.acts, line, before, customer.state))
    return tips


def test_three_closed_questions_in_a_row_get_the_tip_once() -> None:
    tips = _tips("Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.",
                 "Vous avez deux copieurs ?",
                 "Vous imprimez beaucoup en couleur ?",
                 "Est-ce que vous êtes satisfaite de Copitec ?",
                 "Vous avez un budget précis ?")
    said = [tip for tip in tips if tip and CLOSED in tip]
    assert len(said) == 1 and tips[3] and CLOSED in tips[3], tips


def test_a_turn_without_a_question_breaks_the_run() -> None:
    tips = _tips("Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.",
                 "Vous avez deux copieurs ?",
                 "Vous imprimez beaucoup en couleur ?",
                 "D'accord, je note, c'est très clair.",
                 "Le contrat se termine bientôt ?",
                 "Merci beaucoup, au revoir et bonne journée.")
    assert not any(tip and CLOSED in tip for tip in tips), tips


def test_closed_questions_that_check_book_or_close_are_not_counted() -> None:
    """Blind players saw the tip on a recap's "C'est bien ça ?", on "mardi ou jeudi ?" and
    on the closing question."""
    tips = _tips("Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.",
                 "Vous avez deux copieurs ?",
                 "Si je résume : deux copieurs, 12 000 pages par mois. C'est bien ça ?",
                 "Vous préférez que je repasse mardi ou jeudi ?",
                 "On part là-dessus ?")
    assert not any(tip and CLOSED in tip for tip in tips), tips


def test_an_open_question_read_as_closed_does_not_count() -> None:
    tips = _tips("Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.",
                 "Vous avez deux copieurs ?",
                 "Vous imprimez beaucoup en couleur ?",
                 "Et comment ça se passe quand une machine tombe en panne ?")
    assert not any(tip and CLOSED in tip for tip in tips), tips
