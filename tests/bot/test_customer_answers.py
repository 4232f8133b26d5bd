"""The customer answers what the student actually said (issue 13): an hour said apart from
its day still sets the meeting, a refusal never names a day nobody proposed, a "merci" that
opens a question is no thanks to answer."""

from __future__ import annotations

from bot.customer import Customer
from bot.engine import start_conversation
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.vocabulary import Event


def _manager() -> Customer:
    # The event manager is free on Friday from 8:30 to 9:30 (meetings of 30 minutes).
    scenario = load_scenario(BUILTIN_DIR / "e4-evenement-responsable.yaml")
    talk = start_conversation(scenario, None, 0)
    talk.opening()
    talk.step("Bonjour monsieur Dubois, je voudrais qu'on se revoie pour valider le projet.")
    return talk


def test_a_day_and_its_hour_said_apart_set_the_meeting() -> None:
    for line in ("Le matin, vendredi 14 à 9h, si ça vous va ?",
                 "Ben 9 heures, vendredi matin, dans votre bureau ?"):
        talk = _manager()
        _, reply = talk.step(line)
        assert talk.state.happened(Event.RDV_FIXE), (line, reply.text)
        assert "quelle heure" not in reply.text


def test_a_slot_refused_names_no_day_the_student_did_not_propose() -> None:
    talk = _manager()
    _, reply = talk.step("Vendredi à 9 h 30 alors, avant l'ouverture ?")
    assert not talk.state.happened(Event.RDV_FIXE)  # 9:30 + 30 min ends after his slot
    assert "jeudi" not in reply.text.lower().split("essayez")[0]
    assert "Jeudi, impossible" not in reply.text


def test_a_thanks_that_opens_a_question_is_not_answered_as_thanks() -> None:
    scenario = load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml")
    talk = start_conversation(scenario, None, 0)
    talk.opening()
    talk.step("Bonjour madame Martin, Léa Morel de Bureau Plus, je viens pour vos copieurs.")
    _, reply = talk.step("Merci. Combien de pages imprimez-vous par mois ?")
    assert "remerciement" not in reply.parts
    _, reply = talk.step("Très bien, merci beaucoup pour ces précisions.")
    assert "remerciement" in reply.parts
