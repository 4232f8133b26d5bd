"""Who the student says they are: the customer and the grade read it with one function
(bot/introduction.py), so the sheet never says "présentation manquante" to a student the
customer heard introduce themselves."""

from __future__ import annotations

import io

import pytest

from bot.acts import cue_acts
from bot.engine import start_conversation
from bot.introduction import gives_own_name, names_company
from repliq.run_cmd import converse
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.vocabulary import Act, Event
from scoring.observations import Observer
from scoring.transcript import from_record


@pytest.mark.parametrize(("said", "company"), [
    ("Bonjour Madame, Thomas Leroy, Bureau Plus, merci infiniment de me recevoir.",
     "Bureau Plus"),
    ("Bonjour Madame Martin, Inès Lambert, commerciale Bureau Plus pour le secteur Lyon Est.",
     "Bureau Plus"),
    ("ElectroMaison.fr, service clients, bonjour. Antoine Roussel à votre écoute.",
     "ElectroMaison.fr"),
    ("Service clients ElectroMaison.fr, Hugo Lambert, bonjour madame Garnier.",
     "ElectroMaison.fr"),
    ("Bonjour Monsieur Benali, je suis Inès Lambert, de la société Fidelix.", "Fidelix"),
    ("Euh, Inès de Fidelix à Lille.", "Fidelix"),
    ("Bonjour Monsieur Dupont, Jardins & Cie, Claire Petit, merci de me recevoir.",
     "Jardins & Cie"),
])
def test_a_name_given_the_way_students_give_it_is_an_introduction(said: str,
                                                                   company: str) -> None:
    assert gives_own_name(said, company)


@pytest.mark.parametrize("said", [
    "Bonjour Madame Martin, je viens de la part de Bureau Plus.",
    "Bonjour Madame Martin, Bureau Plus, secteur Lyon Est.",  # a place is not a name
    "Bonjour Madame Martin, c'est Bureau Plus.",
    "Bon, je vais faire vite. Vos copieurs ont six ans, il faut les changer.",
])
def test_the_customer_s_name_a_place_or_the_firm_alone_is_not(said: str) -> None:
    assert not gives_own_name(said, "Bureau Plus")


def test_the_company_is_named_as_students_say_it() -> None:
    assert names_company("Bonjour, service clients d'ElectroMaison", "ElectroMaison.fr")
    assert names_company("Écrivez à sav@electromaison.fr", "ElectroMaison.fr")
    assert not names_company("Bonjour, service clients", "ElectroMaison.fr")
    assert names_company("Je suis Marc, de Jardins et Compagnie.", "Jardins & Cie")
    assert names_company("Léa Morel, BureauPlus.", "Bureau Plus")
    # "bureau" alone is a room, not the firm: the whole name is.
    assert not names_company("Je repasse à votre bureau jeudi.", "Bureau Plus")


@pytest.mark.parametrize(("said", "company"), [
    ("Bonjour Madame, Thomas Leroy de chez Bureau Plus.", "Bureau Plus"),
    ("Bonjour Monsieur, Marc Girard de Jardins et Cie.", "Jardins & Cie"),
])
def test_the_customer_and_the_sheet_hear_the_same_name_of_the_firm(said: str,
                                                                  company: str) -> None:
    assert gives_own_name(said, company)
    assert Act.PRESENTATION in cue_acts(said, company)


def _played(scenario_id: str, *lines: str):
    scenario = load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml")
    talk = start_conversation(scenario)
    talk.opening()
    for line in lines:
        talk.step(line)
    return talk, scenario


def test_face_to_face_a_name_and_a_first_question_make_no_missing_introduction() -> None:
    # 54 of 198 blind copier meetings ended with "presentation_manquante" beside
    # "presentation_faite": she had granted the meeting and knew why the student came.
    talk, _ = _played("e4-copieur-cabinet",
                      "Bonjour Madame, Thomas Leroy, Bureau Plus, merci de me recevoir.",
                      "Pour commencer, combien de pages imprimez-vous par mois ?")
    assert Event.PRESENTATION_FAITE in talk.state.events
    assert Event.PRESENTATION_MANQUANTE not in talk.state.events


def test_face_to_face_no_name_at_all_is_still_a_missing_introduction() -> None:
    talk, _ = _played("e4-copieur-cabinet",
                      "Bon, je vais faire vite. Vos copieurs ont six ans, il faut les changer.",
                      "Le MX-5000 c'est ce qu'il vous faut, 289 € par mois.")
    assert Event.PRESENTATION_MANQUANTE in talk.state.events


def test_on_the_phone_a_prospect_still_wants_to_know_why_one_calls() -> None:
    talk, _ = _played("tel-prospection-fidelix",
                      "Bonjour Monsieur Benali, Inès Lambert, de la société Fidelix.",
                      "Vous avez combien de boutiques ?")
    assert Event.PRESENTATION_MANQUANTE in talk.state.events


def test_an_agent_answering_with_a_full_name_is_introduced_for_customer_and_grade() -> None:
    lines = ["ElectroMaison.fr, service clients, bonjour. Antoine Roussel à votre écoute.",
             "Je suis désolé, Madame Garnier. Que s'est-il passé à la livraison ?"]
    talk, scenario = _played("tel-reclamation-lave-linge", *lines)
    assert Event.PRESENTATION_FAITE in talk.state.events
    assert Event.PRESENTATION_MANQUANTE not in talk.state.events
    record = converse(start_conversation(scenario), lines, False, io.StringIO())
    contact = Observer(from_record(record), scenario).all()["contact"]
    assert ("présentation", True) in [(e.note, e.positive) for e in contact.evidence]
