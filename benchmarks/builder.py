"""Big graphs, built fast: the rows of a base corpus (the loader's own batched `UNWIND … MERGE`
statements) written again and again with fresh document, passage and recommendation ids."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from benchmarks.config import Progress
from benchmarks.stores import count
from benchmarks.timing import now, rate, rounded
from kg import aggregates
from kg.stores import GraphStore
from kg.stores.base import Statement


@dataclass
class GraphBuilder:
    """Writes the rows of a base corpus again and again, with fresh document, passage and
    recommendation ids for every copy (entities and the guide are shared, as in a real corpus
    where the same societies and agencies recur). `chunks` are the row statements of each batch
    of `batch_docs` documents; `remap` gives a row the ids of a copy."""

    store: GraphStore
    base: list  # Facts of the base corpus
    batch_docs: int = 100
    copies: int = 0
    write_seconds: float = 0.0
    elements_written: int = 0
    chunks: list[list[Statement]] = field(default_factory=list, init=False)
    _local_ids: set[str] = field(default_factory=set, init=False)

    @classmethod
    def on_empty_store(cls, store: GraphStore, guide: Any, base: list, batch_docs: int) -> "GraphBuilder":
        """A builder for a store that has nothing yet: the schema applied and the guide loaded first."""
        from kg.load import load_facts

        store.apply_schema()
        load_facts(store, [guide])
        return cls(store, base, batch_docs=batch_docs)

    def __post_init__(self) -> None:
        from kg.load import GraphRows

        for f in self.base:
            self._local_ids.add(f.document.id)
            self._local_ids.update(p.id for p in f.passages)
            self._local_ids.update(r.id for r in f.recommendations)
        for i in range(0, len(self.base), self.batch_docs):
            rows = GraphRows()
            for f in self.base[i:i + self.batch_docs]:
                rows.add(f)
            # only the row writes: a copy's ids are new, so there are no old facts to delete (nor counts
            # to take out); then the copy's contribution to the counts kept in the graph (kg.aggregates)
            self.chunks.append([(q, p) for q, p in rows.statements() if "rows" in p] + aggregates.add(rows.completed))

    def remap(self, value: Any, suffix: str) -> Any:
        """`value` (a row, or a part of one) with every id local to a document suffixed."""
        if isinstance(value, str):
            return value + suffix if value in self._local_ids else value
        if isinstance(value, dict):
            return {k: self.remap(v, suffix) for k, v in value.items()}
        return value

    def write_copy(self) -> None:
        suffix = f"~{self.copies}" if self.copies else ""
        for chunk in self.chunks:
            statements = [(q, {"rows": [self.remap(r, suffix) for r in p["rows"]]} if "rows" in p
                           else {**p, "ids": [self.remap(i, suffix) for i in p["ids"]]}) for q, p in chunk]
            t = now()
            self.store.write_all(statements)
            self.write_seconds += now() - t
        self.copies += 1

    def grow_to(self, target_nodes: int, progress: Progress | None = None) -> dict[str, Any]:
        """Write copies until the graph holds `target_nodes`; what was built and how fast."""
        nodes, rels = count(self.store)
        start = (nodes, rels)
        seconds = self.write_seconds
        while nodes < target_nodes:
            self.write_copy()
            nodes, rels = count(self.store)
            if progress and self.copies % 5 == 0:
                progress(f"  {nodes:,} nodes, {rels:,} relationships")
        self.store.checkpoint()
        written = (nodes - start[0]) + (rels - start[1])
        spent = self.write_seconds - seconds
        return {"nodes": nodes, "relationships": rels, "copies": self.copies,
                "build_seconds": rounded(spent), "build_elements_per_s": round(rate(written, spent))}

    def sample_ids(self, rng: random.Random, k: int) -> dict[str, list[str]]:
        """`k` ids each of recommendations, documents and entities, valid in every copy written so far."""
        def pick(ids: list[str]) -> list[str]:
            return [rng.choice(ids) + (f"~{c}" if (c := rng.randrange(self.copies)) else "") for _ in range(k)]

        recs = [r.id for f in self.base for r in f.recommendations]
        docs = [f.document.id for f in self.base]
        entities = sorted({e.id for f in self.base for e in f.entities})
        return {"rec_id": pick(recs), "doc_id": pick(docs), "entity_id": [rng.choice(entities) for _ in range(k)]}

    def hub(self) -> str:
        """The most-mentioned entity."""
        counts = Counter(m.entity_id for f in self.base for m in f.mentions)
        return counts.most_common(1)[0][0]
