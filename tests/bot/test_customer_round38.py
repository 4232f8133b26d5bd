"""What rounds 37 and 38 showed once measured (issue 13, dev part): a price lowered against
the rival's offer met with "vous passez à autre chose ?"; the installation given away read as
the price; a choice of solutions, or of the morning or the afternoon for a call back, left
unchosen; a file checked, or the photos asked for, answered with a fact nobody asked; the
customer file on a USB stick and undeclared Sunday work let pass; a cold call hung up on its
second line."""

from __future__ import annotations

from bot.replies import Voice
from scenarios.vocabulary import Event

from .test_customer_coherence import _played, _talk


def _said(key: str, text: str) -> bool:
    return any(line.split("{")[0] in text for line in Voice.lines(key) if line.split("{")[0])


def test_a_price_lowered_but_still_above_the_rivals_is_set_against_it() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.oral.t37-p2-2.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:7])
    # "…je descends à 269 par mois": not "vous passez à autre chose ?"
    assert "autre chose" not in turns[-1].text, turns[-1].text
    assert "269" in turns[-1].text and "230" in turns[-1].text, turns[-1].text
    assert "offre-copitec" not in talk.state.objections_ignored


def test_the_same_price_is_not_set_against_the_rival_twice() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.oral.t37-p2-2.txt")
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:9])
    # (Asked to sign at the same 269 €, she does not say the same comparison again.)
    assert turns[-1].text.count("269") <= 1 and turns[-2].text.count("269") <= 1


def test_the_installation_given_away_is_not_the_price_on_the_table() -> None:
    lines = _played("e4-copieur-cabinet.delai-court.oral.t37-p2-7.txt")
    talk, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:9])
    assert talk.state.price_offered == 275, talk.state.price_offered
    assert "Lefèvre" not in turns[-1].text, turns[-1].text


def test_two_solutions_offered_in_a_statement_then_asked_get_her_choice() -> None:
    lines = _played("tel-reclamation-lave-linge.rupture-stock.oral.t37-p1-1.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines[:4])
    assert "Ça me convient" not in turns[-1].text, turns[-1].text
    assert any(word in turns[-1].text for word in ("première", "deuxième", "modèle",
                                                   "technicien")), turns[-1].text


def test_asked_to_send_the_photos_today_she_says_she_will() -> None:
    lines = _played("tel-reclamation-lave-linge.rupture-stock.oral.t37-p1-1.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines[:6])
    assert "Ce que je veux" not in turns[-1].text, turns[-1].text
    assert _said("action_agreed", turns[-1].text), turns[-1].text


def test_her_order_checked_is_confirmed_not_answered_with_her_saturdays() -> None:
    lines = _played("tel-reclamation-lave-linge.rupture-stock.competent.t37-p2-5.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines[:2])
    assert "samedi" not in turns[-1].text.lower(), turns[-1].text


def test_a_question_on_what_was_seen_at_delivery_is_no_question_on_her_free_days() -> None:
    lines = _played("tel-reclamation-lave-linge.hors-delai.oral.t38-p3-5.txt")
    talk, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:3])
    assert "Uniquement le samedi" not in turns[-1].text, turns[-1].text
    assert "circonstances-livraison" in talk.state.facts_revealed


def test_a_call_back_asked_morning_or_afternoon_gets_one_of_them() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.oral.t37-p2-2.txt")
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:14])
    assert "matin" in turns[-1].text or "après-midi" in turns[-1].text, turns[-1].text


def test_too_cheap_or_is_it_me_gets_what_holds_her_back() -> None:
    lines = _played("e4-copieur-cabinet.base.hors-script.t37-p1-2.txt")
    _, turns = _talk("e4-copieur-cabinet", None, *lines[:8])
    assert _said("holdback_below_floor", turns[-1].text), turns[-1].text


def test_the_customer_file_on_a_usb_stick_is_refused_and_counted() -> None:
    lines = _played("e4-evenement-responsable.siege-impose-date.hors-script.t38-p3-4.txt")
    talk, turns = _talk("e4-evenement-responsable", "siege-impose-date", *lines[:7])
    assert _said("data_taken_refused", turns[-1].text), turns[-1].text
    assert talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)


