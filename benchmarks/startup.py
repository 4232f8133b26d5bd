"""From launch to a usable Accueil screen (the scenario list shown and focused).

Run:  .venv/bin/python benchmarks/startup.py [--runs N]

Each run starts a fresh Python process that opens the application headless (Textual's test
driver, so no terminal is needed) and reports when the list of scenarios is on screen; the
time counts from just before the process is spawned. Prints the median and worst of N runs
(budget: median under 1 s). The speech-recognition engine loads afterwards, in the
background, and is not waited for.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

PROBE = """
import asyncio, os, sys, time
from tui.app import RepliqApp

async def main():
    app = RepliqApp(preload=True)
    async with app.run_test(size=(120, 40)) as pilot:
        while True:
            try:
                if app.screen.query_one("#scenarios").display:
                    break
            except Exception:
                pass
            await pilot.pause(0.01)
        print(time.time() - float(os.environ["REPLIQ_T0"]))
        app.exit()

asyncio.run(main())
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    timings = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            env = {**os.environ, "REPLIQ_DB": f"{folder}/b.db", "REPLIQ_CONFIG_DIR": folder,
                   "REPLIQ_T0": repr(time.time())}
            out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                                 text=True, check=True).stdout
            timings.append(float(out.strip().splitlines()[-1]))
    print(f"Lancement → Accueil utilisable, {runs} lancements : médiane "
          f"{statistics.median(timings):.2f} s, pire {max(timings):.2f} s (budget : 1 s)")


if __name__ == "__main__":
    main()
