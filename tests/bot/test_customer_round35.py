"""What the thirty-fifth blind round showed (issue 13): misconduct let pass ("on se calme" to an
angry caller, a lie owned up to, a joke about her broken machine, "en 2025 c'est la
préhistoire", "plus 30 % de chiffre d'affaires, sinon remboursé"); "Intéressant. Continuez."
to a student who had finished; "Vous l'avez, c'est moi." to "je suis un peu le chef ici";
"Il y a moyen de faire un effort ?" four times to a student who never heard her budget;
"Ça ne rentre pas" to a plan at exactly the manager's 3 000 €; the decider walking in with
"Où en êtes-vous ?" to a question put to him; "Merci de m'accorder ce rendez-vous." read as a
question about her signing limit; her needs told again to "ça répond à vos attentes ?"; a
recap check answered with her weekend sales; the voucher-or-warranty choice not heard after
"ou si vous préférez"; "on s'éloigne, là" to a check of her e-mail address."""

from __future__ import annotations

import pytest

from bot.conduct import markers
from bot.customer.reply import Priority, ReplyKind, ReplyPart, without_go_on
from bot.questions import checks_fit, is_question, offered_options
from bot.replies import Voice

from .test_customer_coherence import _played, _talk


@pytest.mark.parametrize(("line", "marker"), [
    ("Ouh là, doucement madame, on se calme.", "mépris"),
    ("Vos cartons à tampons, ça fait très années 90 quand même.", "dénigrement"),
    ("En 2025 c'est un peu la préhistoire, non ?", "dénigrement"),
    ("Au moins vous voyez le linge tourner, c'est moderne ! Non je rigole.", "plaisanterie"),
    ("Passez-le-moi vite fait, c'est lui qui décide, pas vous, hein.", "dédain"),
    ("Écoutez, je n'ai pas toute la journée.", "pression"),
])
def test_misconduct_a_teacher_would_quote_is_marked(line: str, marker: str) -> None:
    assert marker in markers(line)


@pytest.mark.parametrize("line", [
    "Je rigole pas, c'est vraiment le meilleur délai du marché.",
    "Le rendez-vous de mardi est bien noté.",
    "Elle est calme, la période, en ce moment ?",
])
def test_near_misses_are_not_marked(line: str) -> None:
    assert markers(line) == ()


def test_a_joke_at_her_expense_is_met_as_one() -> None:
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock",
                     "ElectroMaison service client, Hugo, bonjour.",
                     "Ah, une porte fissurée, bon ben au moins vous voyez le linge tourner, "
                     "c'est moderne ! Non je rigole. C'est quoi votre nom ?")
    assert turns[1].text.split(".")[0] + "." in {
        line.split(".")[0] + "." for line in Voice.lines("mockery_reaction")}, turns[1].text


def test_a_lie_owned_up_to_is_not_let_pass() -> None:
    lines = _played("tel-prospection-fidelix.base.hors-script.t35-p2-6.txt")
    _, turns = _talk("tel-prospection-fidelix", None, *lines[:6])
    assert "histoires" in turns[5].text or "pas vrai" in turns[5].text \
        or "inventez" in turns[5].text, turns[5].text


def test_a_guaranteed_rise_said_as_plus_is_doubted() -> None:
    _, turns = _talk("tel-prospection-fidelix", None,
                     "Bonjour, Maxime de chez Fidelix, je voudrais parler à M. Benali.",
                     "Avec notre appli, vos clients commandent en ligne et vous faites plus "
                     "50 % de ventes en un mois, garanti.")
    assert "promesse douteuse" in turns[1].parts, turns[1]


def test_the_student_calling_himself_the_boss_is_not_asking_for_him() -> None:
    lines = _played("tel-prospection-fidelix.base.hors-script.t35-p1-7.txt")
    _, turns = _talk("tel-prospection-fidelix", None, *lines[:6])
    assert "c'est moi" not in turns[5].parts and "c’est moi" not in turns[5].text, turns[5]


