"""The counts kept in the graph (kg/aggregates.py, issue 13): equal to a recount after any order of
ingest, re-ingest, windows and removal, and after review decisions, on both stores; `kg check`
reports a count that differs."""
from __future__ import annotations

import random

from kg import aggregates, queries
from kg.check import run_checks
from kg.load import delete_documents, load_facts, load_window
from kg.review import Decision, clear_decision, set_decision

CHECK = ("counts kept in the graph equal a recount (coverage per indicator; per entity: documents per direction, "
         "mentions, neighbours; per document: cites; per policy: its documents)")


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


def _titled(key: str, title: str, cites: list[str], date: str = "2020-01-01"):
    """A document titled `title` citing each of `cites` (tests/test_queries.py's fixture)."""
    from tests.test_queries import _citing

    facts = _citing(key, title, cites) if cites else None
    if facts is None:
        from schema.model import Facts
        from tests.fixture_graph import _doc, _passages

        doc = _doc(key, title, "policy", "正文。", date, (1,))
        return Facts(document=doc, passages=tuple(_passages(doc)))
    return facts


def _policy_documents(store) -> dict[str, list[str]]:
    return {r["name"]: sorted(r["documents"] or []) for r in store.read(
        "MATCH (p:Entity) WHERE p.label = 'Policy' RETURN p.name AS name, p.documents AS documents")}


def test_documents_keep_their_citations_and_policies_the_documents_that_are_them(store):
    """`cites` (policies a document cites that name one policy) and a Policy entity's `documents` (the
    documents whose title is its name or quotes it in 《》) follow every write: a document ingested
    before or after the policy is first cited, a title that changes, a removal; kg check recounts both."""
    real = "关于进一步加强中国科协所属学会党委建设的指导意见"
    other = "关于深化人才发展体制机制改革的意见"
    itself = _titled("b", real, [])  # the policy's own document, before anything cites it
    load_facts(store, [itself])
    assert _policy_documents(store) == {}  # no Policy entity yet
    citing = _titled("a", "江西省科协关于学会党建的通知", [real, "意见"])
    load_facts(store, [citing])
    # the policy is new to the graph: its list comes from the documents already there
    assert _policy_documents(store)[real] == [itself.document.id]
    report = _titled("c", f"关于印发《{real}》和《{other}》的通知", [other])
    load_facts(store, [report])
    assert _policy_documents(store) == {real: sorted([itself.document.id, report.document.id]),
                                        other: [report.document.id], "意见": []}
    cites = {r["id"]: r["cites"] for r in store.read("MATCH (d:Document) RETURN d.id AS id, d.cites AS cites")}
    assert cites == {itself.document.id: 0, citing.document.id: 1, report.document.id: 1}  # 《意见》 names none
    assert aggregates.stale(store) == []
    # the report's title changes: it no longer reports `real`
    renamed = report.model_copy(update={"document": report.document.model_copy(update={"title": "另一个通知"})})
    load_facts(store, [renamed])
    assert _policy_documents(store)[real] == [itself.document.id] and _policy_documents(store)[other] == []
    delete_documents(store, [itself.document.id])
    assert _policy_documents(store)[real] == [] and aggregates.stale(store) == []
    # kg check reports a kept list or count that differs from a recount; a recount sets them again
    store.write("MATCH (d:Document {id: $id}) SET d.cites = 7", {"id": citing.document.id})
    store.write("MATCH (p:Entity {name: $name}) SET p.documents = ['doc-nope']", {"name": other})
    counts = [(r.get("count"), r.get("kept")) for r in aggregates.stale(store)]
    assert ("cites", 7) in counts and ("documents", ["doc-nope"]) in counts
    assert not next(r for r in run_checks(store) if r.name == CHECK).ok
    aggregates.write_recount(store)
    assert aggregates.stale(store) == []


def test_a_graph_written_before_citations_were_kept_is_counted_once_by_the_next_ingest(store):
    from kg.ingest import ingest

    real = "关于进一步加强中国科协所属学会党委建设的指导意见"
    load_facts(store, [_titled("b", real, []), _titled("a", "江西省科协关于学会党建的通知", [real])])
    store.write_all([("MATCH (d:Document) REMOVE d.cites", {}), ("MATCH (p:Entity) REMOVE p.documents", {})])
    assert aggregates.missing(store) and aggregates.stale(store)
    report = ingest(store, [])
    assert not aggregates.missing(store) and aggregates.stale(store) == []
    assert any("counted the kept page counts" in w for w in report.warnings)
    assert _policy_documents(store)[real] == [_titled("b", real, []).document.id]


