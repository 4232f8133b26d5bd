"""What the turn is, read before answering it (issue 13, twelfth blind round): a request for
her time is not a question about her business, her own figure restated is not an offer, a
weak echo of a topic does not raise a doubt, days named in a question about her shop are not
a meeting offer, a turn that ends on a question is not a goodbye, blaming the carrier is not
a promise, and what she has agreed to does not end in an angry hang-up."""

from __future__ import annotations

from bot.replies import Voice
from scenarios.vocabulary import Event

from .test_customer_coherence import _played, _talk

COPIER = "e4-copieur-cabinet.base.competent.t12-p1-1.txt"
COMPLAINT = "tel-reclamation-lave-linge.base.oral.t12-p3-4.txt"


def test_asking_for_her_time_is_not_answered_with_who_decides() -> None:
    """"Vous avez bien une vingtaine de minutes à m'accorder ?" got "Jusqu'à 300 € HT par
    mois, c'est moi qui valide" (read as "l'accord de M. Lefèvre")."""
    talk, turns = _talk("e4-copieur-cabinet", None, _played(COPIER)[0])
    assert "300" not in turns[0].text, turns[0].text
    assert "processus-decision" not in talk.state.facts_revealed


def test_her_current_price_restated_is_not_an_offer_too_low_to_be_true() -> None:
    """"…pour 240 € HT par mois chez Copitec" restated what she pays: "À ce prix-là, il y a
    forcément un loup…" before any price had been given."""
    talk, turns = _talk("e4-copieur-cabinet", None, *_played(COPIER)[:6])
    assert "loup" not in turns[-1].text, turns[-1].text
    assert talk.state.price_offered is None


def test_a_summary_that_names_48_hours_does_not_raise_the_48_month_term() -> None:
    """"…une intervention en 48 heures est trop lente pour vous…" in her needs' summary got
    "Aussi longtemps… On ne sait pas ce que sera le cabinet dans quelques années"."""
    talk, turns = _talk("e4-copieur-cabinet", None, *_played(COPIER)[:9])
    assert "engagement-48-mois" not in talk.state.objections_raised, turns[-1].text


def test_days_named_in_a_question_about_her_shop_are_not_a_meeting_offer() -> None:
    lines = _played("tel-prospection-fidelix.base.competent.t12-p2-3.txt")
    _, turns = _talk("tel-prospection-fidelix", None, *lines[:4])
    assert "dimanche" in lines[3]
    assert "ce jour-là" not in turns[-1].text and "Proposez" not in turns[-1].text, turns[-1]


def test_a_turn_that_ends_on_a_question_is_not_a_goodbye() -> None:
    """"…5 jours, ça nous met à mardi prochain. Vous êtes dispo le matin ou l'aprem ?": "à
    mardi prochain" was read as leave-taking and she hung up."""
    talk, turns = _talk("tel-reclamation-lave-linge", None, *_played(COMPLAINT)[:6])
    assert not turns[-1].ended, turns[-1].text
    assert not talk.state.happened(Event.CONGE_PRIS)


def test_blaming_the_carrier_is_a_breach_she_answers_not_a_promise_she_seizes() -> None:
    talk, turns = _talk("tel-reclamation-lave-linge", None, *_played(COMPLAINT)[:4])
    assert talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)  # graded as a breach
    assert not any(line in turns[-1].text for line in Voice.lines("promise_seized")), \
        turns[-1].text


def test_the_carrier_blamed_later_gets_her_answer_in_her_words() -> None:
    lines = _played(COMPLAINT)
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:6],
                     "Pour les réserves, il fallait voir avec le livreur, nous on n'y est "
                     "pour rien.")
    assert "prestataire" in turns[-1].text or "commandé" in turns[-1].text, turns[-1].text


def test_an_angry_caller_calmed_by_a_solution_does_not_gush() -> None:
    _, turns = _talk("tel-reclamation-lave-linge", None, *_played(COMPLAINT)[:5])
    for effusive in ("Formidable", "génial", "Super", "je retrouve le sourire"):
        assert effusive not in turns[-1].text, turns[-1].text


def test_a_caller_who_accepted_the_solution_does_not_hang_up_angrily_on_the_thanks() -> None:
    """"Oui, c'est tout bon !" then, to the student's thanks, "Ça suffit. Vous ne m'aidez pas
    du tout. Au revoir." (patience spent while the details were settled)."""
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.oral.t12-p2-4.txt")
    talk, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines)
    assert "ne m’aidez pas" not in turns[-1].text, turns[-1].text
    assert talk.final_outcome().value == "success"


def test_saying_what_one_sells_in_the_opening_says_why_one_calls() -> None:
    """"…on fait une solution de fidélité avec du click and collect pour les boulangeries…"
    read as a concession after "je fais vite, promis": "vous voulez quoi, au juste ?"."""
    lines = _played("tel-prospection-fidelix.deja-equipe.oral.t12-p1-5.txt")
    talk, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:2])
    assert not turns[-1].ended, turns[-1].text
    assert talk.state.happened(Event.OBJET_ANNONCE)
