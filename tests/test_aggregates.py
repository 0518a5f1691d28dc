"""The counts kept in the graph (kg/aggregates.py, issue 13): equal to a recount after any order of
ingest, re-ingest, windows and removal, and after review decisions, on both stores; `kg check`
reports a count that differs."""
from __future__ import annotations

import random

from kg import aggregates, queries
from kg.check import run_checks
from kg.load import delete_documents, load_facts, load_window
from kg.review import Decision, clear_decision, set_decision

CHECK = "counts kept in the graph equal a recount (coverage per indicator; per entity: documents per direction, mentions)"


def kept(store) -> dict[str, tuple[int, int, int]]:
    return {r["code"]: (r["recommendations"], r["weak"], r["evidence"]) for r in store.read(aggregates.STORED)}


def recounted(store) -> dict[str, tuple[int, int, int]]:
    """The coverage counts from scratch; asserts on the way that every kept count (the entities'
    documents per direction too) equals its recount."""
    assert aggregates.stale(store) == []
    return {r["code"]: (r["recommendations"], r["weak"], r["evidence"]) for r in store.read(aggregates.RECOUNT)}


def entity_directions(store) -> dict[str, tuple[int, ...]]:
    return {r["id"]: tuple(r[k] for k in aggregates.ENTITY_FIELDS) for r in store.read(aggregates.ENTITY_STORED)}


def _docs(seed_facts, n: int = 40) -> list:
    """The guide, then `n` documents with recommendations."""
    return [seed_facts[0]] + [f for f in seed_facts[1:] if f.recommendations][:n]


def test_counts_equal_a_recount_whatever_the_order_of_ingest_re_ingest_and_removal(store, seed_facts):
    guide, *docs = _docs(seed_facts)
    load_facts(store, [guide])
    rng = random.Random(13)
    order = docs[:]
    rng.shuffle(order)
    for i in range(0, len(order), 7):  # batches of 7, in a random order
        load_facts(store, order[i:i + 7])
    full, entities = kept(store), entity_directions(store)
    assert full == recounted(store)
    assert any(sum(v) for v in entities.values())
    assert sum(v[0] for v in full.values()) > 0 and sum(v[2] for v in full.values()) > 0
    assert aggregates.stale(store) == []

    # re-ingest (the same facts, in other batches), then remove some and ingest them again
    load_facts(store, order[5:20])
    load_facts(store, order[:3] + order[30:])
    assert kept(store) == full
    gone = order[10:25]
    years = {r["id"]: (r["first_year"], r["last_year"]) for r in store.read(
        "MATCH (e:Entity) RETURN e.id AS id, e.first_year AS first_year, e.last_year AS last_year")}
    delete_documents(store, [f.document.id for f in gone])
    assert kept(store) == recounted(store) != full
    assert aggregates.stale(store) == []  # documents, years (recounted where mentions went), directions, mentions
    narrowed = {r["id"]: (r["first_year"], r["last_year"]) for r in store.read(
        "MATCH (e:Entity) RETURN e.id AS id, e.first_year AS first_year, e.last_year AS last_year")}
    assert any(narrowed.get(e) not in (None, y) for e, y in years.items() if y != (None, None))  # some shrank
    for f in reversed(gone):
        load_facts(store, [f])
    assert kept(store) == full == recounted(store) and entity_directions(store) == entities
    # a document written window by window (as a long document is) counts once
    f = max(docs, key=lambda f: len(f.recommendations))
    k = len(f.recommendations) // 2
    load_window(store, f.model_copy(update={"recommendations": f.recommendations[:k]}), first=True, last=False)
    assert kept(store) != full  # half-written, the document counts nothing until its last window
    load_window(store, f.model_copy(update={"recommendations": f.recommendations[k:], "passages": [], "mentions": [],
                                            "relations": [], "entities": [], "guide_items": []}),
                first=False, last=True)
    assert kept(store) == recounted(store) == full and aggregates.stale(store) == []
    delete_documents(store, [x.document.id for x in docs])
    assert kept(store) == recounted(store) and all(v == (0, 0, 0) for v in kept(store).values())


