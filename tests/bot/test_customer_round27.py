"""What the twenty-seventh blind round showed (issue 13): "combien on a exactement ?" got
"Bonjour."; a counterpart asked as leave ("vous m'autorisez à envoyer un SMS… ?") got the
loyalty objective, twice; "Vous êtes loin derrière" answered a price that matched the
competitor's, and a price taken back (199 € then 250 €) went by; "Copitec c'est des nuls"
ended the meeting on "on me force la main"; "désolée pour le retard" got "Merci de le
relever"; asked which solution she prefers, she chose none; her signing limit said back was
read as a new price."""

from __future__ import annotations

from scenarios.vocabulary import Event

from .test_customer_coherence import _played, _talk


def test_how_much_do_we_have_asks_for_the_budget() -> None:
    lines = _played("e4-evenement-responsable.budget-2000.oral.t27-p3-6.txt")
    _, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:1])
    assert "2 000 €" in turns[-1].text, turns[-1].text


def test_a_counterpart_asked_as_leave_gets_her_answer() -> None:
    lines = _played("e4-evenement-responsable.base.competent.t27-p3-1.txt")
    _, turns = _talk("e4-evenement-responsable", None, *lines[:7])
    assert "fichier" in turns[-1].text.lower() or "SMS" in turns[-1].text, turns[-1].text
    assert "Vos 150" not in turns[-1].text and "carte :" not in turns[-1].text, turns[-1].text


def test_a_price_taken_back_is_remarked() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.hors-script.t27-p2-4.txt")
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:7])
    assert "199" in turns[-1].text, turns[-1].text


def test_a_price_that_matches_the_competitor_is_not_called_far_behind() -> None:
    _, turns = _talk("e4-copieur-cabinet", "budget-serre",
                     "Bonjour Madame Martin, Lucas Fabre de Bureau Plus, merci de me recevoir.",
                     "Vos copieurs actuels, ils vous donnent satisfaction ?",
                     "Vous imprimez combien de pages par mois ?",
                     "Notre MX-5000 est à 289 € HT par mois, maintenance sous 4 heures.",
                     "Je peux descendre à 265 € HT par mois si vous signez avant la fin du mois.",
                     "Bon, 230 € HT par mois, on s'aligne sur Copitec. Ça vous va ?")
    assert all("loin derrière" not in turn.text for turn in turns[-1:]), turns[-1].text


def test_running_down_the_competitor_is_not_pressure() -> None:
    lines = _played("e4-copieur-cabinet.decideur-present.hors-script.t27-p1-7.txt")
    _, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:2])
    assert "force la main" not in turns[-1].text, turns[-1].text
    assert "Merci de le relever" not in turns[0].text, turns[0].text


def test_asked_which_solution_she_prefers_she_picks_the_quickest() -> None:
    lines = _played("tel-reclamation-lave-linge.base.oral.t27-p3-3.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:5])
    assert "express" in turns[-1].text, turns[-1].text


def test_her_signing_limit_said_back_is_not_a_new_price() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.oral.t7-p2-7.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:20])
    assert talk.state.price_offered == 259, talk.state.price_offered
    assert "tout à l’heure" not in turns[-1].text, turns[-1].text


def test_a_second_goodbye_notes_nothing() -> None:
    lines = _played("tel-prospection-fidelix.base.oral.t27-p1-3.txt")
    _, turns = _talk("tel-prospection-fidelix", None, *lines)
    assert "noté" not in turns[-1].text, turns[-1].text


def test_a_fee_first_named_in_the_final_recap_is_news_to_her() -> None:
    lines = _played("e4-copieur-cabinet.base.competent.t27-p2-1.txt")
    _, turns = _talk("e4-copieur-cabinet", None, *lines[:16])
    assert "350" in turns[-1].text and "Exactement" not in turns[-1].text, turns[-1].text


