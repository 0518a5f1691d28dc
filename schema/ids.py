"""Deterministic identifiers: the same identity gives the same id on every run and machine."""
from __future__ import annotations

import hashlib

from schema import vocabulary

# A short, readable prefix per label (schema/vocabulary.py), so an id tells what it names.
PREFIX = vocabulary.PREFIX


def digest(*parts: object, length: int = 16) -> str:
    """A stable hex digest of the parts (joined by an unambiguous separator)."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


def make_id(label: str, *identity: object) -> str:
    """`make_id("Society", "中国计算机学会")` -> `soc-…`, stable across runs and machines."""
    return f"{PREFIX[label]}-{digest(label, *identity)}"


def fact_key(kind: str, *identity: object) -> str:
    """The stable identity of a reviewable fact (`fact-…`): made of what the fact says — its type,
    its text or names, its document — never of node ids or offsets, so a drafter's decision about it
    survives re-ingest of an unchanged or an edited document. Text is compared without spaces."""
    return f"fact-{digest(kind, *(' '.join(str(p).split()) for p in identity))}"
