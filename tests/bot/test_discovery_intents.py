"""A discovery question asked in the student's own words reaches the fact its meaning asks
for, even when it shares no word with the teacher's phrasings (bot/data/discovery.yml)."""

from __future__ import annotations

import re
from functools import cache

import pytest

from bot.engine import understander
from bot.topics import discovery_intents
from scenarios import load_scenario
from scenarios.catalog import find


@cache
def _reader(scenario_id: str):
    scenario = load_scenario(find(scenario_id))
    return understander().for_scenario(scenario), {fact.id for fact in scenario.facts}


def _fact_asked(scenario_id: str, line: str) -> list[str]:
    engine, facts = _reader(scenario_id)
    return engine.understand(line).facts_asked(facts)[:1]


@pytest.mark.parametrize(("scenario", "line", "fact"), [
    ("e4-copieur-cabinet", "Vous seriez prête à mettre combien par mois, à peu près ?",
     "budget"),
    ("e4-copieur-cabinet", "Ça vous revient à combien, tout compris, en ce moment ?",
     "loyer-actuel"),
    ("tel-reclamation-lave-linge", "Qu'est-ce qui s'est passé exactement ?", "nature-dommage"),
    ("tel-reclamation-lave-linge", "c'est à quel nom s'il vous plaît",
     "identification-commande"),
    ("tel-prospection-fidelix", "Vous êtes plutôt libre quand, dans la semaine ?",
     "disponibilites"),
    ("tel-prospection-fidelix", "Et je vous envoie l'invitation à quelle adresse ?", "email"),
    ("e4-evenement-responsable", "Ça a donné quoi, la foire, l'an dernier ?", "bilan-foire"),
])
def test_a_question_in_the_students_words_reaches_the_fact(scenario: str, line: str,
                                                           fact: str) -> None:
    assert _fact_asked(scenario, line) == [fact]


@pytest.mark.parametrize(("scenario", "line"), [
    # A statement about e-mail asks for nothing; nor does small talk.
    ("tel-prospection-fidelix", "Je vous envoie tout ça par mail dans l'après-midi."),
    ("e4-copieur-cabinet", "Vous avez passé un bon week-end ?"),
    ("tel-reclamation-lave-linge", "Je vous souhaite une bonne fin de journée, madame."),
])
def test_a_line_that_asks_nothing_reaches_no_fact(scenario: str, line: str) -> None:
    assert _fact_asked(scenario, line) == []


def test_every_discovery_intent_is_well_formed() -> None:
    intents = discovery_intents()
    assert len({intent.name for intent in intents}) == len(intents) >= 10
    for intent in intents:
        assert intent.patterns and all(isinstance(p, re.Pattern) for p in intent.patterns)
        # The plain way of asking is a question, as a teacher writes it.
        assert intent.phrasings and all(p.endswith("?") for p in intent.phrasings), intent
