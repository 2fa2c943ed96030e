"""Wall-clock medians for benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(
    action: Callable[[], object],
    runs: int = 200,
    warmup: int = 20,
    before: Callable[[], object] | None = None,
) -> float:
    """Median time of ``action()`` in milliseconds, after ``warmup`` untimed calls;
    ``before()`` runs untimed ahead of each timed call (e.g. to empty a cache)."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000
