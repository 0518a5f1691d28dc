"""The pages' bounded reads (issue 13, "Pages at a million nodes"): each named query a page uses on a big
graph reads at most what it shows, and says when there is more — on both stores. Caps are passed small
here, so the small fixture graph has more than the cap; nothing here times anything."""
from __future__ import annotations

import pytest

from kg import aggregates, queries
from kg.load import load_facts
from kg.support import update_support
from tests.fixture_graph import corpus_facts


@pytest.fixture
def graph(store):
    load_facts(store, corpus_facts())
    update_support(store)
    return store


def _most_mentioned(store) -> tuple[str, int]:
    """The entity mentioned in the most documents, and how many."""
    row = store.read("MATCH (e:Entity)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document) "
                     "WITH e, count(DISTINCT d) AS n RETURN e.id AS id, n ORDER BY n DESC, id LIMIT 1")[0]
    return row["id"], row["n"]


def test_a_hub_s_documents_are_counted_exactly_and_listed_up_to_the_cap(graph):
    """The documents that mention an entity are counted at every write (kg/aggregates.py), so the count is
    exact even when only `cap` of them are read to be listed (`capped`) — for every direction too."""
    hub, documents = _most_mentioned(graph)
    assert documents >= 2, "the fixture needs an entity mentioned in two documents"
    whole = queries.run(graph, "entity_neighbours", entity_id=hub, labels="Document", rels="MENTIONED_IN", limit=100)
    assert whole[0]["capped"] is False and whole[0]["total"] == documents == len(whole)
    cap = documents - 1
    capped = queries.run(graph, "entity_neighbours", entity_id=hub, labels="Document", rels="MENTIONED_IN",
                         limit=100, cap=cap)
    assert capped[0]["capped"] is True
    assert capped[0]["total"] == documents == dict(map(tuple, capped[0]["label_totals"]))["Document"]
    assert len(capped) == cap and {r["neighbour_id"] for r in capped} <= {r["neighbour_id"] for r in whole}
    # a cap that holds them all: the same rows as without one
    assert queries.run(graph, "entity_neighbours", entity_id=hub, labels="Document", rels="MENTIONED_IN",
                       limit=100, cap=documents) == whole
    for direction in (1, 2, 3, 4):  # of one direction: all of them counted, whichever were read
        n = graph.read("MATCH (:Entity {id: $id})<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document) "
                       "WHERE $x IN d.directions RETURN count(DISTINCT d) AS n", {"id": hub, "x": direction})[0]["n"]
        rows = queries.run(graph, "entity_neighbours", entity_id=hub, labels="Document", rels="MENTIONED_IN",
                           direction=direction, limit=100, cap=1)
        assert (rows[0]["total"] if rows else 0) == n and len(rows) <= 1
        assert not rows or rows[0]["capped"] == (n > 1)


def test_a_hub_s_rows_leave_out_nothing_that_comes_before_the_limit(graph):
    """The recommendations and documents are read only as far as the rows before them leave room: the
    first `limit` rows are those of the whole list, whatever the limit."""
    hub, _ = _most_mentioned(graph)
    every = queries.run(graph, "entity_neighbours", entity_id=hub, limit=10000)
    assert "Document" in {r["neighbour_label"] for r in every} and len(every) == every[0]["total"]
    for limit in (1, 2, 3, 5, 8, 13, len(every) - 1):
        assert queries.run(graph, "entity_neighbours", entity_id=hub, limit=limit) == every[:limit]


