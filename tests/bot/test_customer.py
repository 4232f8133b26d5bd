"""The customer's reactions a student notices, turn by turn, with the real engine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.customer import Customer
from bot.engine import start_conversation
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.vocabulary import Event


def customer(name: str = "e4-copieur-cabinet", variant: str | None = None,
             seed: int = 0) -> Customer:
    scenario = load_scenario(BUILTIN_DIR / f"{name}.yaml", variant)
    talk = start_conversation(scenario, variant, seed)
    talk.opening()
    return talk


@pytest.mark.parametrize("text", ["", "euh...", "👍🙂", "Hello, I would like to talk about "
                                  "your printers.", "asdfgh qwerty", "bla " * 2500])
def test_odd_turns_get_a_sensible_reaction(text: str) -> None:
    talk = customer()
    _, reply = talk.step(text)
    assert reply.text
    assert not talk.state.ended


def test_relevant_question_reveals_the_fact_and_repeats_it_identically() -> None:
    talk = customer()
    _, first = talk.step("Combien de pages imprimez-vous par mois ?")
    assert "12 000" in first.text
    assert talk.state.facts_revealed == ["volume-mensuel"]
    _, again = talk.step("Pardon, vous imprimez combien de pages par mois déjà ?")
    said = talk.state.fact_lines["volume-mensuel"]
    assert said[1:] in again.text


def test_a_follow_up_on_a_fact_adds_a_detail_and_then_says_it_was_said() -> None:
    """Asked about it again without having forgotten it, she says what her other lines add
    (never a figure that differs), then, when she has nothing more, that she said it."""
    talk = customer()
    talk.step("Qu'est-ce qui vous pose problème avec vos copieurs aujourd'hui ?")
    first = talk.state.fact_lines["pannes-frequentes"]
    _, more = talk.step("Ah oui ? Les pannes, ça se passe comment, concrètement ?")
    assert first not in more.text and more.text not in first, more.text
    assert talk.state.fact_lines["pannes-frequentes"] == first  # her first words stand
    assert talk.state.fact_details["pannes-frequentes"] == [more.text]


def test_question_the_scenario_does_not_cover_is_deflected() -> None:
    talk = customer()
    _, reply = talk.step("Quel est votre plat préféré au restaurant ?")
    assert talk.state.facts_revealed == []
    assert reply.parts == ["esquive"] or "esquive" in reply.parts


def test_price_and_pressure_before_any_discovery_end_the_meeting() -> None:
    talk = customer()
    talk.step("Bonjour.")
    _, reply = talk.step("Alors c'est 289 € HT par mois, on signe aujourd'hui ?")
    assert {Event.PRIX_ANNONCE, Event.CLOSING_PREMATURE} <= set(talk.state.events)
    assert "objection:plus-cher-qu-aujourd-hui" in reply.parts
    talk.step("Bon, vous signez ou pas ? J'ai d'autres clients.")
    assert talk.state.ended and talk.final_outcome() == "failure"


def test_rudeness_costs_mood_and_patience() -> None:
    talk = customer()
    mood, patience = talk.state.mood, talk.state.patience
    talk.step("Vous n'y connaissez rien, laissez-moi parler.")
    assert Event.IMPOLITESSE in talk.state.events
    assert talk.state.mood <= mood - 20 and talk.state.patience <= patience - 20


def test_appointment_only_in_a_free_slot() -> None:
    talk = customer()  # M. Lefèvre is free mardi 08:30–10:00, jeudi 14:00–15:30, ...
    _, taken = talk.step("Je vous propose un rendez-vous avec M. Lefèvre lundi à 9 h ?")
    assert talk.state.appointment is None
    assert "mardi" in taken.text and "jeudi" in taken.text
    _, no_time = talk.step("Et jeudi, ça irait ?")
    assert talk.state.appointment is None and no_time.parts == ["rendez-vous"]
    talk.step("Alors je vous propose jeudi à 14 h 30 dans vos locaux ?")
    assert talk.state.appointment == {"jour": "jeudi", "heure": "14:30", "forme": "visite"}
    assert talk.final_outcome() == "partial"  # the dated meeting with the decision maker


def test_the_seed_changes_wording_not_decisions() -> None:
    lines = ["Bonjour madame Martin.", "Combien de pages imprimez-vous par mois ?",
             "Et en couleur ?"]
    runs = []
    for seed in (1, 2):
        talk = customer(seed=seed)
        runs.append([talk.step(line)[1].text for line in lines])
        assert talk.state.facts_revealed == ["volume-mensuel", "part-couleur"]
    assert runs[0] != runs[1]


def test_run_command_interactive_and_json(tmp_path: Path) -> None:
    out = tmp_path / "entretien.json"
    result = subprocess.run(
        [sys.executable, "-m", "repliq", "run", "e4-copieur-cabinet", "--json", str(out)],
        input="Bonjour madame Martin.\nCombien de pages imprimez-vous par mois ?\n/quitter\n",
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Mme Claire Martin :" in result.stdout
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["scenario"] == "e4-copieur-cabinet"
    assert record["outcome"] == "unfinished" and record["ended_by"] == "script_end"
    students = [t for t in record["turns"] if t["speaker"] == "student"]
    assert [t["text"] for t in students] == ["Bonjour madame Martin.",
                                             "Combien de pages imprimez-vous par mois ?"]
    assert "volume-mensuel" in students[1]["topics"]
    assert {"acts", "entities", "topics", "state"} <= set(students[1])
    assert students[1]["state"]["facts_revealed"] == ["volume-mensuel"]


def test_run_with_missing_script_is_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "repliq", "run", "--script",
                             str(tmp_path / "absent.txt")], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert "fichier introuvable" in result.stderr
