"""What the twenty-ninth blind round showed (issue 13): small talk about her week-end ended
the meeting ("bon week-end" read as a goodbye); "je serai super rapide, promis" did not answer
"je n'ai pas le temps", and the rushed baker hung up; a follow-up meeting "pour finaliser" was
no meeting, and a good student's play ended unfinished; "est-ce que nous partons sur cette
base ?" got "Je confirme, c'est correct"; "ces 90 euros de dépassement disparaissent" was read
as a price offered; "Souhaitez-vous que je vous présente le loyer ?" got "Je préfère ne pas
avancer quelque chose d'inexact"; a summary that named no term raised the duration objection;
"Qu'en pensez-vous ?" and a statement read as a check made her tell her needs again; dates
offered beside a request to sign were never chosen; a demo offered "mardi ou jeudi" got
"Plutôt le dimanche", and a meeting summed up on the wrong day went by; she said she preferred
the express exchange and chose the technician; "les ateliers gratuits… ce week-end-là" was a
gift outside the policy; the figure a plan started from was taken for its price."""

from __future__ import annotations

from scenarios.vocabulary import Event

from .test_customer_coherence import _played, _talk


def test_asking_about_her_week_end_is_no_goodbye() -> None:
    lines = _played("e4-evenement-responsable.base.hors-script.t29-p3-3.txt")
    talk, turns = _talk("e4-evenement-responsable", None, *lines[:1])
    assert not talk.state.ended, turns[-1].text
    assert "15 %" not in turns[-1].text, turns[-1].text  # small talk asks for no objective


def test_brevity_promised_answers_no_time() -> None:
    lines = _played("tel-prospection-fidelix.client-presse.oral.t29-p1-3.txt")
    talk, turns = _talk("tel-prospection-fidelix", "client-presse", *lines[:2])
    assert not talk.state.ended, turns[-1].text
    assert "pas-le-temps" in talk.state.objections_treated


def test_meeting_again_to_finalise_books_the_free_slot() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t29-p3-2.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:20])
    assert talk.state.happened(Event.RDV_FIXE), turns[-1].text
    assert talk.state.appointment is not None and talk.state.appointment["jour"] == "jeudi"
    assert "Jeudi à 14 h" in turns[-1].text, turns[-1].text


def test_shall_we_go_on_that_basis_asks_for_her_yes() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t29-p3-2.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:15])
    # 275 € is still above the 250 € she set herself: no "Je confirme, c'est correct".
    assert "Je confirme" not in turns[-1].text, turns[-1].text
    assert not talk.state.happened(Event.ACCORD)
    # (Since round 35 she gives her ceiling, untold so far, rather than "un geste ?".)
    assert any(word in turns[-1].text for word in ("geste", "prix", "250")), turns[-1].text


_COLOUR = ("Bonjour Madame Martin, Lucas Fabre de Bureau Plus, merci de me recevoir.",
           "Vous imprimez combien de pages par mois ?",
           "Les pages couleur, elles vous sont facturées en plus ?")


def test_her_own_figure_pointed_at_is_no_price_offered() -> None:
    talk, turns = _talk("e4-copieur-cabinet", None, *_COLOUR)
    assert "90 €" in turns[-1].text, turns[-1].text
    talk, turns = _talk("e4-copieur-cabinet", None, *_COLOUR,
                        "3 000 pages couleur sont comprises dans le loyer, donc ces 90 euros "
                        "de dépassement disparaissent. Cela correspond à ce que vous cherchez ?")
    assert talk.state.price_offered is None
    assert "droit de faire ça" not in turns[-1].text, turns[-1].text


def test_an_offer_to_go_on_gets_go_ahead() -> None:
    talk, turns = _talk("e4-copieur-cabinet", None, *_COLOUR,
                        "Souhaitez-vous que je vous présente le loyer ?")
    assert turns[-1].text in talk.stock("purpose_ack"), turns[-1].text
    assert "inexact" not in turns[-1].text, turns[-1].text


def test_a_summary_naming_no_term_raises_no_duration_doubt() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t29-p3-2.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:7])
    assert "engagement-48-mois" not in talk.state.objections_raised, turns[-1].text
    # Named, the term still raises it.
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:6],
                        "Si je résume : une machine sur 48 mois avec maintenance, pour vos "
                        "12 000 pages par mois. C'est bien cela ?")
    assert "engagement-48-mois" in talk.state.objections_raised, turns[-1].text


