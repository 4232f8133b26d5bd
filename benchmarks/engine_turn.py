"""Speed and memory of the simulated customer: loading the understanding engine, and one
engine turn (student text in → customer text out), on every built-in dialogue.

Run:  .venv/bin/python benchmarks/engine_turn.py [--runs N]

Prints the load time and resident memory, then the median, p95 and worst turn latency in
milliseconds over all turns of tests/data/dialogues/ played N times (budget: p95 ≤ 30 ms).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    started = time.perf_counter()
    from bot.engine import act_classifier, start_conversation
    from repliq.run_cmd import script_lines
    from scenarios import load_scenario
    from scenarios.catalog import BUILTIN_DIR

    act_classifier()
    load_seconds = time.perf_counter() - started
    print(f"Chargement du moteur (imports + entraînement) : {load_seconds:.2f} s, "
          f"mémoire résidente {rss_mb():.0f} Mo")

    timings: list[float] = []
    dialogues = sorted((ROOT / "tests" / "data" / "dialogues").glob("*.txt"))
    for run in range(runs):
        for path in dialogues:
            text = path.read_text(encoding="utf-8")
            variant = next((line.split(":", 1)[1].strip() for line in text.splitlines()
                            if line.startswith("# variante :")), None)
            scenario = load_scenario(BUILTIN_DIR / f"{path.name.split('.')[0]}.yaml", variant)
            customer = start_conversation(scenario, variant, seed=run)
            customer.opening()
            for line in script_lines(path):
                if customer.state.ended:
                    break
                tick = time.perf_counter()
                customer.step(line)
                timings.append((time.perf_counter() - tick) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"{len(timings)} tours ({len(dialogues)} dialogues × {runs}) : médiane "
          f"{statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, pire {timings[-1]:.1f} ms; "
          f"mémoire résidente {rss_mb():.0f} Mo")


if __name__ == "__main__":
    main()