def test_an_opinion_put_to_her_is_not_a_question_about_her_signing_limit() -> None:
    lines = _played("e4-copieur-cabinet.delai-court.hors-script.t27-p1-4.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:2])
    assert "300" not in turns[-1].text and "Lefèvre" not in turns[-1].text, turns[-1].text


def test_asked_to_send_her_photos_she_says_she_will() -> None:
    lines = _played("tel-reclamation-lave-linge.base.oral.t27-p3-3.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:6])
    assert turns[-1].text.count(".") >= 2 and any(
        word in turns[-1].text for word in ("je fais ça", "je m’en occupe", "je vous envoie")), \
        turns[-1].text


def test_a_question_beside_the_one_that_digs_is_answered_too() -> None:
    lines = _played("tel-prospection-fidelix.deja-equipe.oral.t27-p3-4.txt")
    _, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:3])
    assert "FidCarte" in turns[-1].text, turns[-1].text
    assert "Vous ne m’écoutez pas" not in turns[-1].text, turns[-1].text


def test_asking_the_hour_of_a_demo_is_not_followed_by_a_brush_off() -> None:
    lines = _played("tel-prospection-fidelix.client-presse.hors-script.t27-p2-5.txt")
    _, turns = _talk("tel-prospection-fidelix", "client-presse", *lines[:6])
    assert "heure" in turns[-1].text and "doc" not in turns[-1].text, turns[-1].text


def test_a_doubt_said_again_does_not_close_the_call_again() -> None:
    lines = _played("tel-prospection-fidelix.client-presse.hors-script.t27-p2-5.txt")
    _, turns = _talk("tel-prospection-fidelix", "client-presse", *lines[:5])
    assert "Merci bien" not in turns[-1].text and ": ah non" not in turns[-1].text, \
        turns[-1].text


def test_a_student_who_will_rework_the_budget_is_not_told_it_again() -> None:
    lines = _played("e4-evenement-responsable.siege-impose-date.oral.t27-p1-5.txt")
    _, turns = _talk("e4-evenement-responsable", "siege-impose-date", *lines[:5])
    assert "hors budget" not in turns[-1].text, turns[-1].text


def test_blaming_the_carrier_and_her_children_gets_a_reaction() -> None:
    lines = _played("tel-reclamation-lave-linge.rupture-stock.hors-script.t27-p3-2.txt")
    talk, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines[:3])
    assert not turns[-1].text.startswith("D’accord"), turns[-1].text
    assert talk.state.happened(Event.IMPOLITESSE)


def test_a_made_up_deadline_is_doubted() -> None:
    from bot.replies import Voice
    _, turns = _talk("e4-copieur-cabinet", None,
                     "Bonjour Madame Martin, Lucas Fabre de Bureau Plus, merci de me recevoir.",
                     "Vous imprimez combien de pages par mois ?",
                     "C'est 289 € HT par mois, mais si vous signez pas aujourd'hui le prix "
                     "augmente de 20 % demain.")
    assert any(line in turns[-1].text for line in Voice.lines("deadline_doubted")), \
        turns[-1].text
    _, turns = _talk("e4-copieur-cabinet", None,
                     "Bonjour Madame Martin, Lucas Fabre de Bureau Plus, merci de me recevoir.",
                     "Vous imprimez combien de pages par mois ?",
                     "Si vous signez avant la fin du mois, je vous fais 275 € HT par mois.")
    assert not any(line in turns[-1].text for line in Voice.lines("deadline_doubted"))


def test_a_refund_offered_as_a_question_is_a_solution_offered() -> None:
    talk, turns = _talk("tel-reclamation-lave-linge", "rupture-stock",
                        "Service client ElectroMaison, Inès, bonjour, je vous écoute.",
                        "Je comprends, je suis désolée. Vous pouvez me donner votre numéro de "
                        "commande ?",
                        "Vous préférez un remboursement ?")
    assert talk.state.happened(Event.SOLUTION_PROPOSEE)
    assert "éloigne" not in turns[-1].text, turns[-1].text


def test_asked_again_to_sign_she_names_what_holds_her_back_in_a_word() -> None:
    from bot.replies import Voice
    lines = Voice.lines("deal_refused_standing")
    assert all("{point}" in line for line in lines)
    assert not any("ce point" in line for line in lines)


