"""What the thirty-first blind round showed (issue 13): two slots of one Saturday ("le
créneau de 8 h à 12 h ou celui de 14 h à 18 h ?") got "Celui, donc." and "Uniquement le
samedi matin… Donc l'après-midi."; "Préférez-vous qu'il passe à la boutique…, ou qu'on le
fasse en visio ?" and "Thomas préfère-t-il venir…, ou une visio vous arrange-t-elle ?" were
never chosen; a recap ending "…8 h-12 h." read as one sentence with the next made her give
her e-mail instead of choosing the gesture; "je peux compter sur lui le samedi et le
dimanche ?" got the weekend's entries "encore une fois"; "mon chef il saura rien", "demain le
prix il augmente de 30 %" and a card number asked on a cold call went by."""

from __future__ import annotations

import pytest

from bot.questions import offered_options
from bot.replies import Voice
from bot.text import sentences
from scenarios.vocabulary import Event

from .test_customer_coherence import _played, _talk


@pytest.mark.parametrize(("question", "options"), [
    ("Vous préférez le créneau de 8 h à 12 h ou celui de 14 h à 18 h ?",
     ("le créneau de 8 h à 12 h", "celui de 14 h à 18 h")),
    ("Thomas préfère-t-il venir vous voir à la boutique du Vieux-Lille, ou une visio vous "
     "arrange-t-elle davantage ?", ("à la boutique du Vieux-Lille", "une visio")),
])
def test_options_are_read_whole(question: str, options: tuple[str, str]) -> None:
    assert offered_options(question) == options


@pytest.mark.parametrize(("text", "count"), [
    ("Votre dossier : livraison samedi 8 h-12 h. Et pour le geste, que préférez-vous ?", 2),
    ("L'e-mail partira sur sophie.garnier@orange.fr. Et pour le geste, le bon ou l'année ?", 2),
    ("Un bon d'achat de 30 €. Que préférez-vous ?", 2),
    ("C'est M. Lefèvre qui signe à 14 h 30 chez vous.", 1),
])
def test_a_sentence_ends_after_a_unit_or_an_address(text: str, count: int) -> None:
    assert len(sentences(text)) == count, sentences(text)


def test_two_slots_of_her_day_she_takes_the_morning_she_can_do() -> None:
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.competent.t31-p2-6.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines[:5])
    for turn in turns[-2:]:  # the choice asked twice
        assert "matin" in turn.text.lower(), turn.text
        assert "après-midi" not in turn.text and "Celui" not in turn.text, turn.text


def test_a_recap_then_a_gesture_to_choose_gets_her_choice_not_her_address() -> None:
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.competent.t31-p2-6.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines[:8])
    assert "bon d'achat" in turns[-2].text, turns[-2].text
    for turn in turns[-2:]:
        assert "@" not in turn.text, turn.text


def test_she_agreed_to_the_morning_so_a_recap_is_not_a_slot_again() -> None:
    lines = _played("tel-reclamation-lave-linge.base.oral.t25-p1-7.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:8])
    assert not any(line in turns[-1].text for line in Voice.lines("slot_ok")), turns[-1].text


def test_a_meeting_form_named_in_passing_is_still_hers_to_choose() -> None:
    lines = _played("tel-prospection-fidelix.barrage.competent.t31-p3-7.txt")
    _, turns = _talk("tel-prospection-fidelix", "barrage", *lines[:8])
    for turn in turns[-2:]:
        assert "boutique" in turn.text or "visio" in turn.text, turn.text


def test_a_question_about_something_else_does_not_repeat_a_told_fact() -> None:
    lines = _played("e4-evenement-responsable.base.competent.t31-p2-1.txt")
    _, turns = _talk("e4-evenement-responsable", None, *lines[:11])
    assert "2 500 entrées" not in turns[-1].text, turns[-1].text


@pytest.mark.parametrize(("line", "key"), [
    ("Y a pas de piège, mon chef il saura rien. 150 euros par mois.", "scheme_refused"),
    ("Oui oui sûr, mon chef il dira rien. Vous signez ?", "unauthorised_doubted"),
    ("Faut signer aujourd'hui, demain le prix il augmente de 30 %.", "deadline_doubted"),
    ("Bon je vous inscris, j'ai besoin de votre numéro de carte bancaire.", "card_refused"),
])
def test_what_no_buyer_lets_pass(line: str, key: str) -> None:
    talk, turns = _talk("e4-copieur-cabinet", None,
                        "Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.",
                        line)
    assert any(said in turns[-1].text for said in Voice.lines(key)), turns[-1].text
    if key in ("scheme_refused", "unauthorised_doubted"):
        assert talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)


def test_a_complaints_adviser_may_ask_for_bank_details() -> None:
    _, turns = _talk("tel-reclamation-lave-linge", None,
                     "ElectroMaison, Camille à votre écoute, bonjour.",
                     "Pour le remboursement, vous pouvez me donner le numéro de votre carte "
                     "bancaire ?")
    assert not any(said in turns[-1].text for said in Voice.lines("card_refused"))


def test_indicators_laid_out_before_he_asks_forestall_the_question() -> None:
    """"Avec les outils du magasin : le compteur d'entrées, le logiciel de caisse…", agreed
    to, then "Et à la fin, comment je sais si ça a marché ?" two turns later (blind play)."""
    lines = _played("e4-evenement-responsable.base.competent.t8-p2-1.txt")
    talk, turns = _talk("e4-evenement-responsable", None, *lines[:12])
    assert "mesure-resultat" in talk.state.objections_treated
    assert not any("mesurer le résultat" in turn.text for turn in turns[9:]), \
        [turn.text for turn in turns[9:]]


def test_a_price_is_weighed_when_heard_whatever_was_said_of_its_worth() -> None:
    talk, turns = _talk("e4-copieur-cabinet", None,
                        "Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.",
                        "Vous payez combien aujourd'hui chez Copitec ?",
                        "Avec nous, sur la durée, le coût global est plus faible : une seule "
                        "machine, la maintenance comprise, plus de pannes.",
                        "La MX-5000, c'est 289 € HT par mois sur 48 mois. Qu'en pensez-vous ?")
    assert "plus-cher-qu-aujourd-hui" in talk.state.objections_pending, turns[-1].text