def test_review_decisions_move_the_counts_and_the_coverage_query_reads_them(store, seed_facts):
    guide, *docs = _docs(seed_facts, 25)
    load_facts(store, [guide])
    load_facts(store, docs)
    before = queries.run(store, "coverage")
    # a recommendation that covers an indicator, rejected: it stops counting
    row = store.read("MATCH (r:Recommendation)-[a:ADDRESSES]->(i:Indicator) WHERE a.matched "
                     "RETURN r.fact_key AS key, i.code AS code ORDER BY r.id LIMIT 1")[0]
    set_decision(store, Decision(fact_key=row["key"], status="rejected", by="test"))
    after = {r["indicator"]: r for r in queries.run(store, "coverage")}
    was = {r["indicator"]: r for r in before}
    assert after[row["code"]]["recommendations"] == was[row["code"]]["recommendations"] - 1
    assert kept(store) == recounted(store)
    # a rejected link (ADDRESSES) alone, then both decisions cleared
    link = store.read("MATCH (:Recommendation)-[a:ADDRESSES]->(:Indicator) WHERE NOT a.matched "
                      "RETURN a.fact_key AS key ORDER BY a.fact_key LIMIT 1")
    if link:
        set_decision(store, Decision(fact_key=link[0]["key"], status="rejected", by="test"))
        assert kept(store) == recounted(store)
        clear_decision(store, link[0]["key"])
    clear_decision(store, row["key"])
    assert queries.run(store, "coverage") == before


def test_kg_check_reports_a_kept_count_that_differs_from_a_recount(store, seed_facts):
    guide, *docs = _docs(seed_facts, 10)
    load_facts(store, [guide])
    load_facts(store, docs)
    assert next(r for r in run_checks(store) if r.name == CHECK).ok
    store.write("MATCH (i:Indicator {code: '1.1'}) SET i.coverage_recommendations = 999")
    result = next(r for r in run_checks(store) if r.name == CHECK)
    assert not result.ok and result.sample[0]["indicator"] == "1.1" and result.sample[0]["kept"] == 999
    store.write("MATCH (i:Indicator {code: '1.1'}) SET i.coverage_recommendations = null")
    entity = store.read("MATCH (e:Entity) WHERE e.direction_documents_1 > 0 RETURN e.id AS id LIMIT 1")[0]["id"]
    store.write("MATCH (e:Entity {id: $id}) SET e.direction_documents_1 = 0", {"id": entity})
    result = next(r for r in run_checks(store) if r.name == CHECK)
    assert not result.ok and {"entity": entity, "count": "direction_documents_1", "kept": 0}.items() <= next(
        r for r in aggregates.stale(store) if r.get("entity") == entity).items()
    # a graph written before the counts were kept: a recount sets them
    store.write("MATCH (i:Indicator) REMOVE i.coverage_recommendations, i.coverage_weak, i.coverage_evidence")
    store.write("MATCH (e:Entity) REMOVE e.direction_documents_1, e.direction_documents_2")
    aggregates.write_recount(store)
    assert aggregates.stale(store) == [] and kept(store) == recounted(store)


def test_a_graph_written_before_the_counts_were_kept_is_counted_once_by_the_next_ingest(store, seed_facts, tmp_path):
    from kg.ingest import ingest

    guide, *docs = _docs(seed_facts, 10)
    load_facts(store, [guide] + docs)
    full = kept(store)
    # what a graph of an earlier version holds: no kept counts at all
    store.write_all([("MATCH (i:Indicator) REMOVE i.coverage_recommendations, i.coverage_weak, i.coverage_evidence", {}),
                     ("MATCH (e:Entity) REMOVE " + ", ".join(f"e.{p}" for p in aggregates.ENTITY_PROPERTY.values()), {})])
    assert aggregates.missing(store) and aggregates.stale(store)
    report = ingest(store, [])  # an ingest of nothing new still counts them
    assert not aggregates.missing(store) and aggregates.stale(store) == [] and kept(store) == full
    assert any("counted the kept page counts" in w for w in report.warnings)
    assert not ingest(store, []).warnings  # once


def test_a_long_document_s_entity_counts_summed_window_by_window_equal_a_recount(store, seed_facts):
    guide, *docs = _docs(seed_facts, 5)
    load_facts(store, [guide] + docs[1:])
    f = docs[0]
    half = len(f.mentions) // 2
    counts = aggregates.EntityCounts()
    load_window(store, f.model_copy(update={"mentions": f.mentions[:half], "relations": []}), first=True, last=False,
                counts=counts)
    load_window(store, f.model_copy(update={"mentions": f.mentions[half:], "passages": [], "relations": [],
                                            "recommendations": [], "guide_items": []}),
                first=False, last=True, counts=counts)
    assert aggregates.stale(store) == [] and not aggregates.missing(store)
