"""Every named query runs on both stores over the same graph and returns the same rows.

Each query file needs a case here: a query without one fails `test_every_query_has_a_case`.
Full-text scores differ between engines (BM25 vs Lucene), so rows are compared without `score`.
"""
from __future__ import annotations

import json

import pytest

from kg import queries
from kg.load import load_facts
from kg.review import Decision, set_decision
from kg.support import update_support
from tests.fixture_graph import corpus_facts, policy_facts

_policy = policy_facts()
REC = _policy.recommendations[0].id
SOCIETY = next(e.id for e in _policy.entities if e.label == "Society")
AGENCY = next(e.id for e in _policy.entities if e.label == "Agency")
DOC = _policy.document.id
POLICY = next(r.tail_id for r in _policy.relations if r.type == "CITES")

CASES: dict[str, list[dict]] = {
    "coverage": [{}],
    "cross_direction": [{}, {"min_directions": 1}],
    "directions": [{}],
    "entity_documents": [{"entity_id": SOCIETY}, {"entity_id": AGENCY, "limit": 1}],
    "entity_neighbourhood": [{"entity_id": SOCIETY}, {"entity_id": AGENCY, "limit": 2}],
    "entity_profile": [{"entity_id": SOCIETY}],
    "entity_list": [{}, {"label": "PartyOrganization"}, {"label": "Agency", "limit": 1},
                    {"label": "Society", "text": "计算机"}],
    "entity_facts": [{"entity_id": SOCIETY}, {"entity_id": SOCIETY, "show_rejected": True, "limit": 1}],
    "relation_list": [{}, {"rel": "PARTY_ORG_OF"}, {"rel": "RUNS", "limit": 1}, {"rel": "RUNS", "text": "托举"}],
    "policy_timeline": [{}, {"since": 2018}],
    "recommendation_links": [{"rec_id": REC}],
    "recommendations_by_indicator": [{"direction": "1"}, {"direction": "2", "indicator": "2.4"},
                                     {"direction": "1", "backed": True, "show_rejected": True}],
    "search_entities": [{"query": "中国计算机学会"}, {"query": "ccf"}],
    "search_passages": [{"query": "党委 科技评估"}],
    "trace_recommendation": [{"rec_id": REC}],
    "recommendation_support": [{"rec_id": REC}],
    "measure_cluster": [{"rec_id": REC}],
    "review_decisions": [{}],
    "review_names": [{}],
    "review_queue": [{}, {"queue": "support", "limit": 5}],
    # dashboard queries
    "citation_lineage": [{}, {"direction": 1}, {"from_year": 2015, "to_year": 2020}],
    "direction_evidence": [{"direction": "1"}, {"direction": "2"}],
    "document_citations": [{"doc_id": DOC}, {"doc_id": DOC, "limit": 1}],
    "document_list": [{}, {"limit": 2}],
    "document_meta": [{"doc_id": DOC}],
    "document_passages": [{"doc_id": DOC}, {"doc_id": DOC, "skip": 1, "limit": 1}],
    "document_timeline": [{}, {"kind": "policy"}, {"kind": "policy,case", "from_year": 2015, "to_year": 2020}],
    "document_years": [{}],
    "entity_neighbours": [{"entity_id": SOCIETY},
                          {"entity_id": AGENCY, "labels": "TalentProgram,Document", "direction": 2, "limit": 1},
                          {"entity_id": AGENCY, "limit": 3, "cap": 1},
                          {"entity_id": SOCIETY, "rels": "MENTIONED_IN,CONCERNS", "limit": 100},
                          {"entity_id": POLICY, "labels": "Document"}],
    "passage_mentions": [{"rec_id": REC}],
    "passages_by_id": [{"ids": ",".join(p.id for p in _policy.passages[:3])},
                       {"ids": f"{_policy.passages[0].id},nope,{_policy.passages[0].id}", "limit": 5}],
    "top_entities": [{}, {"limit": 2}],
    "type_counts": [{}],
}


def test_every_query_has_a_case():
    missing = sorted(set(queries.library()) - set(CASES))
    assert missing == [], f"named queries without a conformance case: {missing}"
    unknown = sorted(set(CASES) - set(queries.library()))
    assert unknown == []


def _normalised(rows: list[dict]) -> list[str]:
    return sorted(json.dumps({k: v for k, v in r.items() if k != "score"}, sort_keys=True, ensure_ascii=False)
                  for r in rows)


@pytest.mark.parametrize("name", sorted(CASES))
def test_query_returns_the_same_rows_on_both_stores(name, embedded, neo4j_store):
    for s in (embedded, neo4j_store):
        load_facts(s, corpus_facts())
        update_support(s)
        rejected = s.read("MATCH (:Recommendation)-[x:EVIDENCED_BY {kind: 'data'}]->() RETURN x.fact_key AS k")[0]["k"]
        set_decision(s, Decision(fact_key=rejected, status="rejected", by="conformance", at="2026-01-01T00:00:00+00:00"))
    for params in CASES[name]:
        on_embedded = queries.run(embedded, name, **params)
        on_neo4j = queries.run(neo4j_store, name, **params)
        assert _normalised(on_embedded) == _normalised(on_neo4j), (name, params)
        assert on_embedded, f"{name} {params} returned no rows on the fixture graph"
