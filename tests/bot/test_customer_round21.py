"""What the twenty-first blind round showed once replayed (issue 13): a question about her
situation taken for a choice ("ils vous posent des problèmes ou ça va ?" got "Ça va, ce
sera mieux pour moi"), a day in an example taken for a date offered, a total worked out on
the competitor's offer not heard as an answer to it, the same doubt at every closing
question, two slots offered and none named, "le plus important, c'est quoi ?" deflected,
and a question on her copiers answered with the price of her contract."""

from __future__ import annotations

import pytest

from bot.customer.rules import Rules
from bot.questions import offered_options
from bot.replies import Voice

from .test_customer_coherence import _played, _talk

HELLO = "Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir."


@pytest.mark.parametrize("question", [
    "Et vos copieurs actuels là, ils vous posent des problèmes ou bah ça va ?",
    "Est-ce que la machine est branchée ou l'avez-vous déjà utilisée ?",
    "Et ça marche bien ou c'est compliqué ?",
])
def test_a_question_about_her_situation_offers_nothing_to_choose(question: str) -> None:
    assert offered_options(question) is None


@pytest.mark.parametrize(("question", "options"), [
    ("Vous préférez la version à 1 775 € avec les flyers, ou celle à 1 975 € avec la radio ?",
     ("la version à 1 775 €", "celle à 1 975 €")),
    ("Préférez-vous le bon d'achat ou l'extension ?", ("le bon d'achat", "l'extension")),
    ("c'est mieux en boutique ou en visio ?", ("en boutique", "en visio")),
])
def test_options_offered_are_still_read(question: str, options: tuple[str, str]) -> None:
    assert offered_options(question) == options


def test_her_copiers_asked_about_get_the_breakdowns_not_a_choice() -> None:
    _, turns = _talk("e4-copieur-cabinet", None, HELLO,
                     "Et vos copieurs actuels là, ils vous posent des problèmes ou bah ça va ?")
    assert "ce sera mieux pour moi" not in turns[-1].text and "panne" in turns[-1].text, \
        turns[-1].text


def test_what_she_did_not_do_is_not_said_back_as_her_choice() -> None:
    """"Évidemment, je ne l'ai pas branchée… La machine est branchée, ce sera mieux pour
    moi." (round 21)."""
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.competent.t21-p2-3.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines[:2])
    assert "branchée, ce sera" not in turns[-1].text, turns[-1].text


def test_a_day_in_an_example_is_no_date_offered() -> None:
    """"…une panne le jeudi matin est réglée le jeudi après-midi" got "Le jeudi, plutôt."."""
    lines = _played("e4-copieur-cabinet.delai-court.competent.t21-p3-4.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:8])
    assert "jeudi" in lines[7] and "Le jeudi" not in turns[-1].text, turns[-1].text


def test_a_total_worked_out_on_the_competitors_offer_answers_it() -> None:
    """"En vrai vous payez 340 par mois chez Copitec, 250 plus 90. Nous à 259 la couleur est
    dedans…" got "Copitec nous propose 250 € pour renouveler" once more: the sixth time."""
    lines = _played("e4-copieur-cabinet.decideur-present.oral.t21-p2-6.txt")
    talk, _ = _talk("e4-copieur-cabinet", "decideur-present", *lines)
    assert "offre-copitec" in talk.state.objections_treated
    assert talk.state.price_agreed == 259


def test_asked_again_and_again_to_sign_she_does_not_say_the_same_doubt_each_time() -> None:
    """"Pas en l'état. Encore une fois, 250 € chez Copitec. Pourquoi je changerais ?" at each
    closing question, four times in one meeting (round 21): she names it `restate_max`
    times, then says it stands without its words."""
    lines = _played("e4-copieur-cabinet.decideur-present.oral.t21-p2-6.txt")
    _, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:17])
    refusals = [t.text for t in turns if t.parts and t.parts[0] == "engagement"]
    # (Its own words are its figure: the standing form may name the rival, "la question de
    # l'offre de Copitec", without saying the 250 € again.)
    named = [text for text in refusals if "250 €" in text]
    assert len(named) <= Rules().restate_max, refusals
    # (Its lines name the doubt in a word: "Non. Il reste {point}, …".)
    assert any(line.split("{")[0] in text for text in refusals
               for line in Voice.lines("deal_refused_standing")), refusals
    stuck = _played("e4-copieur-cabinet.decideur-present.oral.t20-p3-4.txt")
    _, turns = _talk("e4-copieur-cabinet", "decideur-present", *stuck)
    quoted = [t.text for t in turns if "250 €" in t.text and "Copitec" in t.text]
    # Raised once, restated `restate_max` times, named at closing questions `restate_max`.
    assert len(quoted) <= 1 + 2 * Rules().restate_max, quoted


