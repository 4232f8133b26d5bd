"""What rounds 44 and 45 showed once measured (issue 13, dev part): a gatekeeper who agreed a
callback put the call through anyway; a copier callback agreed and said goodbye to ended
"inachevé"; the standard five days were read as the 48-hour express; a rumour about the rival,
a response time "dans l'heure, garanti", a head-office approval made up, "pas besoin de
signer", "vous êtes le jury ?" went unremarked; a meeting ended "sur ce ton" on a polite turn,
or at once on a first jab at the rival; "Tout à fait." answered choices; her address read back
wrong was "Noté"; her current contract's delay asked got its rent; a demo proposed got her
week-end sales; the budget went unanswered beside a question on staff."""

from __future__ import annotations

from scenarios.vocabulary import Event

from .plays import student_lines as _lines
from .test_customer_coherence import _talk


def test_a_gatekeeper_keeps_to_the_callback_agreed_and_confirms_its_hour() -> None:
    talk, turns = _talk("tel-prospection-fidelix", "barrage",
                        "Bonjour madame, Mathis de la société Fidelix, je voudrais parler à M. "
                        "Benali s'il vous plaît.",
                        "C'est pour lui présenter notre carte de fidélité sur téléphone et la "
                        "commande en ligne.",
                        "Je ne veux pas le déranger au fournil, je peux rappeler demain à 15 h ?",
                        "D'accord, donc je rappelle demain à 15 h, ça va ?")
    assert talk.state.happened(Event.RAPPEL_FIXE)
    assert turns[-1].speaker == "julie", turns[-1]
    assert "transf" not in turns[-1].text and "relation" not in turns[-1].text, turns[-1].text
    assert turns[-1].parts == ["rappel"], turns[-1]


def test_a_copier_callback_agreed_is_a_partial_result() -> None:
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre",
                        *_lines("e4-copieur-cabinet.budget-serre.oral.t43-p3-2.txt"))
    assert talk.state.outcome == "rappel-convenu", turns[-1].text
    assert talk.final_outcome().value == "partial"


def test_a_question_put_back_to_the_one_who_said_it_is_his_to_answer() -> None:
    lines = _lines("e4-copieur-cabinet.decideur-present.oral.t43-p1-3.txt")
    _, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:11])
    assert turns[-1].speaker == "philippe-lefevre", turns[-1]


def test_the_standard_five_days_are_not_the_express_replacement() -> None:
    lines = _lines("tel-reclamation-lave-linge.client-tres-agressif.oral.t43-p3-5.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines[:5])
    assert "objection:attendre-5-jours" in turns[-1].parts, turns[-1]
    assert "Enfin une vraie solution" not in turns[-1].text


def test_a_rumour_and_a_response_time_no_contract_gives_are_remarked() -> None:
    lines = _lines("e4-copieur-cabinet.delai-court.hors-script.t44-p3-4.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:3])
    assert "impolitesse" in turns[1].parts, turns[1]  # "ils sont en redressement judiciaire"
    assert "promesse douteuse" in turns[2].parts, turns[2]  # "dans l'heure, garanti"


def test_a_confirmation_mail_within_the_hour_is_no_promise() -> None:
    _, turns = _talk("tel-reclamation-lave-linge", None,
                     "ElectroMaison.fr, service clients, Camille, bonjour.",
                     "Je récapitule : on vous livre un Lavex neuf samedi matin, vous avez un an de "
                     "garantie en plus, et vous recevez un mail de confirmation dans l'heure.")
    assert "promesse douteuse" not in turns[-1].parts, turns[-1]


def test_she_leaves_on_a_rude_turn_not_on_a_polite_one_after_it() -> None:
    lines = _lines("e4-copieur-cabinet.delai-court.hors-script.t44-p3-4.txt")
    talk, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:6])
    assert not talk.state.ended, turns[-1].text
    assert "sur ce ton" not in turns[-1].text


