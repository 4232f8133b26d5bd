"""What round 50's blind plays showed (issue 13; measured first at 631266a, then dev): the
partner announced "dans quelques minutes" answered the student's very first words; "qu'attendez-
vous en priorité ?" got the page volume; "…la boutique du Vieux-Lille, ou plutôt une visio ?"
got his weekend sales first; a gift the scenario allows ("trois mois de toner couleur offerts")
was doubted as if it were none; a refund taken back as "une blague" after a promise outside the
policy passed; two doubts lifted in one turn each said their "d'accord"; a purchase order
signed behind the director's back ("j'ai signé le bon de commande… au nom du magasin") went
unremarked; a floor stated ("en dessous j'ai pas le droit") was taken for a promise withdrawn."""

from __future__ import annotations

from bot.replies import Voice

from .plays import replay as _turns


def test_the_partner_announced_in_a_few_minutes_does_not_answer_the_first_words() -> None:
    for name in ("e4-copieur-cabinet.decideur-present.competent.t50-p3-7",
                 "e4-copieur-cabinet.decideur-present.hors-script.t50-p1-2"):
        _, turns = _turns(name, 1)
        assert turns[-1].speaker == "claire-martin", (name, turns[-1])


def test_asked_what_he_expects_first_he_names_what_matters_not_the_volume() -> None:
    _, turns = _turns("e4-copieur-cabinet.decideur-present.competent.t50-p3-7", 2)
    assert "fait:volume-mensuel" not in turns[-1].parts, turns[-1]


def test_the_place_of_the_demo_is_chosen_without_an_unasked_fact() -> None:
    _, turns = _turns("tel-prospection-fidelix.base.competent.t50-p2-4", 6)
    assert turns[-1].parts == ["choix"], turns[-1]


def test_a_gift_the_scenario_allows_is_not_doubted() -> None:
    _, turns = _turns("e4-copieur-cabinet.base.oral.t50-p2-1", 10)
    assert not any(line in turns[-1].text for line in Voice.lines("gift_doubted")), turns[-1]


def test_a_refund_taken_back_after_a_promise_outside_the_policy_is_remarked() -> None:
    _, turns = _turns("tel-reclamation-lave-linge.base.hors-script.t50-p3-2", 6)
    assert "promesse douteuse" in turns[-1].parts, turns[-1]


def test_two_doubts_lifted_at_once_say_one_yes() -> None:
    _, turns = _turns("tel-reclamation-lave-linge.base.hors-script.t50-p3-2", 4)
    assert turns[-1].text.count("D’accord") <= 1, turns[-1].text


def test_an_order_signed_behind_the_directors_back_is_remarked() -> None:
    name = "e4-evenement-responsable.siege-impose-date.hors-script.t50-p3-4"
    for upto in (3, 4):
        _, turns = _turns(name, upto)
        assert any(line in turns[-1].text for line in Voice.lines("committed_unapproved")), \
            (upto, turns[-1])


def test_a_floor_stated_is_no_promise_withdrawn() -> None:
    _, turns = _turns("e4-copieur-cabinet.delai-court.oral.t49-p1-2", 9)
    assert "promesse douteuse" not in turns[-1].parts, turns[-1]
