"""What the twentieth blind round showed (issue 13): a doubt still pending was said again,
almost word for word, six times in one meeting ("Copitec nous propose 250 €… Pourquoi je
changerais ?"). Past `restate_max` times she says where she stands, once, then lets it rest:
it stays pending, and she still does not sign (asked to, she names it)."""

from __future__ import annotations

from bot.customer.rules import Rules
from bot.replies import Voice

from .test_customer_coherence import _played, _talk

STUCK = "e4-copieur-cabinet.decideur-present.oral.t20-p3-4.txt"


def test_a_pending_doubt_is_said_again_at_most_a_few_times() -> None:
    """(Asked to sign, she still names what holds her back: that is the closing's answer,
    not a doubt said again.)"""
    lines = _played(STUCK)
    _, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines)
    # (Said again, not raised: the turn that first voices it is no repeat.)
    again = [t.text for t in turns if "objection" in t.parts and "Copitec" in t.text
             and "objection:offre-copitec" not in t.parts]
    assert len(again) <= Rules().restate_max, again
    standing = [t.text for t in turns
                if any(line in t.text for line in Voice.lines("objection_standing"))]
    # (Once at most: beside an answer to the turn's question it may be left unsaid.)
    assert len(standing) <= 1, standing


def test_a_doubt_let_rest_still_keeps_her_from_signing() -> None:
    lines = _played(STUCK)
    talk, _ = _talk("e4-copieur-cabinet", "decideur-present", *lines)
    assert "offre-copitec" in talk.state.objections_pending
    assert talk.state.price_agreed is None


def test_a_yes_or_no_question_on_her_own_equipment_gets_an_answer_not_a_deflection() -> None:
    """"Vous avez deux copieurs c'est ça ? Ils marchent bien ou bof ?" got "Je n'ai pas
    l'information sous la main. Je pourrai vous la faire suivre." (rounds 17, 19, 20): the
    scenario names her copiers as a subject, with no fact of their own."""
    _, turns = _talk("e4-copieur-cabinet", "decideur-present",
                     "Bonjour madame Martin, Léa de Bureau Plus.",
                     "Alors du coup vous avez deux copieurs c'est ça ? Ils marchent bien ou bof ?")
    assert "information" not in turns[-1].text and "panne" in turns[-1].text, turns[-1].text


def test_a_follow_up_call_after_her_yes_does_not_put_the_deal_off() -> None:
    """"Je vous prépare le contrat… Madame Martin, je vous appelle demain pour fixer la date
    d'installation" after "Je signe" got "Oui, rappelez-moi, on en reparlera" (round 21)."""
    lines = _played("e4-copieur-cabinet.decideur-present.competent.t21-p1-4.txt")
    talk, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines)
    assert not any("on en reparlera" in t.text for t in turns), [t.text for t in turns]
    assert talk.state.price_agreed is not None


def test_a_restatement_before_another_question_is_not_what_she_answers() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t21-p2-1.txt")
    asked = next(i for i, line in enumerate(lines) if "lequel je note ?" in line)
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:asked + 1])
    assert "concorde avec mes notes" not in turns[-1].text, turns[-1].text
