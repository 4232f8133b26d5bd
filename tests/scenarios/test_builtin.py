"""The four built-in scenarios: valid, complete, and faithful to the figures of the brief
they were written from (a changed price or name would change the exam)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from repliq.cli import main
from scenarios import load_scenario
from scenarios.brief import render_brief
from scenarios.catalog import BUILTIN_DIR, DEFAULT_SCENARIO, entries, find
from scenarios.schema import SCHEMA_PATH
from scenarios.validate import check_file
from scenarios.vocabulary import Channel, Kind, OutcomeType

VARIANTS = {
    "e4-copieur-cabinet": {"budget-serre", "decideur-present", "delai-court"},
    "tel-prospection-fidelix": {"barrage", "client-presse", "deja-equipe"},
    "tel-reclamation-lave-linge": {"client-tres-agressif", "hors-delai", "rupture-stock"},
    "e4-evenement-responsable": {"budget-2000", "siege-impose-date"},
}


def test_validate_builtin_folder_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "validate", str(BUILTIN_DIR.parent)]) == 0
    assert "4 fichiers vérifiés : aucun problème." in capsys.readouterr().out


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_builtin_is_valid_with_every_variant(name: str) -> None:
    path = BUILTIN_DIR / f"{name}.yaml"
    assert check_file(path) == []
    scenario = load_scenario(path)
    assert {v.id for v in scenario.variants} == VARIANTS[name]
    for variant in scenario.variants:
        changed = load_scenario(path, variant.id)
        assert changed.model_dump() != scenario.model_dump(), variant.id
        assert "\n" not in variant.description


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_builtin_is_rich_enough_for_a_real_conversation(name: str) -> None:
    scenario = load_scenario(BUILTIN_DIR / f"{name}.yaml")
    assert len(scenario.facts) >= 7
    assert len(scenario.objections) >= 4
    assert len(scenario.arguments) >= 4
    assert all(len(fact.answers) >= 2 for fact in scenario.facts)
    assert all(len(fact.phrasings) + len(fact.keywords) >= 4 for fact in scenario.facts)
    assert all(len(s.lines.greeting) >= 3 for s in scenario.speakers)
    types = {outcome.type for outcome in scenario.outcomes}
    assert {OutcomeType.SUCCES, OutcomeType.PARTIEL, OutcomeType.ECHEC} <= types


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_builtin_file_passes_the_published_json_schema(name: str) -> None:
    """What an editor running yaml-language-server would check."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    data = YAML(typ="safe").load((BUILTIN_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_copier_scenario_keeps_the_figures_of_the_subject() -> None:
    s = load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml")
    assert (s.bloc, s.kind, s.channel) == (1, Kind.NEGOCIATION, Channel.FACE_A_FACE)
    assert s.brief.company.name == "Bureau Plus"
    claire = s.speaker(s.first_speaker)
    assert claire.display_name == "Mme Claire Martin"
    assert claire.company == "Cabinet Lefèvre & Associés"
    deal = s.negotiation
    assert deal is not None
    assert (deal.list_price, deal.floor_price, deal.customer_budget, deal.authority_limit) == (
        289, 259, 280, 300)
    facts = " ".join(" ".join(f.answers) for f in s.facts)
    for figure in ("12 000", "30 %", "48 h", "240", "90", "quatre jours"):
        assert figure.replace(" ", "") in facts.replace(" ", "").replace("\u00a0", "") or \
            figure in facts, figure
    objections = " ".join(" ".join(o.lines) for o in s.objections)
    assert "250" in objections and "Lefèvre" in objections
    tight = load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml", "budget-serre")
    assert tight.negotiation is not None and tight.negotiation.customer_budget == 250


