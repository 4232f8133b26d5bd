"""How long reading and validating scenario files takes, and how fast hostile files are refused.

Run:  .venv/bin/python benchmarks/scenario_validation.py [--runs N] [--big-runs M]

Prints the median and the worst of N runs for: each built-in scenario checked with all its
variants, loading the default scenario (what the application does at start-up), listing
every scenario, and refusing an alias bomb and a 50 MB file; then the median and the worst of
M runs for checking a generated scenario with 6 000 facts (each one revealed only once the
previous one is, so that every fact is also a reference to check: validation must stay
linear in the size of the file).
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
from pathlib import Path

from timing import measure

from scenarios.catalog import BUILTIN_DIR, DEFAULT_SCENARIO, entries, find
from scenarios.schema import SCHEMA_PATH
from scenarios.template import render_template
from scenarios.validate import check_file, load_scenario

MANY_FACTS = 6_000


def big_file(folder: Path) -> Path:
    big = folder / "enorme.yaml"
    with big.open("wb") as handle:
        handle.write(b"titre: " + b"x" * 50_000_000)
    return big


def many_facts(folder: Path, count: int = MANY_FACTS) -> Path:
    """The template of `repliq scenarios new` with `count` more facts, short enough for the
    file to stay under the 1 MB limit; fact n is revealed only once fact n-1 is."""
    name = "faits-nombreux"
    facts = "".join(
        f"  - id: fait-{n}\n    libelle: Fait {n}\n    mots_cles: [point-{n}]\n"
        f"    reponses: [Réponse {n}]\n"
        + (f"    revele_si: [{{faits_reveles: [fait-{n - 1}]}}]\n" if n else "")
        for n in range(count))
    text = render_template(name, SCHEMA_PATH).replace("\nfaits:\n", "\nfaits:\n" + facts, 1)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def yaml_parser() -> str:
    try:
        import _ruamel_yaml  # noqa: F401  (ruamel.yaml uses it when it is installed)
    except ImportError:
        return "ruamel.yaml, pure Python"
    return "ruamel.yaml with its C parser (ruamel.yaml.clib)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--big-runs", type=int, default=5,
                        help=f"runs for the {MANY_FACTS}-fact scenario (several seconds each "
                             "with the pure-Python YAML parser)")
    options = parser.parse_args()
    runs, big_runs = options.runs, options.big_runs
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} "
          f"cores, YAML: {yaml_parser()}")
    print(f"Reproduce: .venv/bin/python benchmarks/scenario_validation.py --runs {runs} "
          f"--big-runs {big_runs}")
    print(f"{runs} runs each (median / worst, milliseconds)")
    rows: list[tuple[str, float, float]] = []
    for path in sorted(BUILTIN_DIR.glob("*.yaml")):
        assert check_file(path) == [], path
        size = path.stat().st_size // 1024
        rows.append((f"check {path.name} ({size} KB, all variants)",
                     *measure(lambda p=path: check_file(p), runs)))
    default = find(DEFAULT_SCENARIO)
    rows.append((f"load {DEFAULT_SCENARIO} (start-up)",
                 *measure(lambda: load_scenario(default), runs)))
    rows.append(("list every scenario", *measure(entries, runs)))
    bomb = Path(__file__).resolve().parent.parent / "tests/data/broken/bombe-alias.yaml"
    with tempfile.TemporaryDirectory() as folder:
        big = big_file(Path(folder))
        rows.append(("refuse alias bomb (9^10 nodes)", *measure(lambda: check_file(bomb), runs)))
        rows.append(("refuse 50 MB file", *measure(lambda: check_file(big), runs)))
        many = many_facts(Path(folder))
        assert check_file(many) == [], many
        size = many.stat().st_size // 1024
        big_label = f"check {MANY_FACTS} facts ({size} KB, all variants)"
        big_row = (big_label, *measure(lambda: check_file(many), big_runs))
    width = max(len(label) for label, _, _ in [*rows, big_row])
    for label, median, worst in rows:
        print(f"  {label.ljust(width)}  {median:8.1f}  {worst:8.1f}")
    print(f"{big_runs} runs (median / worst, milliseconds)")
    label, median, worst = big_row
    print(f"  {label.ljust(width)}  {median:8.1f}  {worst:8.1f}")


if __name__ == "__main__":
    main()
