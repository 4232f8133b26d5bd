"""What round 41 showed once measured (issue 13, dev part): a competent complaint call ended on
"promesse intenable" for photos sent "cet après-midi"; a plan at exactly the director's
envelope was "trop cher"; jibes were thanked as empathy and implausible seals taken as
arguments; prices said as "je descends tout de suite à 199" or "nous c'est 289" went unread;
the second question of a turn (which shop, last year's fair, what FidCarte is like) was left."""

from __future__ import annotations

from bot.replies import Voice
from scenarios.vocabulary import Event

from .test_customer_coherence import _played, _talk


def test_photos_sent_this_afternoon_in_the_same_sentence_promise_no_early_delivery() -> None:
    lines = _played("tel-reclamation-lave-linge.base.competent.t41-p1-3.txt")
    talk, turns = _talk("tel-reclamation-lave-linge", None, *lines)
    assert not talk.state.happened(Event.PROMESSE_HORS_POLITIQUE), [t.text for t in turns]
    assert talk.final_outcome().value == "success"


def test_a_plan_that_lands_exactly_on_his_envelope_is_not_too_dear() -> None:
    lines = _played("e4-evenement-responsable.base.oral.t41-p1-4.txt")
    talk, turns = _talk("e4-evenement-responsable", None, *lines[:8])
    assert talk.state.price_offered == 3000, talk.state.price_offered
    assert not any("Trop cher" in turn.text for turn in turns), [t.text for t in turns]


def test_a_jibe_is_not_thanked_as_empathy() -> None:
    """"Franchement, la compta, ça doit pas être marrant tous les jours" got "J'apprécie cette
    attention"."""
    lines = _played("e4-copieur-cabinet.base.hors-script.t41-p2-4.txt")
    _, turns = _talk("e4-copieur-cabinet", None, *lines)
    thanks = [*Voice.lines("empathy_ok"), "J’apprécie cette attention.",
              "D’accord. Merci de le relever."]
    assert not any(line in turn.text for turn in turns for line in thanks), \
        [t.text for t in turns]


def test_a_favour_for_the_students_own_affairs_is_off_topic() -> None:
    lines = _played("e4-copieur-cabinet.base.hors-script.t41-p1-5.txt")
    _, turns = _talk("e4-copieur-cabinet", None, *lines[:2])
    assert "off_topic" in " ".join(turns[-1].parts) or "hors-sujet" in turns[-1].parts, \
        turns[-1]
    assert "collaborateurs" not in turns[-1].text


def test_a_price_cut_said_as_made_now_is_the_price_on_the_table() -> None:
    """"289 euros… et pour vous je descends tout de suite à 199" got "c'est plus cher que
    notre contrat actuel", twice."""
    lines = _played("e4-copieur-cabinet.decideur-present.hors-script.t41-p2-1.txt")
    talk, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:5])
    assert talk.state.price_offered == 199
    assert "plus cher" not in turns[-1].text, turns[-1].text


def test_nous_cest_289_is_a_price_told() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.hors-script.t41-p2-3.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:7])
    assert talk.state.price_offered == 289
    assert not any("combien ça coûte" in turn.text for turn in turns), [t.text for t in turns]


def test_which_shop_is_answered_beside_his_address_and_staff_addresses_are_refused() -> None:
    lines = _played("tel-prospection-fidelix.base.hors-script.t41-p2-2.txt")
    _, turns = _talk("tel-prospection-fidelix", None, *lines[:8])
    assert any(line in turns[6].text for line in Voice.lines("data_handed_refused")), \
        turns[6].text
    # (His address written or spelled out: "karim, point, benali, arobase…".)
    assert ("@" in turns[7].text or "arobase" in turns[7].text) and (
        "Wazemmes" in turns[7].text or "Vieux-Lille" in turns[7].text), turns[7].text


def test_a_question_after_an_agreement_still_discovers() -> None:
    """"D'accord, plus 15 % sur avril, ok. Et l'an dernier la foire aux plantes, ça avait
    marché ou pas ?" got "Noté."; "Il reste combien pour l'animation de printemps ?" got his
    +15 % target."""
    lines = _played("e4-evenement-responsable.budget-2000.oral.t41-p1-7.txt")
    _, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:3])
    assert "2 000" in turns[1].text, turns[1].text
    assert "2 800" in turns[2].text, turns[2].text


def test_two_minutes_now_or_a_call_back_gets_one_of_them() -> None:
    lines = _played("tel-prospection-fidelix.deja-equipe.competent.t41-p3-3.txt")
    talk, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:3])
    assert not talk.state.happened(Event.RAPPEL_FIXE), turns[1].text
    assert "rappelez" not in turns[1].text.lower()
    # "…vous utilisez déjà FidCarte. Comment ça se passe, depuis que vous l'avez mise en
    # place ?" asks about FidCarte, not his weekend sales.
    assert "FidCarte" in turns[2].text, turns[2].text


def test_a_seal_nobody_can_check_is_asked_for_proof() -> None:
    lines = _played("e4-copieur-cabinet.base.hors-script.t41-p2-4.txt")
    _, turns = _talk("e4-copieur-cabinet", None, *lines)
    doubts = Voice.lines("unchecked_claim_doubted")
    assert any(line in turn.text for turn in turns for line in doubts), [t.text for t in turns]
