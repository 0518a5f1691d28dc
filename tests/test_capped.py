"""The pages' bounded reads (issue 13, "Pages at a million nodes"): each named query a page uses on a big
graph reads at most what it shows, and says when there is more — on both stores. Caps are passed small
here, so the small fixture graph has more than the cap; nothing here times anything."""
from __future__ import annotations

import pytest

from kg import queries
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


def test_a_hub_mentioned_in_more_documents_than_the_cap_is_marked_capped(graph):
    hub, documents = _most_mentioned(graph)
    assert documents >= 2, "the fixture needs an entity mentioned in two documents"
    whole = queries.run(graph, "entity_neighbours", entity_id=hub, labels="Document", rels="MENTIONED_IN", limit=100)
    assert whole[0]["capped"] is False and whole[0]["total"] == documents == len(whole)
    cap = documents - 1
    capped = queries.run(graph, "entity_neighbours", entity_id=hub, labels="Document", rels="MENTIONED_IN",
                         limit=100, cap=cap)
    assert capped[0]["capped"] is True
    # cap + 1 documents read (one more than the cap, to know there are more), and no more
    assert capped[0]["total"] == cap + 1 == dict(map(tuple, capped[0]["label_totals"]))["Document"]
    assert len(capped) == cap + 1 and {r["neighbour_id"] for r in capped} <= {r["neighbour_id"] for r in whole}
    # a cap that holds them all: the same rows as without one
    assert queries.run(graph, "entity_neighbours", entity_id=hub, labels="Document", rels="MENTIONED_IN",
                       limit=100, cap=documents) == whole


def test_the_explore_page_writes_a_capped_count_with_a_plus():
    """The count shown for a capped read: the cap (the extra document read only says there are more) and "+"."""
    import ast
    from pathlib import Path

    source = (Path(__file__).resolve().parent.parent / "dashboards" / "views" / "explore.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    func = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "counted")
    scope: dict = {"MENTION_CAP": 1000}
    exec(compile(ast.Module(body=[func], type_ignores=[]), "explore.py", "exec"), scope)  # noqa: S102
    assert scope["counted"](1001, True) == "1,000+"
    assert scope["counted"](1234, False) == "1,234"


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
    every = queries.run(graph, "citation_lineage", limit=1000)
    citing = {r["doc_id"] for r in every}
    assert len(citing) >= 2, "the fixture needs two citing documents"
    assert {r["citing_documents"] for r in every} == {len(citing)}
    latest = max(citing, key=lambda d: (next(r["date"] or "" for r in every if r["doc_id"] == d), d))
    one = queries.run(graph, "citation_lineage", limit=1)
    assert {r["doc_id"] for r in one} == {latest} and one[0]["citing_documents"] == len(citing)
    assert sorted(map(str, one)) == sorted(str(r) for r in every if r["doc_id"] == latest)


def test_the_entity_list_is_the_most_mentioned_first_with_the_label_total(graph):
    label = "Society"  # the fixture has one society: a second, never mentioned, comes after it
    graph.write("CREATE (:Entity:Society {id: 'soc-capped-test', label: 'Society', name: '未被提及学会', "
                "mention_count: 0})")
    every = queries.run(graph, "entity_list", label=label, limit=1000)
    assert len(every) >= 2 and all(r["total"] == len(every) for r in every) and every[-1]["id"] == "soc-capped-test"
    assert [r["mentions"] for r in every] == sorted((r["mentions"] for r in every), reverse=True)
    one = queries.run(graph, "entity_list", label=label, limit=1)
    assert one == every[:1]


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