def test_the_recommendation_picker_holds_at_most_limit_and_its_filter_finds_one_beyond(graph):
    every = queries.run(graph, "recommendations_by_indicator", direction="1", limit=1000)
    assert len({r["rec_id"] for r in every}) >= 2, "the fixture needs two recommendations of direction 1"
    assert all(r["total"] == len({x["rec_id"] for x in every}) for r in every)
    first = queries.run(graph, "recommendations_by_indicator", direction="1", limit=1)
    assert len({r["rec_id"] for r in first}) == 1 and first[0]["rec_id"] == every[0]["rec_id"]
    assert first[0]["total"] == every[0]["total"]  # the page can say "the 1 strongest of N"
    beyond = next(r for r in every if r["rec_id"] != first[0]["rec_id"])
    found = queries.run(graph, "recommendations_by_indicator", direction="1", limit=1, text=beyond["recommendation"])
    assert [r["rec_id"] for r in found] == [beyond["rec_id"]]
    assert queries.run(graph, "recommendations_by_indicator", direction="1", text="没有这样的建议文字") == []


def test_the_lineage_draws_the_most_recent_citing_documents_and_counts_them_all(graph):
    # every dated document that cites nothing cites the fixture's policy too (the fixture has one citing document)
    graph.write("MATCH (p:Entity)<-[:CITES]-(:Document) WITH DISTINCT p LIMIT 1 "
                "MATCH (d:Document) WHERE d.date IS NOT NULL AND NOT d:Guide AND NOT EXISTS { MATCH (d)-[:CITES]->() } "
                "CREATE (d)-[:CITES]->(p)")
    aggregates.write_recount(graph)  # the counts the loader keeps (`cites`), for citations written by hand
    every = queries.run(graph, "citation_lineage", limit=1000)
    citing = {r["doc_id"] for r in every}
    assert len(citing) >= 2, "the fixture needs two citing documents"
    assert {r["citing_documents"] for r in every} == {len(citing)}
    latest = max(citing, key=lambda d: (next(r["date"] or "" for r in every if r["doc_id"] == d), d))
    one = queries.run(graph, "citation_lineage", limit=1)
    assert {r["doc_id"] for r in one} == {latest} and one[0]["citing_documents"] == len(citing)
    assert sorted(map(str, one)) == sorted(str(r) for r in every if r["doc_id"] == latest)


def test_the_entity_list_is_instances_then_kinds_the_most_mentioned_first_with_the_label_total(graph):
    label = "Society"  # the fixture has one society: a second, never mentioned, comes after it; a generic kind
    # (泛称), mentioned more than any, after both
    graph.write("CREATE (:Entity:Society {id: 'soc-capped-test', label: 'Society', name: '未被提及学会', "
                "mention_count: 0})")
    graph.write("CREATE (:Entity:Society {id: 'soc-kind-test', label: 'Society', name: '全国学会', generic: true, "
                "mention_count: 999})")
    every = queries.run(graph, "entity_list", label=label, limit=1000)
    assert len(every) >= 3 and all(r["total"] == len(every) for r in every)
    assert [r["id"] for r in every[-2:]] == ["soc-capped-test", "soc-kind-test"]
    instances = [r["mentions"] for r in every if not r["generic"]]
    assert instances == sorted(instances, reverse=True)
    one = queries.run(graph, "entity_list", label=label, limit=1)
    assert one == every[:1] and not one[0]["generic"]


def test_review_queues_stop_at_their_limit(graph):
    for queue in ("weak", "support"):
        every = queries.run(graph, "review_queue", queue=queue, limit=1000)
        assert queries.run(graph, "review_queue", queue=queue, limit=1) == every[:1]


def test_entity_facts_stop_at_their_limit(graph):
    hub = graph.read("MATCH (e:Entity)-[x:BRANCH_OF|PARTY_ORG_OF|SUPERVISED_BY|RUNS|UNDERTAKES|ISSUED]-(:Entity) "
                     "WITH e, count(x) AS n RETURN e.id AS id ORDER BY n DESC, id LIMIT 1")[0]["id"]
    every = queries.run(graph, "entity_facts", entity_id=hub, limit=1000)
    assert len(every) >= 2
    assert len(queries.run(graph, "entity_facts", entity_id=hub, limit=1)) == 1