def test_phone_prospecting_scenario_keeps_the_figures_of_the_subject() -> None:
    s = load_scenario(BUILTIN_DIR / "tel-prospection-fidelix.yaml")
    assert (s.bloc, s.kind, s.channel) == (2, Kind.PROSPECTION_TELEPHONIQUE, Channel.TELEPHONE)
    assert s.call is not None and s.call.time == "11:00"
    assert s.speaker(s.first_speaker).display_name == "M. Karim Benali"
    assert s.appointment is not None
    slots = {(slot.day, slot.start, slot.end) for slot in s.appointment.free_slots}
    assert slots == {("mardi", "14:00", "16:00"), ("jeudi", "14:00", "16:00")}
    assert any(f.values.get("email") == "karim.benali@boulangeries-benali.fr" for f in s.facts)
    assert s.grading.call_report
    gatekeeper = load_scenario(BUILTIN_DIR / "tel-prospection-fidelix.yaml", "barrage")
    assert gatekeeper.speaker(gatekeeper.first_speaker).first_name == "Julie"


def test_complaint_scenario_keeps_policy_and_law() -> None:
    s = load_scenario(BUILTIN_DIR / "tel-reclamation-lave-linge.yaml")
    assert (s.bloc, s.kind) == (2, Kind.RECLAMATION)
    assert s.speaker(s.first_speaker).display_name == "Mme Sophie Garnier"
    text = s.model_dump_json()
    for needle in ("EM-458921", "Lavex 8 kg", "549"):
        assert needle in text
    assert s.policy is not None
    legal = {p.reference: p.applies for p in s.policy.legal_points}
    assert any("L221-18" in ref and applies for ref, applies in legal.items())
    late = load_scenario(BUILTIN_DIR / "tel-reclamation-lave-linge.yaml", "hors-delai")
    assert late.policy is not None
    late_legal = {p.reference: p.applies for p in late.policy.legal_points}
    assert any("L221-18" in ref and not applies for ref, applies in late_legal.items())
    assert any("L217-3" in ref and applies for ref, applies in late_legal.items())


def test_event_scenario_keeps_the_budget() -> None:
    s = load_scenario(BUILTIN_DIR / "e4-evenement-responsable.yaml")
    assert (s.bloc, s.kind) == (1, Kind.NEGOCIATION_INTERNE)
    assert s.speaker(s.first_speaker).display_name == "M. Paul Dubois"
    assert s.negotiation is not None
    assert (s.negotiation.list_price, s.negotiation.customer_budget) == (4500, 3000)
    small = load_scenario(BUILTIN_DIR / "e4-evenement-responsable.yaml", "budget-2000")
    assert small.negotiation is not None and small.negotiation.customer_budget == 2000


def test_show_with_variant_prints_the_modified_brief(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "show", "e4-copieur-cabinet", "--variant", "budget-serre"]) == 0
    out = capsys.readouterr().out
    scenario = load_scenario(find("e4-copieur-cabinet"), "budget-serre")
    variant = scenario.variant("budget-serre")
    assert out.startswith(scenario.title)
    assert f"MODIFICATION DE LA FICHE-SUJET : {variant.title.upper()}" in out
    assert "Mme Claire Martin" in out
    assert out == render_brief(scenario, variant)


def test_brief_never_reveals_hidden_facts() -> None:
    scenario = load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml")
    brief = render_brief(scenario).replace("\u00a0", " ")
    for secret in ("12 000 pages", "240 €", "280 €", "48 h"):
        assert secret not in brief


def test_show_unknown_variant_names_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "show", "e4-copieur-cabinet", "--variant", "budget"]) == 1
    err = capsys.readouterr().err
    assert "variante « budget » inconnue" in err
    assert "budget-serre" in err


def test_list_shows_builtins_and_a_teachers_own_folder(
        isolated_user_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "new", "ma-situation", "--dir", str(isolated_user_dirs)]) == 0
    (isolated_user_dirs / "casse.yaml").write_text("id: casse\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["scenarios", "list"]) == 0
    out = capsys.readouterr().out
    for name in VARIANTS:
        assert name in out
    assert "ma-situation" in out and "personnel" in out
    assert "casse.yaml : invalide" in out
    assert {e.path.stem for e in entries()} >= set(VARIANTS) | {"ma-situation", "casse"}


def test_default_scenario_is_builtin() -> None:
    assert find(DEFAULT_SCENARIO).parent == BUILTIN_DIR


def test_repliq_alone_lists_scenarios_and_points_to_the_default(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "e4-copieur-cabinet" in out
    assert "repliq scenarios show e4-copieur-cabinet" in out