def test_the_lineage_filter_is_the_one_the_kept_citations_count():
    """citation_lineage keeps the citations of policies that name one policy (CITABLE) and finds its citing
    documents by the count of exactly those (`cites`): one definition, written out in the query."""
    for name in ("citation_lineage", "document_citations"):  # the lineage and the reader count the same citations
        text = " ".join(queries.library()[name].cypher.split())
        assert " ".join(aggregates.CITABLE.split()) in text, name
    assert " ".join(aggregates.TITLE_NAMES.split()) in " ".join(queries.library()["document_citations"].cypher.split())


def test_title_names_in_python_and_in_cypher_agree(store):
    titles = ["关于印发《关于A的意见》和《B办法》的通知", "《C》", "无书名号", "《未闭合", "》反《D》", "", "《》"]
    for i, title in enumerate(titles):
        store.write("CREATE (:Document {id: $id, title: $title})", {"id": f"t{i}", "title": title})
    rows = store.read(f"MATCH (d:Document) RETURN d.id AS id, d.title AS title, {aggregates.TITLE_NAMES} AS names")
    assert len(rows) == len(titles)
    for r in rows:
        assert r["names"] == aggregates.title_names(r["title"]), r["title"]


def _neighbours(store, entity_id: str) -> list[str]:
    return sorted(store.read("MATCH (e:Entity {id: $id}) RETURN e.neighbours AS n", {"id": entity_id})[0]["n"] or [])


def test_entities_keep_the_entities_they_state_facts_with_through_writes_removals_and_reviews(store, seed_facts):
    """`neighbours` (one "TYPE|way|id" for every entity an entity states a fact with, rejected facts left out)
    follows ingest, re-ingest, removal and review decisions, and kg check recounts it."""
    guide, *docs = _docs(seed_facts, 30)
    load_facts(store, [guide] + docs)
    assert aggregates.stale(store) == []
    hub = store.read(f"MATCH (e:Entity)-[x:{'|'.join(aggregates.NEIGHBOUR_TYPES)}]-(:Entity) "
                     "WITH e, count(x) AS n RETURN e.id AS id ORDER BY n DESC, id LIMIT 1")[0]["id"]
    keys = _neighbours(store, hub)
    assert keys and all(k.split("|")[1] in ("out", "in") for k in keys)
    # every fact of one neighbour rejected: the key goes; the decisions cleared: it comes back
    rel, way, other = keys[0].split("|")
    pattern = f"(:Entity {{id: $hub}})-[x:{rel}]->(:Entity {{id: $other}})" if way == "out" else \
        f"(:Entity {{id: $hub}})<-[x:{rel}]-(:Entity {{id: $other}})"
    facts = [r["k"] for r in store.read(f"MATCH {pattern} RETURN DISTINCT x.fact_key AS k", {"hub": hub, "other": other})]
    for key in facts:
        set_decision(store, Decision(fact_key=key, status="rejected", by="test"))
    assert keys[0] not in _neighbours(store, hub) and aggregates.stale(store) == []
    for key in facts:
        clear_decision(store, key)
    assert _neighbours(store, hub) == keys and aggregates.stale(store) == []
    # the documents that state facts with the hub removed, then ingested again
    stating = [f for f in docs if any(hub in (r.head_id, r.tail_id) for r in f.relations)]
    delete_documents(store, [f.document.id for f in stating])
    assert aggregates.stale(store) == [] and _neighbours(store, hub) != keys
    load_facts(store, stating)
    assert _neighbours(store, hub) == keys and aggregates.stale(store) == []
    # kg check reports a kept list that differs; a graph without the lists is counted by the next ingest
    store.write("MATCH (e:Entity {id: $id}) SET e.neighbours = ['UNDERTAKES|out|nope']", {"id": hub})
    assert any(r.get("count") == "neighbours" and r["entity"] == hub for r in aggregates.stale(store))
    store.write("MATCH (e:Entity) REMOVE e.neighbours")
    assert aggregates.missing(store)
    from kg.ingest import ingest

    ingest(store, [])
    assert _neighbours(store, hub) == keys and aggregates.stale(store) == [] and not aggregates.missing(store)


def test_the_pages_read_the_relationship_types_the_kept_neighbours_are_made_of():
    """entity_neighbours, entity_facts and the kept `neighbours` name the same relationship types; a type of
    the vocabulary that joins two entities is among them (else a new fact type would not be drawn)."""
    import re

    from schema import vocabulary

    joins = {t for t, (heads, tails) in vocabulary.RELATION_SIGNATURES.items()
             if set(heads) & set(vocabulary.ENTITY_LABELS) and set(tails) & set(vocabulary.ENTITY_LABELS)}
    assert set(aggregates.NEIGHBOUR_TYPES) == joins
    text = queries.library()["entity_neighbours"].cypher
    typed = [set(m.split("|")) for m in re.findall(r"\[r:([A-Z_|]+)\]", text)]
    assert joins in typed and {"ISSUED", "CITES"} in typed
    evidence = re.search(r"\(m\)-\[r:([A-Z_|]+)\]", text).group(1)
    assert set(evidence.split("|")) == joins | {"CITES"}
