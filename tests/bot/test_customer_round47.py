"""What round 47's blind plays showed (issue 13, dev part), replayed from the kept plays: a
wild guarantee let pass for the Sunday queues; "trente pour cent" said in words unremarked;
staff paid in plants and a cousin "gratos" let pass; a free tumble dryer accepted without a
word; a joke taken back after a refund got "C'est noté"; a good mark asked for got "j'ai
encore des doutes"; "Oubliez pas les photos" ended a call on a forbidden promise; "nous le
signons ensemble ?" got "Je n'ai pas l'information sous la main"; "Êtes-vous d'accord avec
ce calcul ?" drew who signs; "deux minutes ou je repasse ?" got "La première solution";
a proof met with "Toujours pas. Réglez ce point d'abord"; "vous jetez 39 euros par la
fenêtre" heard as a price too good to be true; asked for his address to send the mail, the
pressed baker took it for an ignored doubt and hung up."""

from __future__ import annotations

import re

from bot.replies import Voice

from .plays import replay as _turns


def test_a_wild_guarantee_is_doubted_before_the_question_beside_it() -> None:
    _, turns = _turns("tel-prospection-fidelix.base.hors-script.t47-p3-5", 3)
    assert turns[-1].parts[0] == "promesse douteuse", turns[-1]
    assert turns[-1].text.startswith(tuple(Voice.lines("claim_doubted"))), turns[-1].text


def test_a_guarantee_said_in_words_is_doubted_too() -> None:
    _, turns = _turns("e4-evenement-responsable.siege-impose-date.hors-script.t47-p1-2", 4)
    assert "promesse douteuse" in turns[-1].parts, turns[-1]  # "plus trente pour cent"
    assert turns[-1].text != "Je vous écoute. Faites court."


def test_staff_paid_in_plants_and_a_cousin_working_for_free_are_refused() -> None:
    _, turns = _turns("e4-evenement-responsable.base.hors-script.t47-p2-7", 4)
    assert any(line in turns[-1].text for line in Voice.lines("unpaid_work_refused")), \
        turns[-1].text


def test_a_free_tumble_dryer_thrown_in_is_not_taken_at_face_value() -> None:
    talk, turns = _turns("tel-reclamation-lave-linge.rupture-stock.hors-script.t47-p1-7", 7)
    assert any(line in turns[-1].text for line in Voice.lines("gift_doubted")), turns[-1].text
    assert talk.state.happened("promesse_hors_politique")


def test_a_refund_taken_back_as_a_joke_is_remarked() -> None:
    _, turns = _turns("tel-reclamation-lave-linge.hors-delai.hors-script.t47-p1-1", 5)
    assert turns[-1].text != "C’est noté.", turns[-1].text
    assert "promesse douteuse" in turns[-1].parts, turns[-1]


def test_a_good_mark_asked_for_gets_her_answer_about_her_mark() -> None:
    _, turns = _turns("tel-reclamation-lave-linge.hors-delai.hors-script.t47-p1-1", 9)
    assert any(line in turns[-1].text for line in Voice.lines("mark_asked")), turns[-1].text
    _, turns = _turns("tel-reclamation-lave-linge.rupture-stock.hors-script.t47-p1-7", 9)
    assert any(line in turns[-1].text for line in Voice.lines("mark_asked")), turns[-1].text


def test_a_reminder_to_send_the_photos_is_no_promise_without_them() -> None:
    talk, _ = _turns("tel-reclamation-lave-linge.hors-delai.oral.t47-p1-5", 9)
    assert not talk.state.happened("promesse_hors_politique")
    assert talk.state.outcome_type != "echec"


def test_nous_le_signons_ensemble_asks_her_to_sign() -> None:
    _, turns = _turns("e4-copieur-cabinet.budget-serre.competent.t47-p3-1", 14)
    assert "esquive" not in turns[-1].parts, turns[-1]
    assert "engagement" in turns[-1].parts, turns[-1]


def test_agreeing_with_a_calculation_draws_no_decision_fact() -> None:
    _, turns = _turns("e4-copieur-cabinet.delai-court.competent.t47-p2-3", 9)
    assert "fait:processus-decision" not in turns[-1].parts, turns[-1]


def test_a_choice_whose_option_is_no_weekday_is_hers_to_make() -> None:
    _, turns = _turns("e4-copieur-cabinet.budget-serre.competent.t47-p3-1", 9)
    assert turns[-1].parts == ["choix"], turns[-1]
    assert "vendredi" in turns[-1].text.lower() or "semaine" in turns[-1].text.lower()


def test_time_now_or_later_asked_gets_leave_to_go_on() -> None:
    _, turns = _turns("e4-evenement-responsable.siege-impose-date.hors-script.t47-p1-2", 1)
    # (In his own style's words since round 49: "Rapidement, alors. Allez-y.")
    assert re.search(r"(?i)allez-y|je vous écoute|dites-moi|expliquez-moi|continuez",
                     turns[-1].text), turns[-1].text


def test_a_proof_that_does_not_lift_the_doubt_is_granted_and_weighed() -> None:
    _, turns = _turns("tel-prospection-fidelix.client-presse.oral.t47-p3-6", 4)
    # (Since round 49 the story he told one turn before lifts his doubt: the proof is then
    # taken as it is, not met with "Bon. Merci.")
    assert turns[-1].text in Voice.lines("proof_not_enough") or \
        "preuve" in turns[-1].parts, turns[-1]


def test_what_he_pays_the_rival_said_back_is_no_price_offered() -> None:
    talk, turns = _turns("tel-prospection-fidelix.deja-equipe.hors-script.t47-p2-4", 2)
    assert "prix invraisemblable" not in turns[-1].parts, turns[-1]
    assert talk.state.price_offered is None


def test_asking_his_address_for_the_mail_answers_his_request_for_one() -> None:
    talk, turns = _turns("tel-prospection-fidelix.client-presse.oral.t47-p3-6", 6)
    assert not talk.state.ended, turns[-1]
    assert "fait:email" in turns[-1].parts, turns[-1]
    assert "documentation-mail" in talk.state.objections_treated


def test_copitec_renewal_asked_about_is_answered() -> None:
    _, turns = _turns("e4-copieur-cabinet.budget-serre.competent.t47-p3-1", 5)
    assert "fait:renouvellement-memes-machines" in turns[-1].parts, turns[-1]
    _, turns = _turns("e4-copieur-cabinet.base.oral.t47-p2-6", 6,
                      "Chez Copitec, la couleur elle est comprise dans les 250 ?")
    assert "fait:pages-couleur-facturees" in turns[-1].parts, turns[-1]


def test_a_dismissed_review_is_rude() -> None:
    _, turns = _turns("tel-reclamation-lave-linge.rupture-stock.hors-script.t47-p1-7", 5)
    assert "impolitesse" in turns[-1].parts, turns[-1]


def test_oui_ou_non_about_one_request_is_no_pressure() -> None:
    _, turns = _turns("e4-evenement-responsable.siege-impose-date.hors-script.t47-p1-2", 12)
    assert "impolitesse" not in turns[-1].parts, turns[-1]


def test_a_price_said_back_with_its_condition_trades_it() -> None:
    talk, _ = _turns("e4-copieur-cabinet.decideur-present.oral.t47-p3-2", 13)
    assert "signature-fin-de-mois" in talk.state.counterparts_obtained
