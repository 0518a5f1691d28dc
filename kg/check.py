"""`kg check`: the invariants of DESIGN.md, verified on either store.

Each check is a read-only query returning the violating rows; an empty result means it holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.stores.base import GraphStore

# relationship types that are extracted facts and so must carry evidence
EVIDENCED_TYPES = ("BRANCH_OF", "PARTY_ORG_OF", "SUPERVISED_BY", "RUNS", "UNDERTAKES", "ISSUED", "CITES",
                   "HAS_CONTENT", "HAS_INDICATOR", "INSTANCE_OF")

CHECKS: dict[str, str] = {
    "passage text equals its span of the document":
        "MATCH (p:Passage)-[:PART_OF]->(d:Document) "
        "WHERE substring(d.text, p.start, p.`end` - p.start) <> p.text "
        "RETURN p.id AS id, p.text AS text",
    "every mention span equals its text":
        "MATCH (p:Passage)-[m:MENTIONS]->(e) MATCH (p)-[:PART_OF]->(d:Document) "
        "WHERE substring(d.text, m.start, m.`end` - m.start) <> m.text "
        "OR m.start < p.start OR m.`end` > p.`end` "
        "RETURN p.id AS passage, m.start AS start, m.text AS text",
    "every recommendation span equals its text":
        "MATCH (r:Recommendation) MATCH (d:Document {id: r.doc_id}) "
        "WHERE substring(d.text, r.start, r.`end` - r.start) <> r.text "
        "RETURN r.id AS id, r.text AS text",
    "every recommendation has evidence passages":
        "MATCH (r:Recommendation) WHERE NOT EXISTS { (r)-[:SUPPORTED_BY]->(:Passage) } "
        "RETURN r.id AS id, r.text AS text",
    # (kglite 0.21.2 mis-evaluates `EXISTS { (p {id: x.prop}) }` with an outer relationship's
    # property inside the pattern map, so this is written with OPTIONAL MATCH, fine on both)
    "every extracted relationship has evidence":
        "MATCH (a)-[x]->(b) WHERE type(x) IN $types "
        "OPTIONAL MATCH (p:Passage) WHERE p.id = x.evidence "
        "WITH a, x, b, p WHERE p IS NULL OR x.start < p.start OR x.`end` > p.`end` "
        "RETURN type(x) AS type, a.id AS head, b.id AS tail, x.evidence AS evidence",
    "no orphan passages":
        "MATCH (p:Passage) WHERE NOT EXISTS { (p)-[:PART_OF]->(:Document) } RETURN p.id AS id",
    "no duplicate ids":
        "MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id, c",
    "every node has an id and a name":
        "MATCH (n) WHERE n.id IS NULL OR n.name IS NULL RETURN labels(n) AS labels, n.id AS id",
}


@dataclass
class CheckResult:
    name: str
    violations: int
    sample: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.violations == 0


def run_checks(store: GraphStore) -> list[CheckResult]:
    results = []
    for name, query in CHECKS.items():
        rows = store.read(query, {"types": list(EVIDENCED_TYPES)})
        results.append(CheckResult(name=name, violations=len(rows), sample=rows[:5]))
    return results
