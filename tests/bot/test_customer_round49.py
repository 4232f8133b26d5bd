"""What round 49's blind plays showed (issue 13; measured first, then dev): "Ah bon, vous
avez essayé quoi avant ?" and "qu'est-ce qui n'avait pas fonctionné ?" were read as ignoring
the doubt (a baker hung up on the first); "Copitec c'est des charlots" went unremarked while
"payer pour rien c'est nul" was rebuked as running someone down; "vous avez gagné" on a cold
call got "Bon, allez-y"; "vous êtes jamais contente ?" passed; "…deux copieurs chez Copitec,
c'est ça ? Ils marchent encore bien ?" and "qu'est-ce qui fonctionne ou ne fonctionne pas
avec vos deux copieurs ?" got "il faudrait que je vérifie"; walking out on pressure said the
pressure twice; "pardon, c'était une blague nulle" ended a meeting as an insult."""

from __future__ import annotations

from bot.conduct import markers
from bot.replies import Voice

from .plays import student_lines
from .test_customer_coherence import _talk


def _turns(name: str, upto: int, *more: str) -> tuple[object, list]:
    scenario, variant = name.split(".")[:2]
    return _talk(scenario, None if variant == "base" else variant,
                 *student_lines(f"{name}.txt")[:upto], *more)


def test_asked_what_he_tried_before_he_tells_and_stays_on_the_line() -> None:
    talk, turns = _turns("tel-prospection-fidelix.base.oral.t49-p2-6", 5)
    assert "objection ignorée" not in turns[-1].parts, turns[-1]
    assert talk.state.patience > 20
    _, turns = _turns("tel-prospection-fidelix.base.competent.t49-p2-7", 3)
    assert "fait:site-agence-web" in turns[-1].parts, turns[-1]


def test_running_down_people_is_rebuked_and_a_situation_judged_is_not() -> None:
    assert markers("Copitec c'est des charlots, tout le monde le sait.") == ("dénigrement",)
    assert markers("Ah ouais je comprends, payer pour rien c'est nul.") == ()
    assert markers("Bon, vous voulez quoi au final, vous êtes jamais contente ?")


def test_a_prize_announced_on_a_cold_call_is_doubted() -> None:
    _, turns = _turns("tel-prospection-fidelix.client-presse.hors-script.t49-p1-3", 2)
    assert turns[-1].text in Voice.lines("prize_doubted"), turns[-1].text


def test_questions_about_her_copiers_get_what_she_lives_with_them() -> None:
    for name in ("e4-copieur-cabinet.delai-court.oral.t49-p1-2",
                 "e4-copieur-cabinet.delai-court.competent.t49-p1-6"):
        _, turns = _turns(name, 2)
        assert "fait:pannes-frequentes" in turns[-1].parts, (name, turns[-1])


def test_walking_out_on_pressure_says_it_once() -> None:
    _, turns = _turns("e4-copieur-cabinet.delai-court.hors-script.t46-p1-4", 5)
    assert turns[-1].parts == ["issue"], turns[-1]
    assert turns[-1].text.count("la main") <= 1, turns[-1].text


def test_an_apology_calling_ones_own_joke_bad_is_no_insult() -> None:
    assert markers("Pardon, c'était une blague nulle. Je reprends : quel budget ?") == ()
    assert markers("Votre idée est nulle.")  # hers judged: still an insult
    talk, turns = _turns("e4-evenement-responsable.budget-2000.hors-script.t49-p1-4", 3)
    assert not talk.state.ended, turns[-1].text
