"""What the thirty-sixth blind round showed (issue 13): "Oui, votre synthèse est juste" to a
student who had asked two questions and summed up nothing; "Non, c'est bon. Merci." to "où
se situe la fissure, et avez-vous constaté autre chose ?"; her free slots to "le matin ou le
midi, y a beaucoup de queue chez vous ?"; "Hors budget, et de loin" to a plan reworked down to
1 800 € under a 2 000 € envelope; the SMS to the card holders asked for leave and never
answered; "Vu comme ça, la comparaison…" when no comparison was made; "Aussi longtemps…" to
"60 euros d'économie par mois"; the rival's offer asked beside another question and not told;
misconduct let pass (an approval from head office made up, unpaid overtime, a personal bonus,
football tickets offered to a buyer, a lie asked of her, a cheque taken back, the carrier
blamed, "personne ne lit vos messages", "c'était pas la peine de crier"); M. Lefèvre greeted
before he came in."""

from __future__ import annotations

import pytest

from bot.conduct import markers
from bot.customer.requests import Request, asks
from bot.replies import Voice
from bot.text import fold

from .test_customer_coherence import _played, _talk


def _said(turn: object, key: str) -> bool:
    text = turn.text  # type: ignore[attr-defined]
    return any(line.split("{")[0][:25] in text for line in Voice.lines(key))


def test_two_questions_are_not_taken_for_a_summary() -> None:
    lines = _played("e4-copieur-cabinet.base.hors-script.t36-p3-1.txt")
    _, turns = _talk("e4-copieur-cabinet", None, *lines[:5])
    for turn in turns[3:5]:
        assert "synthèse" not in turn.text and "ce que j’ai dit" not in turn.text, turn.text


@pytest.mark.parametrize("line", [
    "Est-ce que je peux faire autre chose pour vous ?",
    "Vous avez d'autres questions ?",
    "Autre chose ?",
    "Et sinon, autre chose ?",
    "Vous avez besoin d'autre chose ?",
])
def test_anything_else_is_still_heard(line: str) -> None:
    assert asks(Request.ANYTHING_ELSE, fold(line))


@pytest.mark.parametrize("line", [
    "Pouvez-vous me préciser où se situe la fissure, et si vous avez pu constater autre chose "
    "sur l'appareil ?",
    "C'est quoi le pire pour vous, les pannes ou autre chose ?",
])
def test_a_question_with_autre_chose_in_it_asks_a_fact(line: str) -> None:
    assert not asks(Request.ANYTHING_ELSE, fold(line))


def test_asked_where_the_crack_is_she_describes_it() -> None:
    lines = _played("tel-reclamation-lave-linge.base.competent.t36-p1-6.txt")
    talk, turns = _talk("tel-reclamation-lave-linge", None, *lines[:3])
    assert "nature-dommage" in talk.state.facts_revealed, turns[-1].text
    assert "hublot" in turns[-1].text


def test_asked_how_the_door_is_cracked_she_does_not_give_her_free_slot() -> None:
    lines = _played("tel-reclamation-lave-linge.hors-delai.oral.t36-p3-4.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:3])
    assert "samedi" not in turns[-1].text and "hublot" in turns[-1].text, turns[-1].text


def test_a_queue_at_her_shop_is_no_meeting_offered() -> None:
    lines = _played("tel-prospection-fidelix.base.oral.t36-p1-4.txt")
    _, turns = _talk("tel-prospection-fidelix", None, *lines[:4])
    assert "14 h" not in turns[-1].text and "vingt minutes" in turns[-1].text, turns[-1].text


def test_a_plan_reworked_under_the_envelope_is_not_out_of_budget() -> None:
    lines = _played("e4-evenement-responsable.budget-2000.competent.t36-p2-4.txt")
    talk, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:6])
    assert talk.state.price_offered == 1800, talk.state.price_offered
    assert "Hors budget" not in turns[-1].text and "hors budget" not in turns[-1].text


def test_leave_asked_for_the_sms_gets_her_answer() -> None:
    lines = _played("e4-evenement-responsable.base.competent.t36-p1-7.txt")
    _, turns = _talk("e4-evenement-responsable", None, *lines[:9])
    assert "SMS" in turns[6].text, turns[6].text  # "…vous me l'accordez ?"
    assert "pas assez" not in turns[8].text, turns[8].text  # "…je peux le programmer ?"


