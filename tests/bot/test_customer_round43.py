"""What round 43 showed once measured (issue 13, dev part): "qu'est-ce qui vous gêne
précisément : le loyer ou l'installation ?" got a fact; the director asked "Le personnel, vous
y avez pensé ?" to a question about his staff, and his sales target to "pourquoi, y a un
souci ?"; a Sunday delivery offered got the story of the first delivery; "c'est le
transporteur, c'est eux qu'il faut appeler" got "Restons courtois"; a gesture offered "au
choix" beside a slot was never chosen; "Êtes-vous d'accord ?" got who signs above 300 €; an
apology for a joke was read as a promise taken back; "vous auriez combien à mettre ?" got
"Vous m'écoutez ?"; padded figures and unpaid overtime got "Oui. Clair."."""

from __future__ import annotations

from bot.replies import Voice

from .plays import student_lines as _lines
from .test_customer_coherence import _talk


def _said(key: str, text: str) -> bool:
    return any(line in text for line in Voice.lines(key)) or any(
        line in text for line in Voice.lines(key, "tu"))


def test_which_of_two_worries_gets_her_worry_not_a_fact() -> None:
    lines = _lines("e4-copieur-cabinet.base.competent.t43-p3-4.txt")[:8]
    _, turns = _talk("e4-copieur-cabinet", None, *lines,
                     "Je comprends. Qu'est-ce qui vous gêne précisément : le montant du loyer "
                     "par rapport à vos 280 €, ou les frais d'installation ?")
    assert "pages couleur" not in turns[-1].text, turns[-1].text
    assert "prix" in turns[-1].text.lower(), turns[-1].text


def test_a_question_about_his_staff_is_not_met_with_you_did_not_think_of_it() -> None:
    lines = _lines("e4-evenement-responsable.budget-2000.competent.t42-p3-4.txt")[:5]
    _, turns = _talk("e4-evenement-responsable", "budget-2000", *lines)
    assert "vous y avez pensé" not in turns[-1].text, turns[-1].text


def test_asked_why_by_the_turn_that_settles_it_he_says_what_the_trouble_was() -> None:
    lines = _lines("e4-evenement-responsable.base.oral.t42-p1-5.txt")[:2]
    _, turns = _talk("e4-evenement-responsable", None, *lines)
    assert "+15 %" not in turns[-1].text, turns[-1].text
    assert "personnel" in turns[-1].text, turns[-1].text


def test_a_sunday_delivery_offered_is_no_question_about_the_first_delivery() -> None:
    lines = _lines("tel-reclamation-lave-linge.rupture-stock.hors-script.t42-p2-2.txt")[:10]
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines)
    assert "Le livreur a posé le carton" not in turns[-1].text, turns[-1].text


def test_her_day_said_against_a_sunday_is_not_followed_by_her_yes_to_it() -> None:
    lines = _lines("tel-reclamation-lave-linge.rupture-stock.hors-script.t42-p1-7.txt")[:8]
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines)
    assert "samedi matin" in turns[-1].text, turns[-1].text
    assert "Très bien, je note" not in turns[-1].text, turns[-1].text


def test_a_complaint_sent_to_the_carrier_is_answered_as_such() -> None:
    _, turns = _talk("tel-reclamation-lave-linge", None,
                     "ElectroMaison bonjour, Léa à votre écoute.",
                     "Ah mince. Bon, alors là madame, c'est pas nous hein, c'est le "
                     "transporteur, franchement c'est eux qu'il faut appeler.")
    assert _said("rejection_reaction", turns[-1].text), turns[-1].text


def test_a_gesture_offered_au_choix_beside_a_slot_is_chosen_too() -> None:
    lines = _lines("tel-reclamation-lave-linge.client-tres-agressif.competent.t41-p3-7.txt")[:5]
    _, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines)
    text = turns[-1].text.lower()
    assert "matin" in text and ("bon d'achat" in text or "garantie" in text), turns[-1].text


def test_are_you_agreed_asks_her_yes_not_who_signs() -> None:
    lines = _lines("e4-copieur-cabinet.delai-court.competent.t43-p2-2.txt")[:14]
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines)
    assert "M. Lefèvre" not in turns[-1].text, turns[-1].text


