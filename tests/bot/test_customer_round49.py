"""What round 49's blind plays showed (issue 13; measured first, then dev): "Ah bon, vous
avez essayé quoi avant ?" and "qu'est-ce qui n'avait pas fonctionné ?" were read as ignoring
the doubt (a baker hung up on the first); "Copitec c'est des charlots" went unremarked while
"payer pour rien c'est nul" was rebuked as running someone down; "vous avez gagné" on a cold
call got "Bon, allez-y"; "vous êtes jamais contente ?" passed; "…deux copieurs chez Copitec,
c'est ça ? Ils marchent encore bien ?" and "qu'est-ce qui fonctionne ou ne fonctionne pas
avec vos deux copieurs ?" got "il faudrait que je vérifie"; walking out on pressure said the
pressure twice; "pardon, c'était une blague nulle" ended a meeting as an insult."""

from __future__ import annotations

import re

from bot.conduct import markers
from bot.replies import Voice
from bot.topics import WordMatcher, content_words
from scenarios.model import Topic

from .plays import replay as _turns


def test_asked_what_he_tried_before_he_tells_and_stays_on_the_line() -> None:
    talk, turns = _turns("tel-prospection-fidelix.base.oral.t49-p2-6", 5)
    assert "objection ignorée" not in turns[-1].parts, turns[-1]
    assert talk.state.patience > 20
    _, turns = _turns("tel-prospection-fidelix.base.competent.t49-p2-7", 3)
    assert "fait:site-agence-web" in turns[-1].parts, turns[-1]


def test_running_down_people_is_rebuked_and_a_situation_judged_is_not() -> None:
    assert markers("Copitec c'est des charlots, tout le monde le sait.") == ("dénigrement",)
    assert markers("Ah ouais je comprends, payer pour rien c'est nul.") == ()
    assert markers("Bon, vous voulez quoi au final, vous êtes jamais contente ?")


def test_a_prize_announced_on_a_cold_call_is_doubted() -> None:
    _, turns = _turns("tel-prospection-fidelix.client-presse.hors-script.t49-p1-3", 2)
    assert turns[-1].text in Voice.lines("prize_doubted"), turns[-1].text


def test_questions_about_her_copiers_get_what_she_lives_with_them() -> None:
    for name in ("e4-copieur-cabinet.delai-court.oral.t49-p1-2",
                 "e4-copieur-cabinet.delai-court.competent.t49-p1-6"):
        _, turns = _turns(name, 2)
        # (The breakdowns, or, told already in answer to "vos besoins", what her contract
        # gives when one comes: "Le contrat prévoit une intervention en 48 heures.")
        told = {"fait:pannes-frequentes", "fait:delai-intervention"}
        assert told & set(turns[-1].parts), (name, turns[-1])
        assert any("fait:pannes-frequentes" in turn.parts for turn in turns), (name, turns)


def test_walking_out_on_pressure_says_it_once() -> None:
    _, turns = _turns("e4-copieur-cabinet.delai-court.hors-script.t46-p1-4", 5)
    assert turns[-1].parts == ["issue"], turns[-1]
    assert turns[-1].text.count("la main") <= 1, turns[-1].text


def test_an_apology_calling_ones_own_joke_bad_is_no_insult() -> None:
    assert markers("Pardon, c'était une blague nulle. Je reprends : quel budget ?") == ()
    assert markers("Votre idée est nulle.")  # hers judged: still an insult
    talk, turns = _turns("e4-evenement-responsable.budget-2000.hors-script.t49-p1-4", 3)
    assert not talk.state.ended, turns[-1].text


# Round 49's second batch of dev fixes, on what its reviewers still marked.

def test_asked_what_went_wrong_he_tells_what_happened() -> None:
    # "Qu'est-ce qui vous a pas plu ?" and "vous dites qu'on vous a déjà fait le coup, c'était
    # quoi comme truc en ligne ?" got the vague "les promesses sur internet…" or nothing.
    for name, upto in (("tel-prospection-fidelix.deja-equipe.oral.t49-p3-1", 6),
                       ("tel-prospection-fidelix.barrage.oral.t49-p2-2", 6)):
        _, turns = _turns(name, upto)
        assert "fait:site-agence-web" in turns[-1].parts, (name, turns[-1])


