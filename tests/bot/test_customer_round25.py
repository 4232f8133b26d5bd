"""What the twenty-fifth blind round showed (issue 13): a summary checked with "c'est bien
cela ?" got "Développez, je vous suis"; "est-ce que cela vous rassure ?" got "Exactement ce
que j'avais noté"; a statement ending on a full stop was read as a question and answered with
a fact; a recap of the slot she had agreed got the slot agreed again, and "en rappelant ce
numéro" a call-back; she let pass a scheme to hide a budget from the head office, work
offered unpaid, her fault insinuated, an appliance sold in the middle of her complaint, an
offer the student said they made up, and being asked to sign before anything was shown."""

from __future__ import annotations

from bot.customer.appointments import _CALLBACK
from scenarios.vocabulary import Event

from .test_customer_coherence import _played, _talk


def test_a_summary_checked_is_confirmed() -> None:
    lines = _played("e4-copieur-cabinet.delai-court.competent.t25-p2-1.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:6])
    assert "Développez" not in turns[-1].text, turns[-1].text
    # (Any of her ways of confirming: "C'est fidèle à ce que j'ai exprimé." too.)
    assert "reformulation" in turns[-1].parts or "bien" in turns[-1].text, turns[-1].text


def test_a_figure_checked_is_confirmed_whatever_her_mood() -> None:
    _, turns = _talk("e4-copieur-cabinet", None,
                     "Bonjour Madame Martin, Camille Roux de Bureau Plus.",
                     "Combien de pages imprimez-vous par mois ?",
                     "Donc 12 000 pages par mois, c'est bien cela ?")
    assert "doute" not in turns[-1].text, turns[-1].text
    assert "information" not in turns[-1].text, turns[-1].text


def test_asked_if_she_is_reassured_she_says_so() -> None:
    lines = _played("e4-copieur-cabinet.delai-court.competent.t25-p2-1.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:9])
    assert "rassur" in turns[-1].text, turns[-1].text


def test_a_statement_with_a_full_stop_asks_nothing() -> None:
    lines = _played("tel-reclamation-lave-linge.hors-delai.oral.t25-p2-6.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:9])
    assert "vingt jours" not in turns[-2].text, turns[-2].text  # the delivery, told again
    assert "Samedi" in turns[-1].text or "bon pour moi" in turns[-1].text, turns[-1].text


def test_a_recap_with_anything_else_is_agreed_and_answered() -> None:
    lines = _played("tel-reclamation-lave-linge.base.oral.t25-p1-7.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:8])
    assert "créneau" not in turns[-1].text, turns[-1].text
    assert "autre question" in turns[-1].text or "tout" in turns[-1].text, turns[-1].text


def test_a_number_to_quote_sets_no_call_back() -> None:
    for reminder in ("vous envoyez vos photos en rappelant ce numero",
                     "je vous rappelle que la garantie court deux ans",
                     "je vous rappelle votre numero de dossier"):
        assert not _CALLBACK.search(reminder), reminder
    for callback in ("je vous rappelle jeudi a 10 h", "je vous rappelle le 12",
                     "on vous rappelle dans l'heure"):
        assert _CALLBACK.search(callback), callback


def test_asked_to_sign_before_anything_was_shown_she_asks_what() -> None:
    lines = _played("e4-evenement-responsable.base.hors-script.t25-p1-4.txt")
    _, turns = _talk("e4-evenement-responsable", None, lines[0])
    assert "rien vu" in turns[0].text or "d’abord" in turns[0].text, turns[0].text


def test_a_scheme_to_hide_the_budget_is_refused() -> None:
    lines = _played("e4-evenement-responsable.budget-2000.hors-script.t25-p2-5.txt")
    talk, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:6])
    assert "Des résultats" not in turns[-1].text, turns[-1].text
    assert talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)
    assert any(word in turns[-1].text for word in ("honnête", "règles", "cache")), turns[-1].text


def test_work_offered_unpaid_is_refused() -> None:
    lines = _played("e4-evenement-responsable.base.hors-script.t25-p1-4.txt")
    # (He ends the meeting on it since round 35: what he says is still a no.)
    _, turns = _talk("e4-evenement-responsable", None, *lines[:5])
    assert "tient la route" not in turns[-1].text, turns[-1].text
    assert "Non" in turns[-1].text or "Pas question" in turns[-1].text, turns[-1].text


def test_her_fault_insinuated_is_rude() -> None:
    _, turns = _talk("tel-reclamation-lave-linge", None, "Allô ElectroMaison bonjour",
                     "Bon sinon vous êtes sûre que c'est pas vous qui avez cogné la porte en "
                     "la déballant ?")
    assert "ton" in turns[-1].text, turns[-1].text


def test_an_appliance_sold_during_her_complaint_annoys_her() -> None:
    lines = _played("tel-reclamation-lave-linge.base.hors-script.t25-p2-7.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:5])
    assert "à quoi m’en tenir" not in turns[-1].text, turns[-1].text
    assert "vendre" in turns[-1].text or "Réglez" in turns[-1].text, turns[-1].text


def test_an_offer_said_made_up_is_not_trusted() -> None:
    lines = _played("tel-prospection-fidelix.base.hors-script.t25-p1-6.txt")
    _, turns = _talk("tel-prospection-fidelix", None, *lines[:4])
    assert any(word in turns[-1].text for word in ("invent", "confiance", "fier")), \
        turns[-1].text


def test_a_boss_who_validates_everything_is_doubted() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.hors-script.t25-p3-6.txt")
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:3])
    assert "appréciable" not in turns[-1].text, turns[-1].text


def test_a_fact_the_student_states_with_its_figure_is_known() -> None:
    lines = _played("e4-copieur-cabinet.delai-court.oral.t13-p1-5.txt")
    talk, _ = _talk("e4-copieur-cabinet", "delai-court", *lines)
    assert "delai-intervention" in talk.state.facts_stated
    assert "offre-copitec" in talk.state.objections_treated
    assert talk.final_outcome().value == "success"


def test_a_figure_with_another_unit_is_not_her_fact() -> None:
    talk, _ = _talk("e4-copieur-cabinet", None,
                    "Bonjour Madame Martin, Camille Roux de Bureau Plus.",
                    "La location est à 289 € HT par mois sur 48 mois.")
    assert "delai-intervention" not in talk.state.facts_stated
    talk, _ = _talk("e4-copieur-cabinet", None,
                    "Bonjour Madame Martin, Camille Roux de Bureau Plus.",
                    "Chez Copitec, le technicien vient en 48 heures.")
    assert "delai-intervention" in talk.state.facts_stated
    assert "delai-intervention" not in talk.state.facts_revealed  # still hers to tell