def test_two_days_asked_together_are_not_a_choice_and_a_validation_asked_is_a_closing() -> None:
    lines = _played("e4-evenement-responsable.budget-2000.oral.t27-p3-5.txt")
    talk, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:9])
    assert "plutôt" not in turns[6].text, turns[6].text  # "le samedi et le dimanche ?"
    assert talk.state.happened(Event.ACCORD), turns[-1].text  # "c'est validé pour 1950 € ?"


def test_a_protest_is_not_preceded_by_a_yes() -> None:
    lines = _played("tel-reclamation-lave-linge.rupture-stock.competent.t27-p2-7.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines[:4])
    assert turns[-1].text.startswith("Attendez"), turns[-1].text


def test_a_delivery_sooner_than_the_policy_allows_is_doubted() -> None:
    lines = _played("tel-reclamation-lave-linge.rupture-stock.hors-script.t27-p3-2.txt")
    talk, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines[:4])
    assert "Enfin une vraie solution" not in turns[-1].text, turns[-1].text
    assert talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)


def test_asked_if_anything_else_is_needed_she_says_no_not_that_it_is_right() -> None:
    """Round 28: "est-ce que je peux faire autre chose pour vous ?" got "Oui, c'est bien
    ça", and "Vous avez d'autres questions ?" got "Bon… merci de le reconnaître"."""
    lines = _played("tel-reclamation-lave-linge.hors-delai.oral.t28-p2-3.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:8])
    assert turns[-1].text.startswith("Non"), turns[-1].text
    lines = _played("tel-reclamation-lave-linge.rupture-stock.oral.t28-p2-7.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines[:8])
    assert turns[-1].text.startswith("Non"), turns[-1].text


def test_a_rude_question_is_not_pressure() -> None:
    """Round 28: "Ça doit être hyper chiant les impôts toute la journée non ?" ended the
    meeting on "Je n'aime pas qu'on me force la main"."""
    lines = _played("e4-copieur-cabinet.base.hors-script.t28-p2-5.txt")
    talk, turns = _talk("e4-copieur-cabinet", None, *lines)
    assert not talk.state.happened(Event.PRESSION)
    assert all("force la main" not in turn.text for turn in turns), turns[-1].text


def test_an_aim_is_not_a_price_and_a_total_said_en_tout_is() -> None:
    """Round 28: "faut que je retravaille pour rentrer dans les 2000" made 2 000 € the price
    ("Bon, ça rentre dans l'enveloppe" at 3 450 €)."""
    lines = _played("e4-evenement-responsable.budget-2000.oral.t28-p3-1.txt")
    talk, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:6])
    assert "rentre dans l’enveloppe" not in turns[-1].text, turns[-1].text
    assert talk.state.price_offered != 2000
    lines = _played("e4-evenement-responsable.budget-2000.oral.t17-p2-4.txt")
    talk, _ = _talk("e4-evenement-responsable", "budget-2000", *lines[:7])
    assert talk.state.price_offered == 1950


def test_of_days_offered_she_picks_one_offered() -> None:
    """Round 28: "…ses ventes du dimanche… plutôt mardi à 15 h ou jeudi à 14 h 30 ?" got "Le
    dimanche, plutôt"."""
    lines = _played("tel-prospection-fidelix.barrage.competent.t28-p1-4.txt")
    _, turns = _talk("tel-prospection-fidelix", "barrage", *lines[:5])
    assert "dimanche" not in turns[-1].text, turns[-1].text


def test_how_much_can_you_put_in_said_the_spoken_way_asks_the_budget() -> None:
    """Round 28: "c'est combien que vous pouvez mettre, sur l'animation ?" got the loyalty
    card objective."""
    lines = _played("e4-evenement-responsable.siege-impose-date.oral.t28-p3-3.txt")
    _, turns = _talk("e4-evenement-responsable", "siege-impose-date", *lines[:5])
    assert "3 000 €" in turns[-1].text, turns[-1].text


def test_a_report_handed_in_after_the_event_is_no_meeting_in_his_diary() -> None:
    """Round 28: "je vous fais un bilan chiffré le lundi d'après" got "Non, ce créneau-là je
    suis pris… et cette semaine"."""
    lines = _played("e4-evenement-responsable.budget-2000.oral.t28-p3-1.txt")
    _, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:13])
    assert "créneau" not in turns[-1].text, turns[-1].text