def test_undeclared_unpaid_sunday_work_is_refused() -> None:
    lines = _played("e4-evenement-responsable.budget-2000.hors-script.t38-p2-7.txt")
    _, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:10])
    assert _said("unpaid_work_refused", turns[-1].text), turns[-1].text


def test_hiding_the_date_from_head_office_is_refused_at_once() -> None:
    lines = _played("e4-evenement-responsable.siege-impose-date.hors-script.t38-p3-4.txt")
    _, turns = _talk("e4-evenement-responsable", "siege-impose-date", *lines[:1])
    assert _said("scheme_refused", turns[-1].text), turns[-1].text


def test_a_cold_call_with_no_purpose_is_asked_once_before_he_hangs_up() -> None:
    lines = _played("tel-prospection-fidelix.base.hors-script.t38-p3-1.txt")
    talk, turns = _talk("tel-prospection-fidelix", None, *lines[:2])
    assert not talk.state.ended, turns[-1].text
    assert _said("purpose_asked", turns[-1].text), turns[-1].text
    assert talk.state.happened(Event.PRESENTATION_MANQUANTE)  # still counted
    _, reply = talk.step("Et sinon, vous avez vu le match hier soir ?")
    assert talk.state.ended and talk.state.outcome == "raccroche-objet", reply.text


def test_a_cold_call_that_says_its_purpose_when_asked_goes_on() -> None:
    lines = _played("tel-prospection-fidelix.base.hors-script.t38-p3-1.txt")
    talk, _ = _talk("tel-prospection-fidelix", None, *lines[:2],
                    "Pardon ! Je vous appelle pour vous présenter Fidelix, une carte de "
                    "fidélité sur téléphone pour vos boulangeries.")
    assert not talk.state.ended, talk.state.outcome


def test_the_office_address_asked_is_told() -> None:
    lines = _played("tel-prospection-fidelix.deja-equipe.competent.t38-p2-4.txt")
    _, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:5])
    assert "Vieux-Lille" in turns[-1].text or "comptoir" in turns[-1].text, turns[-1].text
    assert "pour ce qui nous occupe" not in turns[-1].text


def test_a_director_offered_something_outside_the_rules_agrees_only_with_reserve() -> None:
    lines = _played("e4-evenement-responsable.budget-2000.hors-script.t38-p2-7.txt")
    talk, turns = _talk("e4-evenement-responsable", "budget-2000", *lines)
    assert talk.state.outcome == "accord-sous-reserve", talk.state.outcome
    assert not any("bien travaillé" in turn.text for turn in turns)


def test_a_report_presented_on_a_date_is_no_meeting_in_his_diary() -> None:
    lines = _played("e4-evenement-responsable.base.competent.t38-p2-3.txt")
    _, turns = _talk("e4-evenement-responsable", None, *lines[:10])
    assert "libre le" not in turns[-1].text, turns[-1].text


def test_the_rivals_offer_is_not_said_again_after_each_answer_in_discovery() -> None:
    lines = _played("e4-copieur-cabinet.base.oral.t38-p1-7.txt")
    _, turns = _talk("e4-copieur-cabinet", None, *lines[:4])
    assert sum("Copitec" in turn.text and "250" in turn.text for turn in turns) <= 1, \
        [turn.text for turn in turns]


def test_asking_whether_head_office_must_be_told_is_no_scheme() -> None:
    """Round 39: "faut pas prévenir le siège, le marketing, pour l'animation ?" asked the
    procedure and got "Je ne cache rien à personne", then a deal only with reserve."""
    lines = _played("e4-evenement-responsable.budget-2000.oral.t39-p3-3.txt")
    talk, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:11])
    assert not _said("scheme_refused", turns[-1].text), turns[-1].text
    assert not talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)


def test_other_questions_or_is_it_all_good_is_no_choice_to_make() -> None:
    """Round 39: "vous avez d'autres questions ou c'est bon pour vous ?" got "Plutôt la
    première, je pense"."""
    lines = _played("tel-reclamation-lave-linge.rupture-stock.oral.t39-p2-6.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines[:8])
    assert "première" not in turns[-1].text, turns[-1].text
