"""What every benchmark module shares.

A benchmark is a module ``bench/bench_<topic>.py`` with ``run(quick: bool) -> list[Row]``.
``bench/run.py`` imports every such module, runs it, and prints one table. Speed is always
measured side by side with the peer the issue names, in the same run, as a ratio; these
machines are noisy, so timings are medians of several runs.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class Row:
    benchmark: str  # e.g. "text check, 280 chars"
    metric: str  # e.g. "p50 ms", "posts/s", "recall phone"
    ours: float
    peer: str | None = None  # e.g. "deduce 3.0"
    peer_value: float | None = None
    target: str | None = None  # e.g. "<= 1.0", ">= 0.99"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """ours / peer for rates and scores; peer / ours for times (bigger is better for us)."""
        if self.peer_value is None or self.ours == 0 or self.peer_value == 0:
            return None
        if self.metric.endswith(("ms", " s", "seconds")):
            return self.peer_value / self.ours
        return self.ours / self.peer_value

    @property
    def ok(self) -> bool | None:
        if not self.target:
            return None
        op, _, num = self.target.partition(" ")
        value = float(num)
        return self.ours <= value if op == "<=" else self.ours >= value


def median_time(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``fn`` in seconds over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def latencies_ms(
    fn: Callable[[str], object],
    texts: Sequence[str],
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[float, float]:
    """p50 and p99 in milliseconds of ``fn`` called on each text (wall time by default)."""
    samples = []
    for text in texts:
        t0 = clock()
        fn(text)
        samples.append((clock() - t0) * 1000)
    samples.sort()
    return samples[len(samples) // 2], samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def cpu_latencies_ms(fn: Callable[[str], object], texts: Sequence[str]) -> tuple[float, float]:
    """p50 and p99 in CPU milliseconds of this thread: what one core spends on one text, which a
    shared, overloaded machine does not inflate the way it inflates wall time."""
    return latencies_ms(fn, texts, time.thread_time)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
