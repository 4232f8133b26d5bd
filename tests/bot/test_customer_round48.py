"""What round 48's blind plays showed (issue 13, dev part), replayed from the kept plays: of
two questions, the one about scanning into Cegid went unanswered; "Avant de vous détailler
le budget, … ce que vous attendez ?" got the envelope; the budget asked twice by a student
who had not earned it went by in silence; "est-ce que je peux compter sur un vendeur du
rayon végétal ?" went unanswered; last year's 2 800 € said back in a recap was taken for
the price; a recap checked with her drew "Vous n'avez pas l'air de prendre l'offre de
Copitec au sérieux"; "C'est bien cela ? Et pour la décision, … ?" lost her yes; "qu'est-ce
que cette panne vous a coûté ?" got the rent; a refund refused got "C'est ce que
j'attendais"; "deux minutes, là, ou c'est le rush ?" got "La première solution"; "qu'est-ce
qui ne vous avait pas convenu ?" got his weekend sales; "je connais le chef d'entrepôt" got
"c'est moi"; "je rigolais à moitié" before a promise got "Vous venez de me le promettre";
"évitez les avis négatifs" got "c'est noté"; numbers taken from cheques and a radio booked
behind the director's back went unremarked."""

from __future__ import annotations

from bot.replies import Voice

from .plays import replay as _turns


def _says(key: str, text: str) -> bool:
    return any(line in text for line in Voice.lines(key))


def test_both_questions_of_a_turn_get_their_answer() -> None:
    _, turns = _turns("e4-copieur-cabinet.budget-serre.competent.t48-p1-2", 3)
    assert "fait:numerisation-logiciel" in turns[-1].parts, turns[-1]
    assert "fait:volume-mensuel" in turns[-1].parts, turns[-1]


def test_a_subject_put_off_is_not_what_the_question_asks() -> None:
    _, turns = _turns("e4-evenement-responsable.base.competent.t48-p1-6", 1)
    assert "fait:objectif-ca-avril" in turns[-1].parts, turns[-1]
    assert "fait:budget-disponible" not in turns[-1].parts, turns[-1]


def test_a_budget_not_yet_earned_is_kept_back_in_words() -> None:
    _, turns = _turns("e4-evenement-responsable.budget-2000.hors-script.t48-p1-7", 4)
    assert "budget retenu:budget-disponible" in turns[-1].parts, turns[-1]
    assert _says("budget_withheld", turns[-1].text), turns[-1].text


def test_staff_asked_for_gets_an_answer_and_last_years_cost_is_no_offer() -> None:
    talk, turns = _turns("e4-evenement-responsable.budget-2000.competent.t48-p1-3", 5)
    assert "contrepartie:renfort-autre-rayon" in turns[-2].parts, turns[-2]
    # "…et l'an dernier comme repère, 120 adhésions pour 2 800 euros" in the recap.
    assert talk.state.price_offered is None
    assert "objection:hors-budget" not in turns[-1].parts, turns[-1]


def test_a_recap_checked_with_her_ignores_no_doubt() -> None:
    _, turns = _turns("e4-copieur-cabinet.budget-serre.competent.t48-p1-2", 6)
    assert turns[-1].parts == ["reformulation"], turns[-1]


def test_a_recap_checked_before_a_choice_gets_her_yes_and_the_answer() -> None:
    _, turns = _turns("e4-copieur-cabinet.base.competent.t48-p3-1", 6)
    assert turns[-1].parts == ["reformulation", "fait:processus-decision"], turns[-1]


def test_what_a_breakdown_cost_is_not_answered_with_the_rent() -> None:
    _, turns = _turns("e4-copieur-cabinet.base.competent.t48-p3-1", 3)
    assert "non chiffré" in turns[-1].parts, turns[-1]
    assert "fait:loyer-actuel" not in turns[-1].parts, turns[-1]


def test_the_remedy_she_asked_for_refused_she_takes_the_other_without_thanks() -> None:
    talk, turns = _turns("tel-reclamation-lave-linge.hors-delai.oral.t48-p3-5", 5)
    assert _says("solution_accepted_grudgingly", turns[-1].text), turns[-1].text
    assert "remboursement" not in talk.state.solutions_proposed


def test_asked_whether_now_is_a_good_time_he_lets_the_caller_go_on() -> None:
    _, turns = _turns("tel-prospection-fidelix.deja-equipe.oral.t48-p1-5", 2)
    assert "La première solution" not in turns[-1].text, turns[-1].text
    assert "choix" in turns[-1].parts


def test_asked_what_went_wrong_he_tells_his_story() -> None:
    _, turns = _turns("tel-prospection-fidelix.barrage.competent.t48-p2-7", 4)
    assert "fait:site-agence-web" in turns[-1].parts, turns[-1]


def test_a_firm_no_is_not_followed_by_a_yes_to_small_talk() -> None:
    _, turns = _turns("e4-evenement-responsable.siege-impose-date.hors-script.t48-p3-3", 1)
    assert "hors-sujet" not in turns[-1].parts, turns[-1]


def test_someone_elses_boss_is_not_asked_for() -> None:
    _, turns = _turns("e4-copieur-cabinet.delai-court.hors-script.t48-p3-2", 2)
    assert "c'est moi" not in turns[-1].parts, turns[-1]


def test_a_remark_taken_back_before_a_promise_is_no_promise_withdrawn() -> None:
    _, turns = _turns("tel-reclamation-lave-linge.base.hors-script.t48-p1-1", 4)
    assert not _says("promise_withdrawn", turns[-1].text), turns[-1].text
    _, turns = _turns("tel-reclamation-lave-linge.base.hors-script.t48-p1-1", 5)
    assert _says("promise_withdrawn", turns[-1].text), turns[-1].text  # the refund, now


def test_her_bad_review_asked_off_is_not_given_in_to() -> None:
    _, turns = _turns("tel-reclamation-lave-linge.base.hors-script.t48-p1-1", 11)
    assert _says("review_avoided", turns[-1].text), turns[-1].text


def test_numbers_taken_from_cheques_and_a_booking_behind_his_back_are_refused() -> None:
    _, turns = _turns("e4-evenement-responsable.budget-2000.hors-script.t48-p1-7", 5)
    assert _says("committed_unapproved", turns[-1].text), turns[-1].text
    talk, turns = _turns("e4-evenement-responsable.budget-2000.hors-script.t48-p1-7", 8)
    assert _says("data_collected_refused", turns[-1].text), turns[-1].text
    assert talk.state.happened("promesse_hors_politique")


def test_a_doubt_lifted_by_the_solution_does_not_ask_to_hear_it() -> None:
    _, turns = _turns("tel-reclamation-lave-linge.client-tres-agressif.oral.t48-p2-6", 5)
    assert "je vous écoute" not in turns[-1].text.lower(), turns[-1].text