def test_what_do_you_think_asks_her_opinion_not_a_fact() -> None:
    lines = _played("e4-copieur-cabinet.delai-court.competent.t29-p3-4.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:9])
    assert "Secret professionnel" not in turns[-1].text, turns[-1].text


def test_a_statement_read_as_a_check_asks_for_no_fact() -> None:
    lines = _played("e4-copieur-cabinet.delai-court.competent.t29-p3-4.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:11])
    assert "documents sensibles" not in turns[-1].text, turns[-1].text
    assert "confidentialité" not in turns[-1].text, turns[-1].text


def test_dates_offered_beside_signing_are_chosen_among_those_offered() -> None:
    lines = _played("e4-copieur-cabinet.delai-court.competent.t29-p3-4.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:14])
    assert "mardi" in turns[-1].text.lower(), turns[-1].text
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:15])
    # "…retourné signé au plus tard vendredi ? Et l'installation, mardi 14 ou jeudi 16 ?"
    assert "vendredi" not in turns[-1].text.lower(), turns[-1].text
    assert "mardi" in turns[-1].text.lower(), turns[-1].text
    assert "Au-delà" not in turns[-1].text, turns[-1].text  # asked to act, not who signs


def test_asked_her_opinion_she_sets_the_argument_against_her_situation() -> None:
    _, turns = _talk("e4-copieur-cabinet", None,
                     "Bonjour Madame Martin, Lucas Fabre de Bureau Plus, merci de me recevoir.",
                     "Vos copieurs tombent souvent en panne ?",
                     "Avec le MX-5000, la maintenance est incluse avec une intervention sous "
                     "4 heures ouvrées. Qu'en pensez-vous ?")
    # The untold fact behind the need the argument answers, not any fact of hers.
    assert "48 heures" in turns[-1].text, turns[-1].text
    assert "badge" not in turns[-1].text, turns[-1].text


def test_the_meeting_summed_up_on_another_day_is_corrected() -> None:
    talk, turns = _talk(
        "tel-prospection-fidelix", None,
        "Bonjour, Camille Leroy, de Fidelix à Lille. Je souhaiterais parler à M. Benali.",
        "Je serai bref. Comment fidélisez-vous vos clients aujourd'hui ?",
        "Et vos moments les plus chargés, c'est quand ?",
        # "…vous le montrer : mardi ou jeudi ?" is the demo, not a date for the week-ends
        # (round 29: "Plutôt le dimanche, je pense").
        "Notre commercial peut vous montrer l'appli en 30 minutes : mardi à 15 h ou jeudi à "
        "10 h ?",
        "C'est noté : lundi à 14 h 30 à la boutique avec Thomas.")
    assert "Mardi à 15 h" in turns[-2].text, turns[-2].text
    assert "mardi à 15 h" in turns[-1].text, turns[-1].text
    assert talk.state.appointment is not None and talk.state.appointment["jour"] == "mardi"


def test_her_choice_agrees_with_what_she_just_said_she_prefers() -> None:
    """"…soit un autre modèle 8 kilos…, en express sous 48 heures… Soit un technicien…":
    she said "si c'est en express, je préfère", then chose the technician."""
    lines = _played("tel-reclamation-lave-linge.rupture-stock.oral.t29-p2-1.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines[:5])
    assert "technicien" not in turns[-1].text.lower(), turns[-1].text


def test_free_workshops_that_weekend_are_no_gift_outside_the_policy() -> None:
    lines = _played("e4-evenement-responsable.base.competent.t29-p1-7.txt")
    talk, turns = _talk("e4-evenement-responsable", None, *lines[:10])
    assert "Cadeau" not in turns[-1].text, turns[-1].text
    assert not talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)


def test_the_figure_a_plan_started_from_is_not_its_price() -> None:
    lines = _played("e4-evenement-responsable.base.competent.t29-p1-7.txt")
    talk, turns = _talk("e4-evenement-responsable", None, *lines[:8])
    assert "4 500" not in turns[-1].text, turns[-1].text
    assert talk.state.price_offered != 4500


def test_hours_of_waiting_are_no_term_in_months() -> None:
    """Round 30: "…les pannes et les 48 heures d'attente… C'est bien cela ?" raised "C'est
    long, comme engagement"."""
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t30-p2-3.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:8])
    assert "engagement-48-mois" not in talk.state.objections_raised, turns[-1].text
