"""`kg check`: the invariants of DESIGN.md, verified on either store.

Each check is a read-only query returning the violating rows; an empty result means it holds.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kg.aggregates import stale as stale_counts
from kg.stores.base import GraphStore
from schema import vocabulary
from kg.review import orphaned
from kg.support import stale_support

# relationship types that are facts stated in a passage and so must carry evidence
EVIDENCED_TYPES = vocabulary.EVIDENCED_TYPES

# Each query touches every element once (an index lookup or a relationship hop, never a scan per
# row), so `kg check` grows linearly with the graph; joins an engine might run as a scan per row
# (a property of one row matched against every node) are made in Python instead (`PYTHON_CHECKS`).
CHECKS: dict[str, str] = {
    "every document is complete (has its sha256)":
        "MATCH (d:Document) WHERE d.sha256 IS NULL RETURN d.id AS id, d.path AS path",
    "passage text equals its span of the document":
        "MATCH (p:Passage)-[:PART_OF]->(d:Document) "
        "WHERE substring(d.text, p.start, p.`end` - p.start) <> p.text "
        "RETURN p.id AS id, p.text AS text",
    # a mention's text is read from its passage (kg/load.py); a graph written before keeps it as `text`
    "every mention span lies in its passage (and equals its text, where kept)":
        "MATCH (p:Passage)-[m:MENTIONS]->(e) "
        "WHERE m.start IS NULL OR m.`end` IS NULL OR m.`end` <= m.start "
        "OR m.start < p.start OR m.`end` > p.`end` "
        "OR (m.text IS NOT NULL AND substring(p.text, m.start - p.start, m.`end` - m.start) <> m.text) "
        "RETURN p.id AS passage, m.start AS start, m.`end` AS `end`",
    # what lets the reader find a passage's facts among the pairs of its own mentions (document_passages)
    "both ends of a fact between entities are mentioned in its evidence passage":
        "MATCH (a:Entity)-[x]->(b:Entity) WHERE x.evidence IS NOT NULL "
        "WITH a, x, b, x.evidence AS evidence MATCH (p:Passage {id: evidence}) "
        "WHERE NOT EXISTS { (p)-[:MENTIONS]->(a) } OR NOT EXISTS { (p)-[:MENTIONS]->(b) } "
        "RETURN type(x) AS type, a.id AS head, b.id AS tail, evidence",
    # what the list of a type's facts reads instead of their documents (relation_list); a graph written before
    # facts kept their year has none until the next `kg ingest` gives it (kg.load.drop_obsolete)
    "every fact keeps its document and that document's year":
        "MATCH (a:Entity)-[x]->(b:Entity) WHERE x.evidence IS NOT NULL "
        "WITH a, x, b, x.doc_id AS did OPTIONAL MATCH (d:Document {id: did}) "
        "WITH a, x, b, did, d WHERE d IS NULL OR coalesce(x.year, coalesce(d.year, 0)) <> coalesce(d.year, 0) "
        "RETURN type(x) AS type, a.id AS head, b.id AS tail, did AS doc_id",
    # what the review page's weak queue reads instead of every recommendation's links (kg/load.py)
    "a recommendation's `matched` says whether a link to an indicator rests on matched terms":
        "MATCH (r:Recommendation) WHERE r.matched IS NOT NULL "
        "AND r.matched <> EXISTS { MATCH (r)-[a:ADDRESSES]->(:Indicator) WHERE a.matched } RETURN r.id AS id",
    "every recommendation has evidence passages":
        "MATCH (r:Recommendation) WHERE NOT EXISTS { (r)-[:SUPPORTED_BY]->(:Passage) } "
        "RETURN r.id AS id, r.text AS text",
    "no orphan passages":
        "MATCH (p:Passage) WHERE NOT EXISTS { (p)-[:PART_OF]->(:Document) } RETURN p.id AS id",
    "no duplicate ids":
        "MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id, c",
    "every node has an id and a name":
        "MATCH (n) WHERE n.id IS NULL OR n.name IS NULL RETURN labels(n) AS labels, n.id AS id",
}


def _recommendation_spans(store: GraphStore) -> list[dict[str, Any]]:
    """Every recommendation's span equals its text (documents joined by id in Python)."""
    texts = {r["id"]: r["text"] for r in store.read("MATCH (d:Document) RETURN d.id AS id, d.text AS text")}
    bad = []
    for r in store.read("MATCH (r:Recommendation) RETURN r.id AS id, r.doc_id AS doc, r.start AS start, "
                        "r.`end` AS stop, r.text AS text"):
        text = texts.get(r["doc"])
        if text is None or text[r["start"]:r["stop"]] != r["text"]:
            bad.append({"id": r["id"], "text": r["text"]})
    return bad


def _relationship_evidence(store: GraphStore) -> list[dict[str, Any]]:
    """Every extracted relationship names an evidence passage that contains its span."""
    passages = {r["id"]: (r["start"], r["stop"]) for r in
                store.read("MATCH (p:Passage) RETURN p.id AS id, p.start AS start, p.`end` AS stop")}
    bad = []
    for r in store.read("MATCH (a)-[x]->(b) WHERE type(x) IN $types RETURN type(x) AS type, a.id AS head, "
                        "b.id AS tail, x.evidence AS evidence, x.start AS start, x.`end` AS stop",
                        {"types": list(EVIDENCED_TYPES)}):
        span = passages.get(r["evidence"])
        if span is None or r["start"] is None or r["stop"] is None or r["start"] < span[0] or r["stop"] > span[1]:
            bad.append({"type": r["type"], "head": r["head"], "tail": r["tail"], "evidence": r["evidence"]})
    return bad


PYTHON_CHECKS: dict[str, Callable[[GraphStore], list[dict[str, Any]]]] = {
    "every recommendation span equals its text": _recommendation_spans,
    "every extracted relationship has evidence": _relationship_evidence,
    "support links equal a recount (EVIDENCED_BY, SAME_MEASURE)": stale_support,
    "counts kept in the graph equal a recount (coverage per indicator; per entity: documents per direction, "
    "mentions, neighbours; per document: cites; per policy: its documents)": stale_counts,
}


@dataclass
class CheckResult:
    name: str
    violations: int
    sample: list[dict[str, Any]] = field(default_factory=list)
    report_only: bool = False  # reported, never a failure (e.g. orphaned review decisions)

    @property
    def ok(self) -> bool:
        return self.violations == 0 or self.report_only


def run_checks(store: GraphStore) -> list[CheckResult]:
    results = []
    for name, query in CHECKS.items():
        rows = store.read(query)
        results.append(CheckResult(name=name, violations=len(rows), sample=rows[:5]))
    for name, check in PYTHON_CHECKS.items():
        rows = check(store)
        results.append(CheckResult(name=name, violations=len(rows), sample=rows[:5]))
    gone = [{"fact_key": d.fact_key, "status": d.status, "kind": d.kind, "text": d.text[:60]} for d in orphaned(store)]
    results.append(CheckResult(name="review decisions whose fact is gone (orphaned: kept, not applied)",
                               violations=len(gone), sample=gone[:5], report_only=True))
    return results