def test_no_comparison_conceded_when_none_was_made() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.oral.t36-p2-5.txt")
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:8])
    assert "comparaison" not in turns[4].text, turns[4].text
    assert "Aussi longtemps" not in turns[7].text, turns[7].text  # "60 euros… par mois"


def test_the_rivals_offer_asked_beside_another_question_is_told() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t36-p2-6.txt")
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:5])
    assert "Copitec nous propose" in turns[-1].text and "M. Lefèvre" in turns[-1].text
    assert "48 heures" not in turns[-1].text


@pytest.mark.parametrize(("line", "marker"), [
    ("Ah oui, la porte fissurée, ça c'est encore le transporteur, ils sont vraiment pas "
     "soigneux ces gars-là.", "reproche"),
    ("Ouais bon, vos messages, on a trois semaines de retard, personne les lit vraiment.",
     "dédain"),
    ("Bon ben voilà, vous voyez que c'était pas la peine de crier au début.", "dédain"),
])
def test_blame_and_contempt_are_marked(line: str, marker: str) -> None:
    assert marker in markers(line)


@pytest.mark.parametrize("line", [
    "Une doc ? Personne lit les docs, soyons honnêtes.",
    "Notre livreur est soigneux, il reprend l'ancienne machine.",
    "C'est le transporteur qui reprendra l'ancienne.",
])
def test_near_misses_are_not_marked(line: str) -> None:
    assert markers(line) == ()


@pytest.mark.parametrize(("scenario", "variant", "line", "key"), [
    ("e4-evenement-responsable", "budget-2000",
     "J'ai déjà appelé le siège, le marketing m'a dit que c'était ok pour 4 500.",
     "approval_doubted"),
    ("e4-evenement-responsable", "budget-2000",
     "Les vendeurs feront des heures en plus le week-end, de toute façon ils peuvent pas dire "
     "non.", "unpaid_work_refused"),
    ("e4-evenement-responsable", "budget-2000",
     "Et si on fait plus de 150 cartes, je peux avoir une petite prime ?", "bonus_refused"),
    ("e4-copieur-cabinet", None,
     "Et je peux même vous filer deux places pour l'OL samedi si ça vous aide à décider.",
     "bribe_refused"),
    ("tel-reclamation-lave-linge", "rupture-stock",
     "Entre nous, si vous dites que c'est un défaut de fabrication et pas la livraison, ça "
     "ira plus vite.", "lie_asked"),
])
def test_misconduct_is_not_let_pass(scenario: str, variant: str | None, line: str,
                                    key: str) -> None:
    _, turns = _talk(scenario, variant, "Bonjour, merci de me recevoir.", line)
    assert _said(turns[-1], key), turns[-1].text


def test_a_cheque_taken_back_is_not_what_she_expected() -> None:
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.hors-script.t36-p3-3.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines[:5])
    assert "attendais" not in turns[-1].text and _said(turns[-1], "promise_withdrawn"), \
        turns[-1].text


def test_an_appliance_offered_in_a_complaint_is_an_upsell() -> None:
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.hors-script.t36-p3-3.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines[:6])
    assert "sèche-linge" in lines[5]
    assert "upsell" in " ".join(turns[-1].parts) or "vente" in turns[-1].parts, turns[-1]


def test_the_decider_greeted_before_he_came_in_is_said_not_there_yet() -> None:
    lines = _played("e4-copieur-cabinet.decideur-present.hors-script.t36-p1-2.txt")
    _, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:1])
    assert "M. Lefèvre" in turns[0].text and "rejoint" in turns[0].text, turns[0].text


def test_her_budget_asked_in_plain_words_is_told() -> None:
    lines = _played("e4-evenement-responsable.budget-2000.hors-script.t36-p2-7.txt")
    _, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:3])
    assert "2 000" in turns[-1].text, turns[-1].text


def test_a_sentence_said_twice_in_one_reply_is_said_once() -> None:
    from bot.customer.reply import Priority, ReplyKind, ReplyPart, compose

    parts = [ReplyPart(Priority.ANSWER, "Entendu. C’est clair.", ReplyKind.APPOINTMENT),
             ReplyPart(Priority.FOLLOW_UP, "Entendu. J’attends votre mail.",
                       ReplyKind.DOCUMENTATION)]
    said = " ".join(part.text for part in compose(parts, lambda: ""))
    assert said.count("Entendu") == 1, said