def test_of_two_slots_offered_she_names_the_one_she_takes() -> None:
    """"Mardi 10 h ou jeudi 14 h, qu'est-ce qui vous arrange ?" got "C'est noté. M. Lefèvre
    aime les dossiers chiffrés…", then "lequel je note ?" got "Bien, c'est clair"."""
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t21-p2-1.txt")
    offered = next(i for i, line in enumerate(lines) if "Qu'est-ce qui vous arrange" in line)
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:offered + 2])
    day = talk.state.appointment["jour"]
    for turn in turns[-2:]:
        assert f"{day} à" in turn.text.lower(), turn.text
    assert "concorde avec mes notes" not in turns[-1].text


@pytest.mark.parametrize("question", [
    "Ok. Et du coup pour vous le plus important c'est quoi dans un nouveau copieur ?",
    "Et de votre côté, qu'est-ce qui compte le plus dans ce choix ?",
])
def test_what_matters_most_is_her_strongest_need(question: str) -> None:
    _, turns = _talk("e4-copieur-cabinet", None, HELLO, question,
                     "Et ensuite, qu'est-ce qui est le plus important pour vous ?")
    first, second = turns[-2].text, turns[-1].text
    assert "ne plus subir de pannes" in first and "information" not in first, first
    assert "secret professionnel" in second, second


def test_a_question_on_her_copiers_is_not_answered_with_her_rent() -> None:
    _, turns = _talk("e4-copieur-cabinet", None, HELLO, "Comment s'organise aujourd'hui "
                     "l'impression au cabinet, avec vos deux copieurs actuels ?")
    assert "240" not in turns[-1].text and "panne" in turns[-1].text, turns[-1].text


def test_one_hour_for_two_days_is_a_slot_not_a_question_of_time() -> None:
    """"Mardi ou jeudi à 14 h 30, qu'est-ce qui vous convient ?" got "Plutôt le matin ou
    l'après-midi ?", then "Je vous propose 14 h 30 : plutôt mardi ou jeudi ?" got "À quelle
    heure ?" (round 21)."""
    lines = _played("tel-prospection-fidelix.deja-equipe.competent.t21-p1-5.txt")
    _, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:5])
    for turn in turns[-2:]:
        assert "heure" not in turn.text and "14 h 30" in turn.text, turn.text


def test_a_time_of_day_with_its_minutes_is_a_time_a_short_one_a_duration() -> None:
    from bot.entities import extract
    found = [(e.type, e.value) for e in extract("je vous propose 14 h 30 : mardi ?")]
    assert ("date", {"heure": "14:30"}) in found
    assert not any(kind == "duree" for kind, _ in found)
    assert not any(e.type == "date" for e in extract("la démo dure 1 h 30"))


def test_two_times_of_one_day_are_hers_to_choose() -> None:
    """"Livraison samedi, soit le matin de 8 h à 12 h, soit l'après-midi de 14 h à 18 h.
    Qu'est-ce qui vous arrange ?" got "Ça, je n'en sais rien" from the mother who can only do
    Saturday morning (round 21)."""
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.competent.t21-p2-3.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines[:5])
    assert "matin" in turns[-1].text and "de 8 h à 12" not in turns[-1].text, turns[-1].text


