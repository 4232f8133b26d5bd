"""What the twenty-fourth blind round showed (issue 13): her costs added up ("230 plus 90
de couleur") read as a price cut; an objection lifted with a figure nobody said ("Dix jours
ouvrés après la signature…" to "je vous l'installe demain"); "c'est vous qui signez ou faut
voir avec quelqu'un d'autre ?" read as a choice; invited to ask her questions she said "je
ne saurais pas vous dire"; the person asked for as "le patron, M. Benali" did not say it was
him; express conditioned on photos read as promised without them."""

from __future__ import annotations

from bot.questions import offered_options

from .test_customer_coherence import _played, _talk


def test_her_costs_added_up_are_no_price_cut() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.oral.t24-p3-4.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:8])
    assert talk.state.price_offered == 289, talk.state.price_offered
    assert "droit de faire ça" not in turns[-1].text, turns[-1].text


def test_a_doubt_is_not_lifted_with_a_figure_nobody_said() -> None:
    lines = _played("e4-copieur-cabinet.delai-court.hors-script.t24-p1-5.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:4])
    assert "Dix jours" not in turns[-1].text, turns[-1].text


def test_asking_whether_someone_else_signs_offers_no_choice() -> None:
    assert offered_options("Par contre euh, c'est vous qui signez ou faut voir avec "
                           "quelqu'un d'autre ?") is None


def test_invited_to_ask_her_questions_she_asks_one() -> None:
    lines = _played("e4-copieur-cabinet.delai-court.hors-script.t24-p1-5.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:6])
    assert turns[-1].text.rstrip().endswith("?"), turns[-1].text
    assert "ne saurais pas" not in turns[-1].text


def test_the_boss_asked_for_by_name_says_it_is_him() -> None:
    lines = _played("tel-prospection-fidelix.client-presse.hors-script.t24-p2-2.txt")
    _, turns = _talk("tel-prospection-fidelix", "client-presse", lines[0])
    assert "moi" in turns[0].text, turns[0].text


def test_express_offered_against_photos_is_within_the_policy() -> None:
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.oral.t24-p1-7.txt")
    talk, _ = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines)
    assert talk.final_outcome().value == "success"


def test_the_reason_for_the_call_is_no_promise_to_call_back() -> None:
    lines = _played("tel-prospection-fidelix.deja-equipe.competent.t24-p2-3.txt")
    _, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:2])
    assert "appel" not in turns[-1].text, turns[-1].text
    assert "FidCarte" in turns[-1].text


def test_a_choice_of_what_is_done_one_of_them_on_her_day_is_made() -> None:
    lines = _played("tel-reclamation-lave-linge.rupture-stock.oral.t24-p3-7.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines[:6])
    assert turns[-1].text != "Ça me va.", turns[-1].text
    # One of her ways of choosing ("…, plutôt", "…, ce sera mieux pour moi", "Je dirais …").
    assert any(word in turns[-1].text for word in ("plutôt", "mieux", "Je dirais")), \
        turns[-1].text


def test_asked_for_her_name_or_order_number_she_gives_them() -> None:
    lines = _played("tel-reclamation-lave-linge.base.oral.t24-p1-1.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:2])
    assert "EM-458921" in turns[-1].text, turns[-1].text
    assert offered_options("Euh vous pouvez me donner votre nom ou le numéro de commande du "
                           "coup ?") is None


def test_what_satisfies_or_bothers_her_as_a_second_question_gets_its_answer() -> None:
    """Round 22: "Comment s'organisent les impressions, et qu'est-ce qui vous satisfait ou
    vous gêne avec vos deux copieurs actuels ?" got the volume only."""
    _, turns = _talk("e4-copieur-cabinet", None,
                     "Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.",
                     "Comment s'organisent aujourd'hui les impressions au sein du cabinet, et "
                     "qu'est-ce qui vous satisfait ou vous gêne avec vos deux copieurs actuels ?")
    assert "12 000" in turns[-1].text and "panne" in turns[-1].text, turns[-1].text
