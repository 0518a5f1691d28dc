"""What relationships keep (kg/load.py, "What a relationship keeps"; issue 13, memory): only what
nothing else holds, the rest read from their ends — the same on both stores; a graph written before
answers the same and is trimmed once by the next `kg ingest`."""
from __future__ import annotations

from kg import queries
from kg.check import run_checks
from kg.load import load_facts, obsolete
from kg.review import describe
from schema.vocabulary import EVIDENCED_TYPES

# the properties each relationship type may keep now
KEPT = {
    "MENTIONS": {"start", "end", "source", "fact_key", "generic"},
    "SUPPORTED_BY": set(),
    "CONCERNS": set(),
    "PART_OF": set(),
    "ADDRESSES": {"score", "terms", "code", "matched", "fact_key"},
    **{t: {"evidence", "start", "end", "extractor", "confidence", "doc_id", "year", "fact_key"} for t in EVIDENCED_TYPES},
}

# what a graph of an earlier version kept besides (derived here from the graph itself)
OLD_GRAPH = [
    "MATCH (p:Passage)-[m:MENTIONS]->(e) SET m.text = substring(p.text, m.start - p.start, m.`end` - m.start), "
    "m.label = coalesce(e.label, head([l IN labels(e) WHERE l <> 'Entity'])), m.doc_id = p.doc_id",
    "MATCH ()-[m:MENTIONS]->() WHERE m.generic IS NULL SET m.generic = false",
    "MATCH (r:Recommendation)-[x:SUPPORTED_BY]->() SET x.start = r.start, x.`end` = r.`end`, x.doc_id = r.doc_id",
    "MATCH (r:Recommendation)-[x:CONCERNS]->() SET x.doc_id = r.doc_id",
    "MATCH (r:Recommendation)-[x:ADDRESSES]->() SET x.doc_id = r.doc_id",
    "MATCH (a)-[x]->(b) WHERE x.evidence IS NOT NULL SET x.head_text = a.name, x.tail_text = b.name",
    "MATCH ()-[x]->() WHERE x.year IS NOT NULL REMOVE x.year",  # and no year on its facts
    "MATCH (r:Recommendation) REMOVE r.matched",  # nor whether a recommendation's indicator links matched
]


def _docs(seed_facts, n: int = 12) -> list:
    return [seed_facts[0]] + [f for f in seed_facts[1:] if f.recommendations][:n]


def _keys(store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in store.read("MATCH ()-[x]->() RETURN type(x) AS type, x"):
        out.setdefault(row["type"], set()).update(k for k in row["x"] if not k.startswith("_"))
    return out


def _views(store) -> dict[str, list]:
    """What the pages read of mentions: a document's passages, a recommendation's evidence highlights."""
    doc = store.read("MATCH (p:Passage)-[:MENTIONS]->() WITH p LIMIT 1 RETURN p.doc_id AS id")[0]["id"]
    rec = store.read("MATCH (r:Recommendation)-[:SUPPORTED_BY]->(:Passage)-[:MENTIONS]->() "
                     "RETURN r.id AS id ORDER BY id LIMIT 1")[0]["id"]
    return {"document_passages": queries.run(store, "document_passages", doc_id=doc),
            "passage_mentions": queries.run(store, "passage_mentions", rec_id=rec),
            "review_names": queries.run(store, "review_names", limit=200)}


def test_relationships_keep_only_what_nothing_else_holds(store, seed_facts):
    load_facts(store, _docs(seed_facts))
    keys = _keys(store)
    assert {"MENTIONS", "SUPPORTED_BY", "CONCERNS", "PART_OF", "ADDRESSES"} <= set(keys)
    for rtype, kept in keys.items():
        assert kept <= KEPT.get(rtype, set()), (rtype, kept - KEPT.get(rtype, set()))  # a type not listed keeps nothing
    assert not obsolete(store)
    # a mention's text and label are read from its passage and its entity
    for m in _views(store)["passage_mentions"]:
        assert m["text"] and m["label"] and m["end"] > m["start"]
    passage = store.read("MATCH (p:Passage)-[m:MENTIONS]->(e:Entity) RETURN p.text AS text, p.start AS ps, "
                         "m.start AS start, m.`end` AS stop, m.fact_key AS key, e.label AS label ORDER BY key LIMIT 1")[0]
    assert describe(store, passage["key"]) == ("MENTIONS", passage["text"][passage["start"] - passage["ps"]:
                                                                          passage["stop"] - passage["ps"]])
    assert all(r.ok for r in run_checks(store))


def test_a_graph_written_before_answers_the_same_and_is_trimmed_once_by_the_next_ingest(store, seed_facts):
    from kg.ingest import ingest

    load_facts(store, _docs(seed_facts))
    ingest(store, [])  # the support links, as `kg ingest` leaves a graph
    fresh, views = store.content_digest(), _views(store)
    store.write_all([(q, {}) for q in OLD_GRAPH])
    assert obsolete(store) and store.content_digest() != fresh
    assert _views(store) == views and all(r.ok for r in run_checks(store))
    report = ingest(store, [])
    assert any("no longer keeps" in w for w in report.warnings)
    assert store.content_digest() == fresh and not obsolete(store)
    assert not any("no longer keeps" in w for w in ingest(store, []).warnings)  # once