def test_an_apology_for_a_joke_she_rebuked_is_no_promise_taken_back() -> None:
    lines = _lines("e4-evenement-responsable.budget-2000.hors-script.t43-p3-6.txt")[:12]
    _, turns = _talk("e4-evenement-responsable", "budget-2000", *lines)
    assert "Vous venez de me le promettre" not in turns[-1].text, turns[-1].text


def test_how_much_he_would_put_in_gets_his_envelope() -> None:
    lines = _lines("e4-evenement-responsable.base.oral.t43-p2-7.txt")[:3]
    _, turns = _talk("e4-evenement-responsable", None, *lines)
    assert "3 000" in turns[-1].text, turns[-1].text


def test_padded_figures_and_unpaid_overtime_are_refused() -> None:
    start = ["Bonjour monsieur Dubois, Léa Martin, du rayon jardin. Merci de me recevoir pour "
             "parler de l'animation de printemps."]
    _, turns = _talk("e4-evenement-responsable", None, *start,
                     "Pour les cartes, au pire je fais souscrire toute ma famille et mes potes, "
                     "ça compte pareil.")
    assert _said("scheme_refused", turns[-1].text), turns[-1].text
    _, turns = _talk("e4-evenement-responsable", None, *start,
                     "Pour le budget, je vire les intérimaires, les collègues n'auront qu'à "
                     "faire des heures sup sans être payés.")
    assert _said("unpaid_work_refused", turns[-1].text), turns[-1].text


def test_volume_asked_in_black_and_in_colour_gets_the_colour_share() -> None:
    lines = _lines("e4-copieur-cabinet.base.competent.t43-p3-4.txt")[:3]
    _, turns = _talk("e4-copieur-cabinet", None, *lines)
    assert "12 000" in turns[-1].text and "30 %" in turns[-1].text, turns[-1].text


def test_her_opinion_asked_after_a_cost_comparison_is_no_deflection() -> None:
    lines = _lines("e4-copieur-cabinet.base.competent.t43-p3-4.txt")[:11]
    _, turns = _talk("e4-copieur-cabinet", None, *lines)
    assert not _said("deflect", turns[-1].text), turns[-1].text


def test_no_signing_day_while_her_doubt_stands() -> None:
    lines = _lines("e4-copieur-cabinet.decideur-present.oral.t43-p1-3.txt")[:14]
    talk, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines)
    assert talk.state.objections_pending
    assert "lundi" not in turns[-1].text.lower(), turns[-1].text


def test_leaving_on_rudeness_she_does_not_ask_for_courtesy() -> None:
    lines = _lines("tel-reclamation-lave-linge.base.hors-script.t43-p1-5.txt")
    talk, turns = _talk("tel-reclamation-lave-linge", None, *lines)
    assert talk.state.ended
    assert "Restons courtois" not in turns[-1].text, turns[-1].text


def test_an_ending_does_not_reproach_a_price_nobody_gave() -> None:
    lines = _lines("e4-copieur-cabinet.base.hors-script.t43-p3-3.txt")
    talk, turns = _talk("e4-copieur-cabinet", None, *lines)
    assert talk.state.ended and talk.state.price_offered is None
    assert "prix" not in turns[-1].text, turns[-1].text


def test_they_made_you_an_offer_gets_the_rival_offer() -> None:
    lines = _lines("e4-copieur-cabinet.budget-serre.hors-script.t41-p3-6.txt")[:2]
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines)
    assert "230" in turns[-1].text, turns[-1].text
    assert "offre-copitec" in talk.state.objections_raised


def test_a_gatekeeper_who_caught_a_story_says_so_as_she_puts_through() -> None:
    lines = _lines("tel-prospection-fidelix.barrage.hors-script.t43-p3-1.txt")[:3]
    _, turns = _talk("tel-prospection-fidelix", "barrage", *lines)
    assert turns[-1].before is not None
    assert _said("handover_after_lie", turns[-1].before.text), turns[-1].before


def test_spending_committed_before_his_approval_is_taken_up() -> None:
    _, turns = _talk("e4-evenement-responsable", "siege-impose-date",
                     "Bonjour Monsieur Dubois ! Alors je vous préviens, j'ai déjà tout calé pour "
                     "les 5 et 6 avril, la radio et les horticulteurs sont réservés, il reste "
                     "juste à signer le budget.")
    assert _said("committed_unapproved", turns[-1].text), turns[-1].text


