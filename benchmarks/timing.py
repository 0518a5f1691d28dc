"""The arithmetic of a measurement: the clock, rates, rounding, nearest-rank percentiles, this
process's memory, and wrappers that add up the time spent extracting and writing."""
from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kg.stores import GraphStore
from kg.stores.base import Statement


def now() -> float:
    return time.perf_counter()


def proc_status(field_name: str) -> float | None:
    """A memory field of /proc/self/status in MiB (VmHWM = peak RSS, VmRSS = current RSS)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    if field_name == "VmHWM":
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return None


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[rank - 1]


def rate(amount: float, seconds: float) -> float:
    return amount / seconds if seconds > 0 else float("inf")


def rounded(value: float, digits: int = 3) -> float:
    return round(value, digits) if math.isfinite(value) else value


class TimedExtract:
    """An extractor that adds up the seconds spent in it."""

    def __init__(self, extract: Callable[[Any], Any]) -> None:
        self.extract = extract
        self.seconds = 0.0

    def __call__(self, raw: Any) -> Any:
        t = now()
        facts = self.extract(raw)
        self.seconds += now() - t
        return facts


class TimedStore:
    """Wraps a store and adds up the time spent in its writes (the load part of an ingest)."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self.write_seconds = 0.0  # transactions and checkpoints
        self.checkpoint_seconds = 0.0
        self.transactions = 0
        self.tx_seconds: list[float] = []

    def write_all(self, statements: Sequence[Statement]) -> None:
        t = now()
        self._store.write_all(statements)
        self.tx_seconds.append(now() - t)
        self.write_seconds += self.tx_seconds[-1]
        self.transactions += 1

    def checkpoint(self) -> None:
        t = now()
        self._store.checkpoint()
        self.checkpoint_seconds += now() - t
        self.write_seconds += now() - t

    def tx_trend(self) -> list[float] | None:
        """Mean seconds per write transaction in the first and the last tenth of the run (how
        loading slows down as the graph grows)."""
        n = len(self.tx_seconds)
        if n < 10:
            return None
        k = n // 10
        return [rounded(sum(self.tx_seconds[:k]) / k), rounded(sum(self.tx_seconds[-k:]) / k)]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)
