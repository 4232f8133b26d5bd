"""Questions as the speech recogniser writes them — no question mark — still ask the
customer for a fact, and the customer answers with it."""

from __future__ import annotations

import pytest

from bot.engine import start_conversation, understander
from scenarios import load_scenario
from scenarios.catalog import find


@pytest.fixture(scope="module")
def copier():
    return load_scenario(find("e4-copieur-cabinet"))


@pytest.mark.parametrize(("line", "fact"), [
    ("est-ce que vous avez beaucoup de pannes en ce moment", "pannes-frequentes"),
    ("et vos copieurs ils tombent en panne souvent ou pas", "pannes-frequentes"),
    ("vous payez combien aujourd'hui pour vos deux machines", "loyer-actuel"),
    ("vous imprimez combien de pages par mois", "volume-mensuel"),
])
def test_a_question_without_its_question_mark_asks_for_the_fact(copier, line: str,
                                                                 fact: str) -> None:
    understood = understander().for_scenario(copier).understand(line)
    assert understood.facts_asked({f.id for f in copier.facts})[:1] == [fact]


@pytest.mark.parametrize("line", [
    "le MX-5000 imprime quarante pages par minute",
    "notre technicien intervient sous quatre heures partout dans la région",
])
def test_a_statement_asks_for_nothing(copier, line: str) -> None:
    understood = understander().for_scenario(copier).understand(line)
    assert understood.facts_asked({f.id for f in copier.facts}) == []


def test_the_customer_answers_a_spoken_question_with_the_fact(copier) -> None:
    customer = start_conversation(copier)
    customer.opening()
    customer.step("bonjour madame martin je suis lucas de bureau plus")
    _, reply = customer.step("vous payez combien aujourd'hui pour vos deux machines")
    assert "240" in reply.text