def test_ignoring_head_office_and_unpaid_helpers_are_refused() -> None:
    start = "Bonjour monsieur Dubois, Léa Martin, du rayon jardin. Merci de me recevoir."
    _, turns = _talk("e4-evenement-responsable", "siege-impose-date", start,
                     "Le truc du siège avec le 12-13 avril, franchement je pense qu'on peut "
                     "faire comme si on l'avait pas vu.")
    assert _said("scheme_refused", turns[-1].text), turns[-1].text
    _, turns = _talk("e4-evenement-responsable", None, start,
                     "Mon cousin est paysagiste, il peut venir gratos animer les ateliers.")
    assert _said("unpaid_work_refused", turns[-1].text), turns[-1].text


def test_a_free_demo_is_no_unpaid_work() -> None:
    _, turns = _talk("tel-prospection-fidelix", None,
                     "Bonjour monsieur Benali, Léa de Fidelix, on fait des cartes de fidélité "
                     "sur téléphone. Notre commercial peut venir gratuitement vous montrer la "
                     "démo, ça vous dit ?")
    assert not _said("unpaid_work_refused", turns[-1].text), turns[-1].text


def test_her_doubt_said_again_counts_once_wherever_it_is_said() -> None:
    lines = _lines("e4-copieur-cabinet.budget-serre.oral.t43-p3-2.txt")[:12]
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines)
    assert sum("230 €" in turn.text for turn in turns) <= 4, [t.text for t in turns]
    assert "230" not in turns[-1].text, turns[-1].text


def test_told_he_cannot_go_lower_she_does_not_ask_him_to_match() -> None:
    lines = _lines("e4-copieur-cabinet.budget-serre.oral.t43-p3-2.txt")[:13]
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines)
    assert "aligner" not in turns[-1].text, turns[-1].text


def test_her_first_words_are_not_followed_by_the_damage_they_named() -> None:
    lines = _lines("tel-reclamation-lave-linge.rupture-stock.hors-script.t43-p3-7.txt")[:1]
    talk, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines)
    assert "hublot" not in turns[-1].text, turns[-1].text
    assert "nature-dommage" not in talk.state.facts_revealed  # not told: told when asked
    lines = _lines("tel-reclamation-lave-linge.hors-delai.oral.t43-p1-1.txt")[:1]
    _, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines)
    assert "enfants" in turns[-1].text, turns[-1].text  # "lave-linge" is not "linge"


def test_a_transfer_taken_back_as_not_allowed_is_noticed() -> None:
    lines = _lines("tel-reclamation-lave-linge.rupture-stock.hors-script.t43-p3-7.txt")[:5]
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines)
    assert _said("promise_withdrawn", turns[-1].text), turns[-1].text


def test_her_view_of_a_costed_plan_is_said_beside_her_next_doubt() -> None:
    lines = _lines("e4-evenement-responsable.base.competent.t43-p1-7.txt")[:7]
    _, turns = _talk("e4-evenement-responsable", None, *lines)
    assert _said("control_opinion", turns[-1].text) or _said("control_doubt", turns[-1].text), \
        turns[-1].text


def test_leaving_her_to_check_with_her_colleagues_is_no_rejection() -> None:
    from bot.conduct import markers

    assert "rejet" not in markers("Bon ok, pas de souci, vous voyez avec eux. Je vous envoie "
                                  "la proposition écrite ce soir.")
    assert "rejet" in markers("C'est le transporteur qui a dû la casser, faut voir avec eux.")


def test_an_installation_fee_named_after_the_deal_is_not_a_new_rent() -> None:
    lines = _lines("e4-copieur-cabinet.base.oral.t44-p1-2.txt")
    talk, turns = _talk("e4-copieur-cabinet", None, *lines[:11])
    assert talk.state.price_offered == 259, talk.state.price_offered
    assert "À ce prix-là" not in turns[-1].text, turns[-1].text
    talk, _ = _talk("e4-copieur-cabinet", None, *lines)
    assert talk.final_outcome().value == "success"


def test_a_promise_taken_back_after_her_doubt_is_what_she_thought() -> None:
    lines = _lines("e4-copieur-cabinet.delai-court.hors-script.t30-p1-3.txt")[:6]
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines)
    assert _said("withdrawn_as_doubted", turns[-1].text), turns[-1].text
    assert "convaincue" not in turns[-1].text, turns[-1].text
