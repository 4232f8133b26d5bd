"""The turn record is one typed object from the customer to the store and grading: its JSON
shape survives a round trip untouched, the store gives back the turns it was given, and a
malformed turn is refused with a message that names what is wrong."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.engine import start_conversation
from bot.turn_record import Role, TurnRecord
from repliq.rehearsal import Rehearsal
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scoring.tips import Coach
from scoring.transcript import TranscriptError, from_record
from store.db import open_db
from store.exchange import import_files, to_json
from store.sessions import Recorder, session_record

SCENARIO = "e4-copieur-cabinet"
LINES = ["Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.",
         "Euh, du coup, euh, combien de pages imprimez-vous par mois ?",
         "Si je comprends bien, votre copieur actuel tombe souvent en panne ?",
         "Notre contrat inclut la maintenance : un technicien sous 4 heures."]


def played(recorder: Recorder | None = None) -> Rehearsal:
    """A few lines with the real engine and coach, a voice turn among them."""
    path = BUILTIN_DIR / f"{SCENARIO}.yaml"
    scenario = load_scenario(path)
    rehearsal = Rehearsal(start_conversation(scenario), Coach(scenario),
                          recorder.turn if recorder else None)
    rehearsal.open()
    for line in LINES[:-1]:
        rehearsal.say(line)
    # Spoken: what the voice front end adds to a turn, before and after its commit.
    student, replies = rehearsal.say(LINES[-1], asr_text=LINES[-1].lower(), cut_customer=True)
    student.timings = {"speech_end": 1.2, "transcript_ready": 1.5, "first_audio": None}
    reply = replies[-1]
    rehearsal.cut(reply, 0.734)
    reply.tts_engine = "kokoro"
    return rehearsal


def recorder_for(path: Path) -> Recorder:
    yaml = (BUILTIN_DIR / f"{SCENARIO}.yaml").read_text(encoding="utf-8")
    return Recorder.start(path, student="Léa Morel", scenario_id=SCENARIO, title="Copieur",
                          version="1", yaml=yaml, variant=None, seed=0, mode="entrainement")


def test_a_played_turn_goes_to_its_json_shape_and_back_unchanged() -> None:
    rehearsal = played()
    turns = rehearsal.record()["turns"]
    assert any(t.is_student and t.tip for t in rehearsal.turns)  # the coach spoke
    assert [t["speaker"] for t in turns[:2]] == ["customer", "student"]
    assert "number" not in turns[0] and "who" not in turns[1]  # as `repliq run --json`
    spoken = turns[-2]
    assert list(spoken)[-3:] == ["asr_text", "cut_customer", "timings"]
    assert list(turns[-1])[-2:] == ["cut_after", "tts_engine"]
    again = [TurnRecord.from_dict(turn).as_dict() for turn in turns]
    assert json.dumps(again, ensure_ascii=False) == json.dumps(turns, ensure_ascii=False)
    assert [TurnRecord.from_dict(turn) for turn in turns] == rehearsal.turns


def test_a_stored_session_reads_back_the_turns_it_was_given(tmp_path: Path) -> None:
    recorder = recorder_for(tmp_path / "eleve.db")
    rehearsal = played(recorder)
    saved = recorder.finish(rehearsal.record(), rehearsal.scorecard(), None)
    assert saved.in_database
    db = open_db(tmp_path / "eleve.db")
    stored = session_record(db, recorder.id)["turns"]
    assert stored == recorder.record()["turns"]
    # What the base keeps of each turn is what was played; the sentences and the voice's
    # timings, cut length and engine belong to the live turn (and `--json`) only.
    expected = [replace(turn, number=number, at=back.at, sentences=None, asr_text=None,
                        cut_after=None, timings=None, tts_engine=None)
                for number, (turn, back) in enumerate(zip(rehearsal.turns, stored,
                                                          strict=True), start=1)]
    assert stored == expected and all(turn.at for turn in stored)
    assert [t.number for t in stored] == list(range(1, len(stored) + 1))
    # The export file holds the same turns, and an import gives them back again.
    export = tmp_path / "export.json"
    export.write_text(to_json(db, [recorder.id]), encoding="utf-8")
    data = json.loads(export.read_text(encoding="utf-8"))
    assert [TurnRecord.from_dict(turn) for turn in data["turns"]] == stored
    teacher = open_db(tmp_path / "classe.db")
    [result] = import_files(teacher, [export])
    assert result.error is None and result.added == 1
    assert session_record(teacher, recorder.id)["turns"] == stored


@pytest.mark.parametrize(("turn", "error", "words"), [
    ("bonjour", TypeError, "objet attendu"),
    ({"text": "Bonjour"}, ValueError, "« speaker » manquante"),
    ({"speaker": "jury", "text": "Bonjour"}, ValueError, "« speaker » vaut 'jury'"),
    ({"speaker": "student", "text": None}, TypeError, "« text » doit être un texte"),
    ({"speaker": "student", "text": "a", "state": 5}, TypeError, "« state » doit être un objet"),
    ({"speaker": "student", "text": "a", "acts": "salutation"}, TypeError,
     "« acts » doit être une liste"),
    ({"speaker": "student", "text": "a", "entities": [3]}, TypeError,
     "chaque élément de « entities »"),
    ({"speaker": "customer", "text": "a", "number": True}, TypeError,
     "« number » doit être un nombre entier"),
])
def test_a_malformed_turn_is_refused_with_what_is_wrong(turn: Any, error: type[Exception],
                                                        words: str) -> None:
    with pytest.raises(error, match=words):
        TurnRecord.from_dict(turn)
    record = {"scenario": SCENARIO, "turns": [{"speaker": "student", "text": "Bonjour"}, turn]}
    with pytest.raises(TranscriptError, match=rf"{words}.* \(tour 2 de la transcription\)"):
        from_record(record)


def test_an_older_record_is_still_read() -> None:
    turn = TurnRecord.from_dict({"speaker": "student", "text": "Bonjour",
                                 "topics": {"volume": 0.8}, "sentences": None})
    assert turn.role is Role.STUDENT and turn.is_student and not turn.is_customer
    assert turn.topics == ["volume"] and turn.acts == [] and turn.state == {}


def test_an_import_whose_turn_has_no_state_object_changes_nothing(tmp_path: Path) -> None:
    recorder = recorder_for(tmp_path / "eleve.db")
    rehearsal = played(recorder)
    recorder.finish(rehearsal.record(), None, None)
    data = json.loads(to_json(open_db(tmp_path / "eleve.db"), [recorder.id]))
    data["turns"][1]["state"] = [1, 2]  # valid JSON for the schema, no state of a customer
    export = tmp_path / "export.json"
    export.write_text(json.dumps(data), encoding="utf-8")
    teacher = open_db(tmp_path / "classe.db")
    [result] = import_files(teacher, [export])
    assert result.added == 0 and result.error is not None
    assert "turns[2]" in result.error and "« state » doit être un objet" in result.error
    assert teacher.execute("select count(*) from turns").fetchone()[0] == 0
