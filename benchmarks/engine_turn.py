"""Speed and memory of the simulated customer: loading the understanding engine, and one
engine turn (student text in → customer text out), on every built-in dialogue.

Run:  .venv/bin/python benchmarks/engine_turn.py [--runs N]

Prints how long a fresh process takes until the engine is ready (imports, then the act and
conduct classifiers trained — first start — or read back from the model cache — every later
start; budget: ready in under 2 s), median of N runs each, then the median, p95 and worst turn
latency in milliseconds over all turns of tests/data/dialogues/ played N times (budget:
p95 ≤ 30 ms), the resident memory, and the first turn of each conversation apart (budget:
200 ms; nothing of the conversation is warm yet), and how long a conversation takes to start.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


READY = """
import time
started = time.perf_counter()
from bot.engine import understander
understander()
print(time.perf_counter() - started)
"""


def ready_seconds(cache: str) -> float:
    """Seconds from the first import to a usable engine, in a fresh process."""
    done = subprocess.run([sys.executable, "-c", READY], cwd=ROOT, check=True, text=True,
                          capture_output=True, env={**os.environ, "REPLIQ_CACHE_DIR": cache})
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    cold, warm = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            cold.append(ready_seconds(cache))
            warm.append(ready_seconds(cache))
    print(f"Moteur prêt (médiane de {runs}) : premier lancement, classifieurs entraînés "
          f"{statistics.median(cold):.2f} s ; lancements suivants, lus dans le cache "
          f"{statistics.median(warm):.2f} s")

    from bot.engine import start_conversation
    from repliq.run_cmd import script_lines
    from scenarios import load_scenario
    from scenarios.catalog import BUILTIN_DIR

    timings: list[float] = []
    first_turns: list[float] = []  # the first turn of a conversation: nothing is warm yet
    # Scenario read and checked, customer built, opening line: the first conversation of a
    # process also reads the reply banks and dateparser's data (engine.warm_up).
    starts: list[float] = []
    dialogues = sorted((ROOT / "tests" / "data" / "dialogues").glob("*.txt"))
    for run in range(runs):
        for path in dialogues:
            text = path.read_text(encoding="utf-8")
            variant = next((line.split(":", 1)[1].strip() for line in text.splitlines()
                            if line.startswith("# variante :")), None)
            tick = time.perf_counter()
            scenario = load_scenario(BUILTIN_DIR / f"{path.name.split('.')[0]}.yaml", variant)
            customer = start_conversation(scenario, variant, seed=run)
            customer.opening()
            starts.append((time.perf_counter() - tick) * 1000)
            for line in script_lines(path):
                if customer.state.ended:
                    break
                tick = time.perf_counter()
                customer.step(line)
                timings.append((time.perf_counter() - tick) * 1000)
                if customer.state.turn == 1:
                    first_turns.append(timings[-1])
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"{len(timings)} tours ({len(dialogues)} dialogues × {runs}) : médiane "
          f"{statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, pire {timings[-1]:.1f} ms; "
          f"mémoire résidente {rss_mb():.0f} Mo")
    first_turns.sort()
    print(f"premier tour d'un entretien ({len(first_turns)}) : médiane "
          f"{statistics.median(first_turns):.1f} ms, pire {first_turns[-1]:.1f} ms "
          "(budget : 200 ms)")
    print(f"début d'entretien (scénario lu, client prêt, première réplique) : premier du "
          f"processus {starts[0]:.0f} ms, suivants médiane {statistics.median(starts[1:]):.0f} ms")
    print(f"Reproduire : .venv/bin/python benchmarks/engine_turn.py --runs {runs}")


if __name__ == "__main__":
    main()
