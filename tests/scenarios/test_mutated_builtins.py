"""Property tests: whatever a teacher (or a hostile file) does to a scenario, validation
answers with a clean list of French, line-numbered problems, and a file it accepts can be
loaded and graded.

The built-in scenarios are mutated at random: values replaced by other types and by
absurd numbers (.inf, .nan, 1e308, huge integers, negatives), keys deleted or duplicated,
control characters and stray bytes inserted, files truncated."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bot.engine import start_conversation
from repliq.rehearsal import Rehearsal
from scenarios.catalog import BUILTIN_DIR
from scenarios.errors import ScenarioIssue, display_path
from scenarios.model import Scenario
from scenarios.validate import inspect, load_scenario
from scoring.grader import grade
from scoring.transcript import from_record

BUILTINS = {path.stem: path.read_text(encoding="utf-8")
            for path in sorted(BUILTIN_DIR.glob("*.yaml"))}
KEY_LINE = re.compile(r"^(\s*(?:- )?[A-Za-z_][\w.-]*:)(?:\s.*)?$")
NUMBER_LINE = re.compile(r"^(\s*(?:- )?[A-Za-z_][\w.-]*:) +-?\d[\d.]*\s*(?:#.*)?$")
ENGLISH = ("Input should", "Field required", "validation error", "Traceback", "Extra inputs",
           "Value error", "should be", "Permission denied")
STUDENT_LINES = (
    "Bonjour, je suis Léa Morel, de la société Bureau Plus.",
    "Pouvez-vous me parler de votre situation actuelle ?",
    "Je vous propose notre offre à 250 € par mois, qu'en pensez-vous ?",
    "Merci pour votre temps, au revoir.",
)

# Numbers a teacher could not mean, or that break arithmetic, as YAML writes them.
ABSURD = [".inf", "-.inf", ".nan", ".NaN", ".Inf", "1e308", "-1e308", "1e309", "1e-320",
          "9" * 400, "-" + "9" * 30, "0x" + "f" * 40, "-1", "-0.0", "0", "1_000_000_000_000"]
OTHER_TYPES = ["null", "~", "[]", "{}", "''", "true", "no", "2024-02-30", "12:30",
               "[.inf, .nan]", "{a: .inf}", "[[[[]]]]", "&ancre 1", "*inconnu",
               "!!float .inf", "!!python/none ''", '"\\u0000"', "'é'", "- x", "a: b", "|", ">"]
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028",
           "\u2029", "\ufeff", "\t", "\r", "\ud7ff"]


def yaml_float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    return repr(value)


values = st.one_of(
    st.sampled_from(ABSURD + OTHER_TYPES),
    st.integers(min_value=-10**40, max_value=10**40).map(str),
    st.floats().map(yaml_float),
    st.text(max_size=30).map(json.dumps),  # a JSON string is a valid YAML quoted text
)
# Numbers that a scenario may well accept: the mutant is then loaded and graded.
plausible_numbers = st.one_of(
    st.integers(min_value=-5, max_value=1_200).map(str),
    st.floats(min_value=0, max_value=1_200, allow_nan=False).map(yaml_float),
    st.sampled_from(["0", "1", "5", "100", "120", "1000", "1001", "1e9", "1.5", ".inf"]),
)


@st.composite
def mutation(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """One change to the file's lines (a new list; an earlier truncation may have left
    little to change)."""
    lines = list(lines) or [""]
    index = draw(st.integers(0, len(lines) - 1))
    numbered = [i for i, line in enumerate(lines) if NUMBER_LINE.match(line)]
    keyed = [i for i, line in enumerate(lines) if KEY_LINE.match(line)]
    kind = draw(st.sampled_from(["number", "value", "value", "delete", "duplicate", "control",
                                 "truncate", "indent"]))
    if kind == "number" and numbered:  # a weight, a price, a mood... made absurd
        i = draw(st.sampled_from(numbered))
        key = NUMBER_LINE.match(lines[i]).group(1)  # type: ignore[union-attr]
        lines[i] = f"{key} {draw(st.sampled_from(ABSURD))}"
    elif kind in ("value", "number") and keyed:
        i = draw(st.sampled_from(keyed))
        lines[i] = KEY_LINE.sub(lambda m: f"{m.group(1)} {draw(values)}", lines[i])
    elif kind == "delete" and len(lines) > 1:
        del lines[index]
    elif kind == "duplicate":
        lines.insert(index, lines[index])
    elif kind == "truncate":
        line = lines[index]
        lines[index:] = [line[: draw(st.integers(0, len(line)))]]
    elif kind == "indent":
        lines[index] = " " * draw(st.integers(1, 3)) + lines[index]
    else:
        line = lines[index]
        at = draw(st.integers(0, len(line)))
        lines[index] = line[:at] + draw(st.sampled_from(CONTROL)) + line[at:]
    return lines


@st.composite
def mutants(draw: st.DrawFn) -> tuple[str, bytes]:
    """A built-in scenario (its name) with one to three random changes, as bytes."""
    name = draw(st.sampled_from(sorted(BUILTINS)))
    lines = BUILTINS[name].split("\n")
    for _ in range(draw(st.integers(1, 3))):
        lines = draw(mutation(lines))
    raw = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    if draw(st.booleans()) and draw(st.booleans()):  # now and then, a byte that is not UTF-8
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xe9", b"\xc3", b"\x80"])) + raw[at:]
    return name, raw


@st.composite
def plausible_mutants(draw: st.DrawFn) -> tuple[str, bytes]:
    """A built-in scenario with one or two of its numbers changed: often still valid."""
    name = draw(st.sampled_from(sorted(BUILTINS)))
    original = BUILTINS[name].split("\n")
    lines = list(original)
    numbered = [i for i, line in enumerate(original) if NUMBER_LINE.match(line)]
    for _ in range(draw(st.integers(1, 2))):
        i = draw(st.sampled_from(numbered))
        key = NUMBER_LINE.match(original[i]).group(1)  # type: ignore[union-attr]
        lines[i] = f"{key} {draw(plausible_numbers)}"
    return name, "\n".join(lines).encode("utf-8")


def write(folder: Path, name: str, raw: bytes) -> Path:
    path = folder / f"{name}.yaml"  # the file keeps its name: `id` still matches it
    path.write_bytes(raw)
    return path


def assert_clean(issues: list[ScenarioIssue], path: Path, raw: bytes) -> None:
    """Each problem names this file, a line of it, and says in French what is wrong."""
    assert isinstance(issues, list)
    last_line = raw.count(b"\n") + 1
    for issue in issues:
        assert isinstance(issue, ScenarioIssue)
        assert issue.file == display_path(path)
        assert isinstance(issue.line, int) and 1 <= issue.line <= last_line, issue
        assert issue.message.strip(), issue
        assert not any(word in issue.message for word in ENGLISH), issue


def play_and_grade(scenario: Scenario, variant: str | None) -> None:
    rehearsal = Rehearsal(start_conversation(scenario, variant))
    rehearsal.open()
    for line in STUDENT_LINES:
        if rehearsal.ended:
            break
        rehearsal.say(line)
    card = grade(from_record({"variant": variant, **rehearsal.record()}), scenario)
    assert 0 <= card.total <= 20 and not math.isnan(card.total)
    for result in card.criteria:
        assert 0 <= result.score <= 1


FAST = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(mutants())
def test_validation_of_a_mutated_scenario_is_a_clean_list_of_problems(
        tmp_path_factory: pytest.TempPathFactory, mutant: tuple[str, bytes]) -> None:
    name, raw = mutant
    path = write(tmp_path_factory.mktemp("mutant"), name, raw)
    scenario, issues = inspect(path)
    assert_clean(issues, path, raw)
    event("accepté" if scenario is not None else "refusé")
    if scenario is not None:
        assert issues == []
        play_and_grade(scenario, None)


@FAST
@given(plausible_mutants(), st.data())
def test_a_mutated_scenario_that_validates_loads_and_grades_with_every_variant(
        tmp_path_factory: pytest.TempPathFactory, mutant: tuple[str, bytes],
        data: st.DataObject) -> None:
    name, raw = mutant
    path = write(tmp_path_factory.mktemp("mutant"), name, raw)
    scenario, issues = inspect(path)
    assert_clean(issues, path, raw)
    event("accepté" if scenario is not None else "refusé")
    if scenario is None:
        return
    play_and_grade(scenario, None)
    # Every variant was validated with the file; playing one of them must work too.
    variant = data.draw(st.sampled_from([v.id for v in scenario.variants]))
    play_and_grade(load_scenario(path, variant), variant)


@pytest.mark.parametrize("name", sorted(BUILTINS))
def test_a_file_cut_short_inside_a_key_is_reported_at_its_last_line(
        name: str, tmp_path: Path) -> None:
    """A copy cut in the middle of a key, with no final newline (a download interrupted):
    the C parser puts the error past the end; the teacher is sent to the last line."""
    text = BUILTINS[name]
    cut = text[:text.rindex("\n    m") + len("\n    m")]  # "    mots_cles:" cut after "m"
    path = tmp_path / f"{name}.yaml"
    path.write_text(cut, encoding="utf-8")
    _, issues = inspect(path)
    assert issues and issues[0].line == cut.count("\n") + 1, issues
