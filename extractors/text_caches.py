"""Caches keyed by a text's own characters (a window the name finder cuts, a run the HMM tags, a string converted to
simplified script): bounded, and all emptied by `forget_texts` where a measurement must read its texts as new ones
(`benchmarks/extraction.py`: a second pass over the same corpus would otherwise find its windows cached)."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_clears: list[Callable[[], None]] = []


def text_cache(maxsize: int) -> Callable[[F], F]:
    """`functools.lru_cache(maxsize)`, registered with `forget_texts`."""
    def wrap(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _clears.append(cached.cache_clear)
        return cached  # type: ignore[return-value]
    return wrap


def forget_texts() -> None:
    """Empty every cache keyed by text (the models, dictionaries and name tables stay loaded)."""
    for clear in _clears:
        clear()