def test_no_invitation_to_go_on_beside_something_else() -> None:
    said = [ReplyPart(Priority.REACTION, "Intéressant. Continuez.", ReplyKind.ARGUMENT)]
    assert [p.text for p in without_go_on(said)] == ["Intéressant."]
    alone = [ReplyPart(Priority.FILLER, "Continuez.", ReplyKind.LISTENING)]
    assert [p.text for p in without_go_on(alone)] == ["Continuez."]


def test_asked_to_sign_above_her_untold_budget_she_tells_it() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t35-p1-5.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines)
    assert "250" in turns[8].text, turns[8].text  # "Je vous propose de valider aujourd'hui"
    assert "budget" in talk.state.facts_revealed
    # A lower price still above it: she says it moved, not "Et si on discutait du prix ?".
    assert turns[15].text in Voice.lines("still_above_budget"), turns[15].text


def test_a_plan_at_exactly_the_managers_envelope_fits_it() -> None:
    lines = _played("e4-evenement-responsable.base.oral.t35-p3-3.txt")
    _, turns = _talk("e4-evenement-responsable", None, *lines[:10])
    assert "rentre pas" not in turns[9].text, turns[9].text
    assert "issue" in turns[9].parts, turns[9]


def test_the_decider_asked_a_question_as_he_walks_in_answers_it() -> None:
    lines = _played("e4-copieur-cabinet.decideur-present.competent.t35-p1-2.txt")
    _, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:4])
    assert turns[3].speaker == "philippe-lefevre"
    assert "240" in turns[3].text and "?" not in turns[3].text, turns[3].text


@pytest.mark.parametrize("sentence", [
    "Merci de m'accorder ce rendez-vous.",
    "On se fixe un rendez-vous la semaine prochaine.",
])
def test_the_noun_rendez_vous_is_no_question(sentence: str) -> None:
    assert not is_question(sentence)


def test_thanks_for_the_meeting_tells_nothing() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t35-p1-5.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", lines[0])
    assert "processus-decision" not in talk.state.facts_revealed, turns[0].text
    assert "300" not in turns[0].text


@pytest.mark.parametrize("question", [
    "Est-ce que ces trois points répondent à vos attentes ?",
    "Sur cette base, est-ce que la MX-5000 vous semble répondre à vos besoins ?",
])
def test_whether_the_offer_fits_is_a_check(question: str) -> None:
    assert checks_fit(question)


def test_a_fit_check_gets_her_opinion_not_her_need_again() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t35-p1-5.txt")
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:8])
    assert turns[7].text in Voice.lines("control_opinion"), turns[7].text


def test_a_recap_put_to_her_check_tells_no_fact() -> None:
    lines = _played("tel-prospection-fidelix.deja-equipe.oral.t35-p3-4.txt")
    talk, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines)
    assert "ventes-week-end" not in talk.state.facts_revealed, turns[-1].text


def test_an_option_after_ou_si_vous_preferez_is_heard() -> None:
    assert offered_options(
        "Qu'est-ce qui vous conviendrait le mieux ?",
        "Je vous offre un bon d'achat de 30 euros sur ElectroMaison.fr, ou si vous préférez, "
        "une extension de garantie d'un an sur le nouvel appareil.") == \
        ("un bon d'achat de 30 euros", "une extension de garantie d'un an")


def test_options_end_without_the_pause_after_them() -> None:
    options = offered_options("Je vous propose un modèle 8 kg équivalent, en stock, ou "
                              "d'attendre le vôtre ?")
    assert options is None or not any(option.endswith(",") for option in options)


def test_a_check_of_her_address_is_answered() -> None:
    lines = _played("tel-reclamation-lave-linge.base.competent.t35-p2-1.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:9])
    assert turns[6].text in Voice.lines("contact_confirmed"), turns[6].text
    # Voucher or warranty: she picks one (as her choice, or as the solution she takes when
    # the recap beside it names the replacement too).
    assert {"choix", "solution"} & set(turns[7].parts), turns[7]
    assert "bon d" in turns[7].text.lower() or "garantie" in turns[7].text.lower(), turns[7]