def test_a_photo_to_send_by_mail_does_not_ask_for_her_address() -> None:
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.competent.t21-p2-3.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines[:6])
    assert "@" not in turns[-1].text, turns[-1].text


def test_a_time_noted_before_a_question_is_not_a_request_to_sign() -> None:
    """"C'est noté : je vous rappelle mardi à 14 h 30. … une seule question : vous utilisez
    déjà une solution de fidélité ?" got "C'est un peu tôt pour me décider" (round 21)."""
    lines = _played("tel-prospection-fidelix.deja-equipe.competent.t21-p1-5.txt")
    _, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:3])
    assert "FidCarte" in turns[-1].text
    assert not any(line in turns[-1].text for line in Voice.lines("deal_refused_not_ready"))


def test_a_gatekeeper_told_why_late_in_the_call_does_not_ask_why_again() -> None:
    lines = _played("tel-prospection-fidelix.barrage.hors-script.t21-p3-6.txt")
    _, turns = _talk("tel-prospection-fidelix", "barrage", *lines[:4])
    assert "quel sujet" not in turns[-1].text, turns[-1].text


def test_asked_about_what_worries_her_she_tells_it_without_protesting() -> None:
    """"…y a-t-il des contraintes, par exemple côté personnel ?" got "Non mais attendez : je
    n'ai pas le personnel…", a protest against a proposal nobody made (round 21)."""
    _, turns = _talk("e4-evenement-responsable", None,
                     "Bonjour monsieur Dubois, Léa Morel, je viens vous présenter mon projet.",
                     "Quel budget envisagez-vous pour cette année, et y a-t-il des contraintes à "
                     "prendre en compte, par exemple côté personnel ou procédure avec le siège ?")
    assert "personnel" in turns[-1].text and "Non mais attendez" not in turns[-1].text, \
        turns[-1].text


def test_a_paid_warranty_sold_during_a_complaint_annoys_her() -> None:
    """"Vous seriez pas intéressée par notre extension de garantie à 79 euros ?" got "Ça,
    c'est plutôt rassurant, oui. Merci." (round 21); the gesture of the policy still pleases."""
    _, turns = _talk("tel-reclamation-lave-linge", None, "Bonjour madame, Julien du SAV.",
                     "Je peux vous faire un bon d'achat de 30 € ou une extension de garantie "
                     "d'un an, au choix.",
                     "Et au fait, vous seriez pas intéressée par notre extension de garantie "
                     "à 79 euros pendant que je vous ai ? C'est une super affaire.")
    assert turns[-2].parts == ["choix"], turns[-2]
    assert any(line in turns[-1].text for line in Voice.lines("upsell_refused")), turns[-1].text


def test_blaming_the_carrier_is_a_fault_a_teacher_would_quote() -> None:
    from bot.conduct import markers
    assert "rejet" in markers("Ah bah c'est le transporteur ça, c'est pas nous, ils sont tout "
                              "le temps comme ça.")


def test_sending_her_to_the_maker_denies_the_sellers_guarantee() -> None:
    talk, turns = _talk("tel-reclamation-lave-linge", "hors-delai", "Bonjour madame, Julien.",
                        "Alors là madame ça fait plus de 14 jours, le délai de rétractation est "
                        "passé, faut voir avec le fabricant Lavex directement.")
    assert "droit_legal_nie" in [e.value for e in talk.state.events]
    assert turns[-1].ended


def test_a_question_on_whether_her_copiers_work_gets_the_breakdowns() -> None:
    _, turns = _talk("e4-copieur-cabinet", None, HELLO,
                     "Et euh ils marchent bien vos copieurs ou… ?")
    assert "panne" in turns[-1].text, turns[-1].text
