"""Grading a conversation: a scorecard a student can act on, the same every time, and
clear messages for transcripts that cannot be graded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.engine import start_conversation
from repliq.cli import main
from repliq.run_cmd import converse, script_lines
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scoring.grader import grade
from scoring.rubric import Level
from scoring.transcript import from_record

DIALOGUES = Path(__file__).resolve().parent.parent / "data" / "dialogues"


def record_of(name: str, variant: str | None = None) -> dict:
    scenario_id = name.split(".")[0]
    scenario = load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml", variant)
    import io

    customer = start_conversation(scenario, variant)
    record = converse(customer, script_lines(DIALOGUES / f"{name}.txt"), False, io.StringIO())
    return {"variant": variant, **record}


def test_good_and_poor_students_are_told_apart_with_evidence_and_advice() -> None:
    scenario = load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml")
    good = grade(from_record(record_of("e4-copieur-cabinet.bon")), scenario)
    poor = grade(from_record(record_of("e4-copieur-cabinet.mauvais")), scenario)
    assert good.total >= 14 > 6 >= poor.total
    assert {c.id for c in good.criteria} == {c.criterion for c in scenario.grading.criteria}
    for result in poor.criteria:
        assert result.level in (Level.TI, Level.I)
        assert result.evidence, result.id  # never an unexplained low grade
        assert result.advice, result.id
    assert poor.priorities and good.strengths
    quoted = [e for c in poor.criteria for e in c.evidence if e.turn]
    assert any("289" in e.quote for e in quoted)


def test_same_transcript_same_scorecard() -> None:
    record = record_of("tel-reclamation-lave-linge.bon")
    scenario = load_scenario(BUILTIN_DIR / "tel-reclamation-lave-linge.yaml")
    first = grade(from_record(record), scenario).as_dict()
    second = grade(from_record(json.loads(json.dumps(record))), scenario).as_dict()
    assert first == second


def test_call_report_is_compared_with_what_was_said(tmp_path: Path) -> None:
    record = record_of("tel-prospection-fidelix.bon")
    scenario = load_scenario(BUILTIN_DIR / "tel-prospection-fidelix.yaml")
    appointment = from_record(record).final.appointment
    assert appointment is not None
    good = {"contact": "M. Karim Benali, gérant, Boulangeries Benali",
            "besoin": "les cartes à tampons en carton que les clients perdent ; la queue du "
                      "dimanche matin",
            "objections": ["pas le temps", "ça coûte combien"],
            "resultat": "rendez-vous de démonstration fixé",
            "action": f"démonstration avec Thomas Girard {appointment['jour']} à "
                      f"{appointment['heure'].replace(':', ' h ')}",
            "date": f"{appointment['jour']} {appointment['heure'].replace(':', ' h ')}"}
    reporting = {c.id: c for c in grade(from_record(record), scenario, good).criteria}
    missing = {c.id: c for c in grade(from_record(record), scenario, None).criteria}
    vague = {c.id: c for c in grade(from_record(record), scenario,
                                    {"contact": "le boulanger", "resultat": "à voir"}).criteria}
    assert reporting["b2.reporting"].level in (Level.S, Level.TS)
    assert missing["b2.reporting"].level == Level.TI
    assert "aucun compte rendu" in " ".join(e.note for e in missing["b2.reporting"].evidence)
    assert vague["b2.reporting"].score < reporting["b2.reporting"].score
    # Every field check is shown, one line each (they were once folded into one).
    notes = [e.note for e in reporting["b2.reporting"].evidence]
    assert sum(n.startswith("compte rendu, ") for n in notes) == 7, notes
    # A detail nobody said (an address, an amount) is pointed out and costs.
    invented = {c.id: c for c in grade(from_record(record), scenario, {
        **good, "contact": good["contact"] + ", karim.b@gmail.com",
        "resultat": "rendez-vous fixé, remise de 120 € accordée"}).criteria}
    said = " ".join(e.note for e in invented["b2.reporting"].evidence)
    assert "jamais dit pendant l'appel : 120, karim.b@gmail.com" in said, said
    assert invented["b2.reporting"].score < reporting["b2.reporting"].score


def test_run_json_adds_the_scorecard_and_exam_mode_gives_no_tips(tmp_path: Path) -> None:
    out = tmp_path / "run.json"
    script = DIALOGUES / "e4-copieur-cabinet.mauvais.txt"
    result = subprocess.run([sys.executable, "-m", "repliq", "run", "e4-copieur-cabinet",
                             "--script", str(script), "--json", str(out), "--mode", "examen"],
                            capture_output=True, text=True, check=True)
    assert "Conseil" not in result.stdout
    record = json.loads(out.read_text(encoding="utf-8"))
    card = record["scorecard"]
    assert 0 <= card["total"] <= 20
    assert {"id", "label", "level", "score", "evidence", "advice"} <= set(card["criteria"][0])
    trained = subprocess.run([sys.executable, "-m", "repliq", "run", "e4-copieur-cabinet",
                              "--script", str(script)], capture_output=True, text=True,
                             check=True)
    tips = [line for line in trained.stdout.splitlines() if "Conseil :" in line]
    assert tips and len(tips) <= len(script_lines(script))  # at most one per turn


def test_grade_command_prints_a_readable_scorecard(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "run.json"
    path.write_text(json.dumps(record_of("e4-copieur-cabinet.bon")), encoding="utf-8")
    assert main(["grade", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Maîtrise de la relation interpersonnelle" in out
    assert "Très satisfaisant" in out and "Note :" in out and "/ 20" in out


@pytest.mark.parametrize(("content", "message"), [
    ('{"scenario": "inconnu", "turns": [{"speaker": "student", "text": "Bonjour", '
     '"state": {"speaker": "x", "mood": 50, "patience": 50}}]}', "scénario « inconnu » inconnu"),
    ('{"scenario": "e4-copieur-cabinet", "turns": [{"speaker": "stu', "JSON tronqué"),
    ('{"scenario": "e4-copieur-cabinet", "turns": []}', "aucune réplique de l'étudiant"),
    ('[1, 2, 3]', "n'est pas une transcription Repliq"),
])
def test_transcripts_that_cannot_be_graded_get_a_clear_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["grade", str(path)]) == 1
    assert message in capsys.readouterr().err


def test_talking_over_an_angry_customer_costs_listening_with_evidence() -> None:
    """By voice, a student who cuts off a complaining customer is told so: the turns are
    quoted, active listening drops, and the advice says why."""
    scenario = load_scenario(BUILTIN_DIR / "tel-reclamation-lave-linge.yaml")
    record = record_of("tel-reclamation-lave-linge.bon")
    patient = grade(from_record(record), scenario)
    students = [t for t in record["turns"] if t["speaker"] == "student"]
    for turn in students[1:3]:
        turn["cut_customer"] = True
    hasty = grade(from_record(record), scenario)
    assert hasty.total < patient.total
    notes = [(e["turn"], e["note"]) for c in hasty.as_dict()["criteria"]
             for e in c["evidence"] if e["effect"] == "-"]
    assert (2, "coupe la parole au client") in notes and (3, "coupe la parole au client") in notes
    advice = " ".join(c.advice or "" for c in hasty.criteria)
    assert "Laissez le client finir" in advice


def _graded(scenario_id: str, lines: list[str]):  # type: ignore[no-untyped-def]
    import io

    scenario = load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml")
    record = converse(start_conversation(scenario), lines, False, io.StringIO())
    return grade(from_record(record), scenario)


PRODUCT_PITCH = [
    "Bonjour madame, Hugo Lambert, de Bureau Plus.",
    "Je viens vous présenter notre copieur MX-5000.",
    "Vos copieurs actuels, ils tombent souvent en panne ?",
    "Avec nous, la maintenance est comprise et le technicien vient sous 4 heures.",
    "Le loyer est de 289 € HT par mois.",
    "Merci madame, au revoir.",
]


def test_a_courteous_student_who_listens_little_is_insufficient_not_worse() -> None:
    """The grid keeps « très insuffisant » in the relationship for misconduct: a polite
    student who never reformulates is « insuffisant »; the same pitch said rudely is worse."""
    polite = _graded("e4-copieur-cabinet", PRODUCT_PITCH)
    relation = next(c for c in polite.criteria if c.id == "b1.relation_interpersonnelle")
    assert relation.level == Level.I
    rude = _graded("e4-copieur-cabinet", [*PRODUCT_PITCH[:4],
                                          "Bon, vous signez ou pas ? J'ai pas que ça à faire."])
    rude_relation = next(c for c in rude.criteria if c.id == "b1.relation_interpersonnelle")
    assert rude_relation.score < relation.score


def test_an_argument_answering_an_expressed_but_unreformulated_need_is_told_so() -> None:
    """The breakdowns came out (turn 3), the 4-hour maintenance answers them (turn 4) without
    the student showing the link: the sheet says exactly that, not « sans lien »."""
    card = _graded("e4-copieur-cabinet", PRODUCT_PITCH)
    notes = [e.note for c in card.criteria for e in c.evidence if e.turn == 4]
    assert any("répond à un besoin exprimé, sans le reformuler" in n for n in notes), notes
    assert not any("sans lien avec un besoin exprimé" in n for n in notes), notes
