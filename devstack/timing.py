"""One way to time things in the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(action: Callable[[], object], runs: int, *, warm_up: bool = True) -> float:
    """Median wall time of `action` in milliseconds over `runs` calls (after one untimed warm-up call)."""
    if warm_up:
        action()  # caches, lazy imports and compiled rules are not what is being measured
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 3)
