"""What the twenty-sixth blind round showed (issue 13): "est-ce que je peux faire autre chose
pour vous ?" got "Entendu."; "C'est qui M. Lefèvre, c'est votre patron ?" got "Oui, c'est
moi" from Mme Martin; a choice made by a fact of hers was hedged after it ("Uniquement le
samedi matin… Plutôt le matin, je pense"); a question about her figures with examples got
an option back ("Plutôt de chiffre d'affaires, je pense")."""

from __future__ import annotations

from .test_customer_coherence import _played, _talk


def test_asked_if_anything_else_is_needed_she_says_no() -> None:
    lines = _played("tel-reclamation-lave-linge.rupture-stock.oral.t26-p3-6.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines[:8])
    assert turns[-1].text.startswith("Non"), turns[-1].text


def test_asked_who_someone_else_is_she_does_not_say_it_is_her() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.hors-script.t26-p2-4.txt")
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:3])
    assert "c’est moi." not in turns[-1].text.lower(), turns[-1].text
    assert "Lefèvre" in turns[-1].text, turns[-1].text


def test_a_choice_her_fact_settles_is_not_hedged() -> None:
    lines = _played("tel-reclamation-lave-linge.base.oral.t26-p3-4.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:6])
    # (Both times were on her one day: she picks without hedging, round 46.)
    assert "matin" in turns[-1].text, turns[-1].text
    assert "je pense" not in turns[-1].text, turns[-1].text


def test_a_question_about_her_figures_with_examples_gets_the_figures() -> None:
    lines = _played("e4-evenement-responsable.budget-2000.competent.t26-p3-2.txt")
    _, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:3])
    assert "120" in turns[-1].text, turns[-1].text
    assert "Plutôt" not in turns[-1].text and "Alors" not in turns[-1].text, turns[-1].text


def test_a_choice_led_by_vous_preferez_is_offered() -> None:
    from bot.questions import choice_options

    assert choice_options("Euh, il passe à la boutique du Vieux-Lille ou vous préférez en "
                          "visio ?") == ("à la boutique du Vieux-Lille", "en visio")
    lines = _played("tel-prospection-fidelix.base.oral.t26-p2-3.txt")
    _, turns = _talk("tel-prospection-fidelix", None, *lines[:7])
    assert "boutique" in turns[-1].text.lower() or "visio" in turns[-1].text, turns[-1].text


def test_a_slot_accepted_is_not_followed_by_go_on() -> None:
    lines = _played("tel-prospection-fidelix.barrage.competent.t26-p1-1.txt")
    _, turns = _talk("tel-prospection-fidelix", "barrage", *lines[:6])
    assert "14 h" in turns[-1].text, turns[-1].text
    assert "Continuez" not in turns[-1].text, turns[-1].text


def test_another_delay_is_not_the_delay_she_dreads() -> None:
    """"Le délai de rétractation c'est 14 jours" got "Cinq jours ? Encore ?" (the 5-day
    replacement read from the words "délai" and "jours")."""
    lines = _played("tel-reclamation-lave-linge.hors-delai.oral.t26-p2-6.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:3])
    assert "5 jours" not in turns[-1].text and "Cinq jours" not in turns[-1].text, \
        turns[-1].text
    _, turns = _talk("tel-reclamation-lave-linge", "hors-delai", lines[0], lines[1],
                     "Le délai de remplacement, c'est cinq jours.")
    assert "5 jours" in turns[-1].text or "Cinq jours" in turns[-1].text, turns[-1].text