def test_asked_what_card_he_has_he_says_what_it_is() -> None:
    _, turns = _turns("tel-prospection-fidelix.base.oral.t49-p2-6", 3)
    assert "fait:cartes-tampons" in turns[-1].parts, turns[-1]


def test_asked_for_two_minutes_he_gives_leave_to_go_on() -> None:
    _, turns = _turns("tel-prospection-fidelix.deja-equipe.oral.t49-p3-1", 2)
    assert re.search(r"(?i)allez-y|je vous écoute|continuez|dites-moi", turns[-1].text), \
        turns[-1].text


def test_a_check_then_another_question_gets_both_answers() -> None:
    _, turns = _turns("e4-copieur-cabinet.budget-serre.oral.t49-p2-1", 4)
    assert {"fait:fin-contrat", "fait:budget"} <= set(turns[-1].parts), turns[-1]


def test_the_head_offices_operation_asked_by_its_name_is_answered() -> None:
    # "Salon de jardin" shares a word with the store's name, "Jardins & Cie".
    _, turns = _turns("e4-evenement-responsable.siege-impose-date.hors-script.t49-p3-7", 2)
    assert "fait:operation-mobilier" in turns[-1].parts, turns[-1]


def test_her_not_yet_gives_one_reason_not_a_list_of_grievances() -> None:
    _, turns = _turns("e4-copieur-cabinet.budget-serre.oral.t49-p2-1", 11)
    assert not any(p.startswith("objection:") for p in turns[-1].parts), turns[-1]


def test_noir_sur_blanc_asks_nothing_about_colour() -> None:
    _, turns = _turns("e4-copieur-cabinet.base.oral.t49-p3-4", 8)
    assert "fait:part-couleur" not in turns[-1].parts, turns[-1]


def test_what_a_real_customer_jumps_on_is_remarked() -> None:
    siege = "e4-evenement-responsable.siege-impose-date.hors-script.t49-p3-7"
    for name, upto, key in ((siege, 4, "data_bought_refused"), (siege, 7, "job_asked"),
                            (siege, 9, "scheme_refused"),
                            ("e4-evenement-responsable.base.hors-script.t49-p3-3", 4,
                             "bypass_refused"),
                            ("e4-copieur-cabinet.decideur-present.hors-script.t49-p3-6", 1,
                             "stays_in_meeting"),
                            ("e4-copieur-cabinet.decideur-present.hors-script.t49-p3-6", 3,
                             "claim_doubted")):
        _, turns = _turns(name, upto)
        assert any(line in turns[-1].text for line in Voice.lines(key)), (name, key, turns[-1])


def test_a_joke_she_rebukes_is_answered_before_the_newcomer_takes_the_floor() -> None:
    _, turns = _turns("e4-copieur-cabinet.decideur-present.hors-script.t49-p3-6", 2)
    assert turns[-1].speaker == "philippe-lefevre", turns[-1]
    assert turns[-1].before is not None and turns[-1].before.speaker == "claire-martin"


def test_a_name_word_counts_inside_a_longer_keyword_only() -> None:
    topic = Topic.model_validate({"id": "salon", "libelle": "L'opération du siège",
                                  "mots_cles": ["salon de jardin"]})
    matcher = WordMatcher([topic], names=frozenset(content_words("Jardins & Cie")))
    assert matcher.scores("leur opération Salon de jardin, ça change quoi ?")
    assert not matcher.scores("chez Jardins & Cie")


def test_leaving_on_a_booked_demo_she_still_answers_both_questions() -> None:
    _, turns = _turns("tel-prospection-fidelix.barrage.oral.t49-p2-2", 9)
    assert {"choix", "fait:email"} <= set(turns[-1].parts), turns[-1]