def test_a_first_jab_at_the_rival_is_reproved_not_the_end_of_the_meeting() -> None:
    lines = _lines("e4-copieur-cabinet.budget-serre.hors-script.t45-p1-5.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:2])
    assert not talk.state.ended, turns[-1].text
    assert "impolitesse" in turns[-1].parts, turns[-1]


def test_a_head_office_approval_made_up_is_doubted() -> None:
    lines = _lines("e4-evenement-responsable.siege-impose-date.hors-script.t44-p3-3.txt")
    _, turns = _talk("e4-evenement-responsable", "siege-impose-date", *lines[:2])
    assert "promesse douteuse" in turns[-1].parts, turns[-1]


def test_no_contract_before_the_machine_and_the_jury_are_refused() -> None:
    lines = _lines("e4-copieur-cabinet.delai-court.hors-script.t45-p3-5.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:3])
    assert "D’accord. Si vous vous engagez" not in turns[1].text, turns[1].text
    assert "promesse douteuse" in turns[1].parts, turns[1]
    assert turns[2].parts == ["promesse douteuse"], turns[2]  # no breakdowns told to "20/20 ?"


def test_a_choice_put_to_her_gets_no_plain_yes() -> None:
    lines = _lines("tel-reclamation-lave-linge.hors-delai.oral.t45-p3-6.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:3])
    assert not turns[-1].text.startswith("Tout à fait"), turns[-1].text
    lines = _lines("e4-copieur-cabinet.base.competent.t45-p3-4.txt")
    _, turns = _talk("e4-copieur-cabinet", None, *lines[:9])
    assert not turns[-1].text.startswith("Oui"), turns[-1].text


def test_her_address_read_back_wrong_is_put_right() -> None:
    lines = _lines("tel-prospection-fidelix.base.oral.t45-p1-2.txt")
    _, turns = _talk("tel-prospection-fidelix", None, *lines[:8])
    assert "karim.benali@boulangeries-benali.fr" in turns[-1].text, turns[-1].text


def test_the_delay_her_contract_gives_is_not_its_rent() -> None:
    lines = _lines("e4-copieur-cabinet.base.competent.t45-p3-4.txt")
    _, turns = _talk("e4-copieur-cabinet", None, *lines[:3])
    assert "48 heures" in turns[-1].text and "240 €" not in turns[-1].text, turns[-1].text


def test_a_demo_proposed_gets_no_fact_and_a_loyalty_question_gets_the_stamp_cards() -> None:
    lines = _lines("tel-prospection-fidelix.deja-equipe.oral.t45-p2-3.txt")
    _, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:8])
    assert not any(part.startswith("fait:") for part in turns[-1].parts), turns[-1]
    lines = _lines("tel-prospection-fidelix.base.competent.t45-p2-5.txt")
    _, turns = _talk("tel-prospection-fidelix", None, *lines[:2])
    assert "fait:cartes-tampons" in turns[-1].parts, turns[-1]


def test_the_budget_is_answered_beside_a_question_on_staff() -> None:
    lines = _lines("e4-evenement-responsable.base.competent.t45-p1-6.txt")
    _, turns = _talk("e4-evenement-responsable", None, *lines[:2])
    assert "3 000 €" in turns[-1].text and "personnel" in turns[-1].text, turns[-1].text


def test_asked_what_blocks_her_she_says_her_doubt_not_a_fact() -> None:
    lines = _lines("e4-copieur-cabinet.budget-serre.hors-script.t45-p3-2.txt")
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:10],
                     "Qu'est-ce qui reste en suspens exactement ? Dites-moi ce qui vous bloque et "
                     "on règle ça tout de suite.")
    assert "48 heures" not in turns[-1].text and "230 €" in turns[-1].text, turns[-1].text


def test_an_app_pitched_after_the_introduction_says_why_one_calls() -> None:
    lines = _lines("tel-prospection-fidelix.client-presse.hors-script.t45-p3-7.txt")
    talk, turns = _talk("tel-prospection-fidelix", "client-presse", *lines[:3])
    assert talk.state.happened(Event.OBJET_ANNONCE)
    assert "pourquoi vous m’appelez" not in turns[-1].text, turns[-1].text


def test_her_reason_said_she_does_not_first_ask_for_time() -> None:
    lines = _lines("e4-evenement-responsable.budget-2000.hors-script.t45-p1-7.txt")
    _, turns = _talk("e4-evenement-responsable", "budget-2000", *lines)
    assert turns[0].text.startswith("Pas encore."), turns[0].text
    assert "promesse douteuse" in turns[-1].parts, turns[-1]  # "on leur dit après coup"


def test_a_mailing_to_every_customer_announced_is_stopped() -> None:
    _, turns = _talk("e4-evenement-responsable", None,
                     "Bonjour monsieur Dubois, merci de me recevoir.",
                     "Pour la communication, j'envoie un SMS à tous les clients du fichier dès "
                     "ce soir.")
    assert "accord" in turns[-1].text, turns[-1].text


def test_the_selling_point_that_answers_her_worry_gets_her_reaction() -> None:
    lines = _lines("e4-copieur-cabinet.delai-court.oral.t45-p1-1.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:5])
    assert "argument:intervention-4h" in turns[-1].parts, turns[-1]
