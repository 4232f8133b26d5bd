"""docs/scenarios.md must teach the whole format: its example validates, and every key and
allowed value is documented."""

from __future__ import annotations

import re
from pathlib import Path

from scenarios.criteria import CRITERIA
from scenarios.fields import aliases
from scenarios.model import Model
from scenarios.validate import check_file
from scenarios.vocabulary import LABELS

from .conftest import ROOT

DOC = (ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")


def _models() -> set[type[Model]]:
    found: set[type[Model]] = set()
    pending: list[type] = [Model]
    while pending:
        for sub in pending.pop().__subclasses__():
            found.add(sub)
            pending.append(sub)
    return found


def test_complete_example_in_the_guide_is_valid(tmp_path: Path) -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S)
    example = next(block for block in blocks if block.startswith("# ---"))
    match = re.search(r"^id: (\S+)", example, flags=re.M)
    assert match
    path = tmp_path / f"{match.group(1)}.yaml"
    path.write_text(example, encoding="utf-8")
    assert check_file(path) == []


def test_every_key_is_documented() -> None:
    keys = {alias for model in _models() for alias in aliases(model)}
    missing = sorted(key for key in keys if f"`{key}`" not in DOC)
    assert not missing


def test_every_allowed_value_and_criterion_is_documented() -> None:
    values = {value for labels in LABELS.values() for value in labels}
    values |= {criterion.id for criterion in CRITERIA}
    missing = sorted(value for value in values if f"`{value}`" not in DOC)
    assert not missing


def test_every_act_is_documented_with_two_examples() -> None:
    from scenarios.vocabulary import Act

    acts_doc = (ROOT / "docs" / "acts.md").read_text(encoding="utf-8")
    for act in Act:
        row = next(line for line in acts_doc.splitlines() if line.startswith(f"| `{act.value}`"))
        examples = row.split("|")[4]
        assert examples.count("« ") == 2 and "<br>" in examples, act


def test_customer_doc_quotes_the_current_rules() -> None:
    from bot.customer import Rules
    from scenarios.vocabulary import Difficulty

    doc = (ROOT / "docs" / "customer.md").read_text(encoding="utf-8")
    r = Rules()
    assert f"| {r.rude_mood} | {r.rude_patience} |" in doc
    assert f"| {r.doubtful_rude_mood} | |" in doc
    assert f"| {r.premature_price_mood} | {r.premature_price_patience} |" in doc
    assert f"humeur ≥ {r.deal_mood_min}" in doc
    assert f"| +{r.objection_treated_mood} | +{r.objection_treated_patience} |" in doc
    decay = r.decay
    assert (f"−{decay[Difficulty.FACILE]} / −{decay[Difficulty.MOYEN]} / "
            f"−{decay[Difficulty.DIFFICILE]}") in doc
    missing = [row for row in r.table() if row not in doc.splitlines()]
    assert not missing, missing  # every number the customer decides with is documented


def test_voice_guide_covers_every_setting_and_key() -> None:
    from repliq.voice_cmd import SETTINGS
    from tui.screens.entretien import EntretienScreen

    guide = (ROOT / "docs" / "voice.md").read_text(encoding="utf-8")
    for _, flag, _, _ in SETTINGS:
        assert f"--{flag.replace('_', '-')}" in guide, flag
    for binding in EntretienScreen.BINDINGS:
        if binding.key.startswith("f"):  # type: ignore[union-attr]
            assert f"**{binding.key.upper()}**" in guide, binding.key  # type: ignore[union-attr]


def _guide_variants() -> list[tuple[str, str]]:
    """The guide's examples of a variant of a built-in scenario: (scenario id, YAML)."""
    blocks = re.findall(r"```yaml\n# variante de (\S+)\n(.*?)```", DOC, flags=re.S)
    assert len(blocks) >= 2  # the gatekeeper and the two people at a meeting
    return blocks


def _with_guide_variant(tmp_path: Path, scenario_id: str, block: str) -> tuple[Path, str]:
    """The built-in scenario with its variant replaced by the guide's version."""
    from io import StringIO

    from ruamel.yaml import YAML

    from scenarios.catalog import BUILTIN_DIR

    yaml = YAML()
    data = yaml.load((BUILTIN_DIR / f"{scenario_id}.yaml").read_text(encoding="utf-8"))
    [variant] = yaml.load(block)
    data["variantes"] = [v for v in data["variantes"] if v["id"] != variant["id"]] + [variant]
    out = StringIO()
    yaml.dump(data, out)
    path = tmp_path / f"{scenario_id}.yaml"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path, str(variant["id"])


def test_the_guides_examples_of_several_people_are_valid_and_play_as_described(
        tmp_path: Path) -> None:
    from bot.engine import start_conversation
    from bot.replies import Voice
    from scenarios import load_scenario

    for scenario_id, block in _guide_variants():
        path, variant = _with_guide_variant(tmp_path, scenario_id, block)
        assert check_file(path) == [], scenario_id
        talk = start_conversation(load_scenario(path, variant), variant, 0)
        talk.opening()
        if scenario_id == "tel-prospection-fidelix":  # the gatekeeper filters
            _, reply = talk.step("Bonjour, je pourrais parler à M. Benali ?")
            assert reply.speaker == "julie"
            assert any(line in reply.text for line in Voice.lines("gatekeeper_who"))
        else:  # the decider walks in when the price is given, and both stay
            talk.step("Bonjour Madame Martin, Léa Morel de Bureau Plus. Je viens vous "
                      "présenter nos solutions d'impression.")
            _, reply = talk.step("Notre offre est à 289 € HT par mois, maintenance incluse.")
            assert reply.speaker == "philippe-lefevre"
            assert talk.state.present == ["claire-martin", "philippe-lefevre"]
            _, reply = talk.step("Madame Martin, combien de pages imprimez-vous par mois ?")
            assert reply.speaker == "claire-martin"
