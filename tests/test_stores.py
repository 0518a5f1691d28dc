"""The store interface on both real stores: loading, idempotence, read-only enforcement, stats."""
from __future__ import annotations

import pytest

from kg.check import run_checks
from kg.load import delete_documents, ingested_documents, load_facts
from kg.stores.base import QueryError, ReadOnlyViolation
from tests.fixture_graph import all_facts, policy_facts


def test_load_is_idempotent(store):
    load_facts(store, all_facts())
    first = (store.stats(), store.content_digest())
    load_facts(store, all_facts())
    assert (store.stats(), store.content_digest()) == first
    assert first[0]["labels"]["Recommendation"] == 2
    assert first[0]["relationships"]["PARTY_ORG_OF"] == 1


def test_loaded_graph_satisfies_invariants(store):
    load_facts(store, all_facts())
    failed = [r for r in run_checks(store) if not r.ok]
    assert failed == []


def test_check_finds_a_fact_whose_end_its_passage_does_not_mention(store):
    """The reader finds a passage's facts among the pairs of the passage's own mentions, so a fact
    whose end is not mentioned in its evidence passage would be missing from it: `kg check` says so."""
    load_facts(store, all_facts())
    fact = store.read("MATCH (a:Entity)-[x:PARTY_ORG_OF]->(b:Entity) RETURN a.id AS head, x.evidence AS evidence")[0]
    name = "both ends of a fact between entities are mentioned in its evidence passage"
    assert [r.violations for r in run_checks(store) if r.name == name] == [0]
    store.write("MATCH (p:Passage {id: $evidence})-[m:MENTIONS]->(a:Entity {id: $head}) DELETE m", fact)
    found = [r for r in run_checks(store) if r.name == name]
    assert found[0].violations == 1 and found[0].sample[0]["head"] == fact["head"]


@pytest.mark.parametrize("name, breaking, expected", [
    # the list of a type's facts reads each statement's year from the relationship: compared with the document's
    ("every fact keeps its document and that document's year",
     "MATCH (:Entity)-[x:RUNS]->(:Entity) SET x.year = 1900", 1),
    # the review page's weak queue reads the flag kept on the recommendation
    ("a recommendation's `matched` says whether a link to an indicator rests on matched terms",
     "MATCH (r:Recommendation) SET r.matched = NOT r.matched", 2),
])
def test_check_finds_a_kept_value_that_differs_from_what_it_stands_for(store, name, breaking, expected):
    load_facts(store, all_facts())
    assert [r.violations for r in run_checks(store) if r.name == name] == [0]
    store.write(breaking)
    assert [r.violations for r in run_checks(store) if r.name == name] == [expected]


def test_document_counts_as_ingested_with_its_sha(store):
    load_facts(store, all_facts())
    docs = ingested_documents(store)
    facts = policy_facts()
    assert docs[facts.document.id]["sha256"] == facts.document.sha256


def test_delete_document_removes_its_facts_and_orphans(store):
    load_facts(store, all_facts())
    delete_documents(store, [policy_facts().document.id])
    labels = store.stats()["labels"]
    assert "Recommendation" not in labels
    assert "Society" not in labels  # mentioned only by the deleted document
    assert labels["ResearchDirection"] == 2  # the guide stays


@pytest.mark.parametrize("statement", [
    "CREATE (n:X) RETURN n",
    "MERGE (n:X {id: 'x'}) RETURN n",
    "MATCH (n:Document) SET n.title = 'x' RETURN n",
    "MATCH (n:Passage) DETACH DELETE n",
])
def test_reads_refuse_writes(store, statement):
    load_facts(store, all_facts())
    before = store.content_digest()
    with pytest.raises(ReadOnlyViolation):
        store.read(statement)
    assert store.content_digest() == before


def test_syntax_error_is_a_query_error(store):
    with pytest.raises(QueryError):
        store.read("MATCH (n RETURN n")


def test_parameters_of_every_type_round_trip(store):
    params = {"s": "中国科协'\"`}", "i": 42, "f": 0.5, "b": True, "n": None, "l": ["a", "b"], "m": {"k": "v"}}
    row = store.read("RETURN $s AS s, $i AS i, $f AS f, $b AS b, $n AS n, $l AS l, $m AS m", params)[0]
    assert row == params


def test_both_stores_hold_the_same_graph(embedded, neo4j_store):
    for s in (embedded, neo4j_store):
        load_facts(s, all_facts())
    assert embedded.stats() == neo4j_store.stats()
    assert embedded.content_digest() == neo4j_store.content_digest()


SEARCH = "CALL db.index.fulltext.queryNodes('passage_search', $q) YIELD node RETURN count(*) AS c"


def test_wipe_empties_the_graph_and_keeps_the_schema(store):
    load_facts(store, all_facts())
    store.wipe()
    assert store.stats() == {"labels": {}, "relationships": {}}
    load_facts(store, all_facts())  # the indexes are still there: search finds the new passages
    assert store.read(SEARCH, {"q": "学会"})[0]["c"] > 0


def test_drop_index_drops_it_and_apply_schema_makes_it_again(store):
    load_facts(store, all_facts())
    found = store.read(SEARCH, {"q": "学会"})[0]["c"]
    store.drop_index("passage_search")
    with pytest.raises(QueryError):
        store.read(SEARCH, {"q": "学会"})
    store.drop_index("passage_search")  # gone already: nothing to do
    store.apply_schema()
    assert store.read(SEARCH, {"q": "学会"})[0]["c"] == found


def test_drop_index_takes_only_a_name(embedded):
    with pytest.raises(ValueError):
        embedded.drop_index("passage_search IF EXISTS; MATCH (n) DETACH DELETE n")


def test_a_reader_may_not_wipe(tmp_path):
    from kg.stores.embedded import EmbeddedStore

    with EmbeddedStore(tmp_path / "graph.kgl", writer=True) as writer:
        load_facts(writer, all_facts())
    reader = EmbeddedStore(tmp_path / "graph.kgl")
    with pytest.raises(ReadOnlyViolation):
        reader.wipe()
    with pytest.raises(ReadOnlyViolation):
        reader.drop_index("passage_search")
    assert reader.stats()["labels"]["Recommendation"] == 2
