"""How often `kg ingest` checkpoints (kg.ingest.checkpoint_due): every 500 documents on a small
store, then spaced by a share of the store, so a large ingest saves its graph a bounded number of
times (each checkpoint writes the whole graph)."""
from __future__ import annotations

from kg.ingest import CHECKPOINT_EVERY, checkpoint_due


def _checkpoints(documents: int, batch: int = 20, stored: int = 0) -> list[int]:
    at, since = [], 0
    for loaded in range(batch, documents + 1, batch):
        since += batch
        if checkpoint_due(since, stored + loaded):
            at.append(loaded)
            since = 0
    return at


def test_a_small_ingest_checkpoints_every_500_documents():
    assert _checkpoints(2000) == [500, 1000, 1500, 2000]


def test_a_large_ingest_checkpoints_less_and_less_often():
    at = _checkpoints(10_000)
    gaps = [b - a for a, b in zip([0] + at, at)]
    assert at[0] == CHECKPOINT_EVERY and all(gap >= CHECKPOINT_EVERY for gap in gaps)
    assert gaps == sorted(gaps)  # never closer together as the store grows
    assert len(at) <= 12  # every 500 documents would be 20
    assert 10_000 - at[-1] < 2_600  # readers still see a recent state


def test_documents_already_in_the_store_count():
    assert _checkpoints(2000, stored=20_000) == []  # 2,000 new documents on 20,000: saved once, at the end
