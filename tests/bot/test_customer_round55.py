"""What round 55's blind plays showed (issue 13; measured at 778ffa6, kept as dev data): a
question on her figures read as a price announced, a slot refused and the visit closed in one
breath, "qu'est-ce qui vous manque ?" after her yes, an apology read as a reproach, a delay
that truly ran out said as the end of it, a guarantee cut to six months, a choice left to her
mid-sentence, two people or two days to pick from, a proof with nothing to prove, a day said
of any such day, an admitted pretext, and a price agreed above the ceiling she had said."""

from __future__ import annotations

from bot.engine import understander
from bot.questions import offered_options
from bot.replies import Voice

from .plays import replay


def _says(key: str, text: str) -> bool:
    return any(line.split("{")[0] in text for line in Voice.lines(key))


def test_a_question_on_her_figure_read_as_a_price_still_gets_the_fact() -> None:
    _, turns = replay("e4-copieur-cabinet.decideur-present.competent.t55-p1-2", 4)
    assert "fait:pages-couleur-facturees" in turns[-1].parts, turns[-1]
    assert "Faites court" not in turns[-1].text, turns[-1].text


def test_an_offer_in_figures_is_not_taken_for_a_question_on_her_facts() -> None:
    _, turns = replay("e4-copieur-cabinet.decideur-present.competent.t55-p1-2", 3,
                      "Je vous fais 259 euros si vous signez aujourd'hui, ça vous va ?")
    assert not any(label.startswith("fait:") for label in turns[-1].parts), turns[-1]


def test_a_slot_she_refuses_keeps_the_student_there() -> None:
    talk, turns = replay("e4-copieur-cabinet.decideur-present.competent.t55-p3-5", 13)
    assert "Ce créneau-là ne va pas" in turns[-1].text, turns[-1].text
    assert "Merci pour votre visite" not in turns[-1].text, turns[-1].text
    assert not talk.state.ended


def test_two_hours_of_one_day_she_takes_the_one_in_her_free_times() -> None:
    _, turns = replay("e4-copieur-cabinet.decideur-present.competent.t55-p3-5", 12)
    assert "après-midi" in turns[-1].text, turns[-1].text


def test_asked_what_still_holds_her_back_after_her_yes_she_says_nothing() -> None:
    _, turns = replay("e4-copieur-cabinet.delai-court.oral.t13-p1-5", 19)
    assert _says("holdback_agreed", turns[-1].text), turns[-1].text


def test_an_apology_for_an_unanswered_message_is_not_a_reproach() -> None:
    u = understander().understand("Merci, madame, j'ai vos deux messages : vous auriez dû avoir "
                                  "une réponse, et je m'en excuse.")
    assert not u.rudeness.sure
    reproach = understander().understand("Vous auriez dû le voir à la livraison et mettre une "
                                         "réserve sur le bon.")
    assert reproach.rudeness.sure
    _, turns = replay("tel-reclamation-lave-linge.rupture-stock.competent.t55-p2-5", 3)
    assert "courtois" not in turns[-1].text, turns[-1].text


def test_a_withdrawal_delay_run_out_with_nothing_offered_is_pressed() -> None:
    _, turns = replay("tel-reclamation-lave-linge.hors-delai.oral.t55-p2-3", 3)
    assert _says("expired_right_pressed", turns[-1].text), turns[-1].text


def test_the_withdrawal_run_out_beside_the_guarantee_offered_denies_nothing() -> None:
    talk, turns = replay("tel-reclamation-lave-linge.hors-delai.competent.t40-p3-1", 5)
    assert "droit_legal_nie" not in [event.value for event in talk.state.events]
    assert not talk.state.ended, turns[-1].text


def test_a_guarantee_cut_to_six_months_is_a_right_denied() -> None:
    talk, _ = replay("tel-reclamation-lave-linge.base.hors-script.t55-p3-4", 10)
    assert "droit_legal_nie" in [event.value for event in talk.state.events]


def test_a_choice_left_to_her_mid_sentence_is_made_by_her_own_times() -> None:
    assert offered_options("Dossier SAV-1, livraison samedi, matin ou après-midi, vous "
                           "choisissez, mais vite hein.") == ("matin", "après-midi")
    _, turns = replay("tel-reclamation-lave-linge.base.hors-script.t55-p3-4", 8)
    assert "choix" in turns[-1].parts and "matin" in turns[-1].text, turns[-1].text


def test_which_of_two_people_offers_the_two_people() -> None:
    assert offered_options("Et qui de Sophie ou de Mathieu préférez-vous libérer ?") == (
        "Sophie", "Mathieu")
    _, turns = replay("e4-evenement-responsable.siege-impose-date.competent.t55-p3-1", 11)
    assert "et qui" not in turns[-1].text, turns[-1].text


def test_two_days_offered_beside_a_deadline_are_chosen_between() -> None:
    _, turns = replay("e4-copieur-cabinet.delai-court.competent.t55-p2-4", 10)
    assert "vendredi" not in turns[-1].text, turns[-1].text
    assert "mardi" in turns[-1].text or "mercredi" in turns[-1].text, turns[-1].text


def test_a_feature_explained_is_not_praised_as_a_testimony() -> None:
    _, turns = replay("e4-copieur-cabinet.delai-court.hors-script.t55-p1-1", 6)
    assert "témoignage" not in turns[-1].text, turns[-1].text


def test_a_day_said_of_any_such_day_is_no_meeting_offered() -> None:
    _, turns = replay("e4-copieur-cabinet.decideur-present.competent.t55-p1-2", 7)
    assert "quelle heure" not in turns[-1].text, turns[-1].text


def test_an_admitted_pretext_and_a_rumour_on_her_supplier_are_remarked() -> None:
    _, turns = replay("tel-prospection-fidelix.base.hors-script.t55-p1-5", 3)
    assert turns[-1].text != "On a déjà une carte de fidélité.", turns[-1].text
    rumour = understander().understand("FidCarte c'est fini, ils vont fermer d'ici la fin de "
                                       "l'année, tout le monde migre chez nous.")
    assert rumour.rudeness.sure


def test_a_price_agreed_above_the_ceiling_she_said_is_said_so() -> None:
    talk, turns = replay("e4-copieur-cabinet.budget-serre.competent.t55-p1-6", 12)
    assert talk.state.price_agreed and talk.state.price_agreed > 250
    assert "250" in " ".join(turn.text for turn in turns[-2:]), turns[-1].text
