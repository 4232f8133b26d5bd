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
