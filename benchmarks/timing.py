"""Repeated timing shared by the benchmarks (run as scripts: this folder is on sys.path)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def measure(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and worst time of `runs` calls, in milliseconds."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), max(timings)
