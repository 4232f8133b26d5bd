"""What the nineteenth blind round and the last plays of the eighteenth showed (issue 13),
replayed from the plays: a restatement ending on a full stop made her tell a fact nobody
asked for ("Ce que je veux ? Une machine qui marche"), and a day and an hour said right after
she named her free slots booked nothing ("C'est noté, c'est précis." and no meeting)."""

from __future__ import annotations

from bot.replies import Voice

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


HORS_DELAI = "tel-reclamation-lave-linge.hors-delai.competent.t19-p2-3.txt"


def test_asked_to_send_her_photos_she_says_she_will() -> None:
    """"…j'ai besoin de deux ou trois photos du hublot fissuré. Pouvez-vous les envoyer dès
    aujourd'hui ?" got "Comme je vous le disais, la porte est fendue"."""
    lines = _played(HORS_DELAI)
    assert "Pouvez-vous les envoyer" in lines[5]
    _, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:6])
    assert any(line in turns[-1].text for line in Voice.lines("action_agreed")), turns[-1].text


def test_between_the_express_and_the_five_days_she_takes_the_express() -> None:
    lines = _played(HORS_DELAI)
    assert "ou le remplacement standard sous cinq jours" in lines[7]
    _, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:8])
    assert "express" in turns[-1].text and "cinq jours" not in turns[-1].text, turns[-1].text


def test_a_saturday_delivery_put_to_her_is_agreed_not_answered_with_her_order() -> None:
    lines = _played(HORS_DELAI)
    assert "livrer ce samedi" in lines[9] and lines[9].endswith("Cela vous convient ?")
    _, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:10])
    assert turns[-1].text in Voice.lines("slot_ok"), turns[-1].text


def test_a_project_put_to_her_vote_at_her_budget_is_the_offer() -> None:
    """"Si j'obtiens son accord, validez-vous le projet à 3 000 € ?": 3 000 € is the price
    on the table, even though it is the budget she gave."""
    lines = _played("e4-evenement-responsable.siege-impose-date.competent.t10-p3-5.txt")
    assert "validez-vous le projet à 3 000 €" in lines[8]
    talk, _ = _talk("e4-evenement-responsable", "siege-impose-date", *lines[:9])
    assert talk.state.price_offered == 3000, talk.state.price_offered


def test_a_project_cheaper_than_last_years_fair_is_not_told_the_fair_did_better_for_less() -> None:
    lines = _played("e4-evenement-responsable.siege-impose-date.competent.t19-p2-7.txt")
    priced = next(i for i, line in enumerate(lines) if "Total 2 725 €" in line)
    _, turns = _talk("e4-evenement-responsable", "siege-impose-date", *lines[:priced + 1])
    assert "moins cher" not in turns[-1].text, turns[-1].text


def test_a_question_that_lifts_her_doubt_gets_her_answer_not_a_concession() -> None:
    """"Qu'est-ce qui vous avait le plus satisfait dans la foire aux plantes ?" got "Des
    producteurs locaux… Vu comme ça, votre formule va plus loin que la foire. Admettons." """
    lines = _played("e4-evenement-responsable.base.competent.t19-p3-7.txt")
    asked = next(i for i, line in enumerate(lines) if "le plus satisfait" in line)
    _, turns = _talk("e4-evenement-responsable", None, *lines[:asked + 1])
    # Her answer is the fair itself, its story or its figures (which of its lines she told
    # first is her voice's draw), never a concession.
    assert turns[-1].parts == ["fait:bilan-foire"], turns[-1]
    assert "va plus loin" not in turns[-1].text, turns[-1].text


def test_the_installation_fee_named_as_usual_is_not_the_rent() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.oral.t19-p2-1.txt")
    offered = next(i for i, line in enumerate(lines) if "c'est 350 € HT normalement" in line)
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:offered + 1])
    assert talk.state.price_offered != 350, turns[-1].text


def test_asked_which_day_to_sign_she_does_not_restate_who_decides() -> None:
    """"…préférez-vous que je repasse le signer avec vous jeudi ou vendredi ?" got "Au-delà,
    c'est M. Lefèvre, l'associé gérant, qui décide. D'accord, mais à quelle heure ?" at
    289 €, within her 300 € delegation."""
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t19-p1-3.txt")
    assert "jeudi ou vendredi ?" in lines[16]
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:17])
    assert "Lefèvre" not in turns[-1].text, turns[-1].text


def test_the_gatekeeper_told_the_callers_name_does_not_ask_it_nor_speak_of_sunday() -> None:
    """"…dites-lui que c'est Kevin." got "Ah, le dimanche… ça, c'est vrai que c'est la folie.
    C'est lui qui gère ça. Je lui dis que c'est qui ?" (blind play)."""
    lines = _played("tel-prospection-fidelix.barrage.hors-script.t19-p3-3.txt")
    assert lines[1].endswith("dites-lui que c'est Kevin.")
    _, turns = _talk("tel-prospection-fidelix", "barrage", *lines[:2])
    assert "c’est qui" not in turns[-1].text and "dimanche" not in turns[-1].text, \
        turns[-1].text


def test_a_promise_taken_at_its_word_is_not_answered_twice_in_the_same_words() -> None:
    """"Ça, je le retiens. Vous me l'envoyez par mail, que ce soit noté ?" came back word for
    word in one call (blind round 20)."""
    lines = _played("tel-reclamation-lave-linge.base.hors-script.t20-p3-6.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines)
    said = [line for turn in turns for line in Voice.lines("promise_seized") if line in turn.text]
    assert len(said) == len(set(said)), said
