from __future__ import annotations

import pytest

from kg import queries


def test_every_query_file_has_a_description_and_parses():
    lib = queries.library()
    assert len(lib) >= 6
    for q in lib.values():
        assert q.description and q.cypher


def test_bind_checks_and_casts_parameters():
    q = queries.get("entity_neighbourhood")
    assert q.bind({"entity_id": "x", "limit": "5"}) == {"entity_id": "x", "limit": 5, "show_rejected": False}
    with pytest.raises(ValueError, match="needs parameter 'entity_id'"):
        q.bind({})
    with pytest.raises(ValueError, match="has no parameter"):
        q.bind({"entity_id": "x", "nope": 1})
    with pytest.raises(ValueError, match="must be int"):
        q.bind({"entity_id": "x", "limit": "many"})


def test_unknown_query_name_is_a_clear_error():
    with pytest.raises(KeyError, match="no named query"):
        queries.get("nope")


def _citing(key: str, title: str, policies: list[str]):
    """A document citing each of `policies` by name (a hand-built fixture, like tests/fixture_graph.py)."""
    from tests.fixture_graph import _doc, _entity, _passages
    from schema.model import Evidence, Facts, Relation

    text = "；".join(f"《{p}》" for p in policies) + "。"
    doc = _doc(key, title, "policy", text, "2020-01-01", (1,))
    ps = _passages(doc)
    entities = [_entity("Policy", p) for p in policies]
    cites = [Relation(type="CITES", head_id=doc.id, tail_id=e.id, head_label="Document", tail_label="Policy",
                      head=doc.title, tail=e.name, evidence=Evidence(passage_id=ps[0].id, start=ps[0].start,
                                                                     end=ps[0].end, extractor="fixture",
                                                                     confidence=1.0))
             for e in entities]
    return Facts(document=doc, passages=tuple(ps), entities=tuple(entities), relations=tuple(cites))


def test_citation_lineage_never_joins_documents_through_a_generic_policy_name(store):
    """《意见》, 《实施方案》 … name a different policy in each document (its own short form): the lineage
    leaves them out, so two unrelated documents are not drawn as citing one policy."""
    from kg.load import load_facts

    real = "关于进一步加强中国科协所属学会党委建设的指导意见"
    load_facts(store, [_citing("a", "江西省科协关于学会党建的通知", ["意见", "实施方案", real]),
                       _citing("b", "某市关于人才评价的通知", ["意见", "若干措施", "方案", "通知"])])
    rows = queries.run(store, "citation_lineage")
    assert sorted((r["title"], r["policy"]) for r in rows) == [("江西省科协关于学会党建的通知", real)]


def test_citation_lineage_finds_the_documents_that_are_a_policy_and_keeps_to_a_year_window(store):
    """A cited policy's documents: one titled by its name, one naming it in 《》 (the title's other names
    do not count); the year window keeps only citing documents of those years (dated)."""
    from kg.load import load_facts
    from tests.fixture_graph import _doc, _passages
    from schema.model import Facts

    real = "关于进一步加强中国科协所属学会党委建设的指导意见"
    citing = _citing("a", "江西省科协关于学会党建的通知", [real])
    itself = _doc("b", real, "policy", "正文。", "2019-05-01", (1,))
    report = _doc("c", f"关于印发《{real}》的通知", "policy", "正文。", "2021-05-01", (1,))
    other = _doc("d", f"关于印发《{real}（试行）》的通知", "policy", "正文。", "2021-06-01", (1,))
    load_facts(store, [citing] + [Facts(document=d, passages=tuple(_passages(d))) for d in (itself, report, other)])
    rows = queries.run(store, "citation_lineage")
    assert [(r["title"], r["policy_documents"]) for r in rows] == [
        ("江西省科协关于学会党建的通知", sorted([itself.id, report.id]))]
    assert queries.run(store, "citation_lineage", from_year=2020, to_year=2020) == rows  # cited in 2020
    assert queries.run(store, "citation_lineage", from_year=2021, to_year=2024) == []


def test_type_counts_counts_every_node_type_of_the_schema():
    """The overview's counts name each label (so no store scans every node): a node type added to the
    schema must be added to the query too, or the overview would silently leave it out."""
    import re

    from schema.vocabulary import NODE_TYPES

    text = queries.library()["type_counts"].cypher
    counted = set(re.findall(r"MATCH \(n:(\w+)\)", text))
    assert counted == {n.name for n in NODE_TYPES}  # each by its node label (an entity has its own besides Entity)


def test_type_counts_counts_policy_entities_not_the_policy_documents_that_carry_the_label(store):
    """A policy document carries the label Policy too; the overview's 政策 is the Policy entities (as the lists
    page counts them), the documents are counted under 文档 by kind — not both under 政策."""
    from kg.load import load_facts

    load_facts(store, [_citing("a", "江西省科协关于学会党建的通知", ["关于进一步加强中国科协所属学会党委建设的指导意见",
                                                                 "学会章程示范文本"])])
    documents = store.read("MATCH (d:Document) WHERE d:Policy RETURN count(d) AS n")[0]["n"]
    entities = store.read("MATCH (e:Entity) WHERE e.label = 'Policy' RETURN count(e) AS n")[0]["n"]
    assert documents == 1 and entities == 2
    counts = {(r["type"], r["kind"]): r["count"] for r in queries.run(store, "type_counts")}
    assert counts[("Policy", "")] == entities and counts[("Document", "policy")] == documents


def test_the_lists_filter_is_the_query_s_whole_label_and_case_insensitive(store):
    """entity_list's `text` finds an entity by a piece of its name, an alias or its id, in any case, and counts only
    those in `total`; relation_list's finds a fact by its head's or tail's name."""
    from kg.load import load_facts
    from tests.fixture_graph import corpus_facts

    load_facts(store, corpus_facts())
    every = queries.run(store, "entity_list", label="Society")
    society = every[0]
    assert queries.run(store, "entity_list", label="Society", text=society["name"][2:5])[0]["id"] == society["id"]
    assert [r["id"] for r in queries.run(store, "entity_list", label="Society", text=society["id"].upper())] == [society["id"]]
    for alias in society.get("aliases") or []:
        assert society["id"] in {r["id"] for r in queries.run(store, "entity_list", label="Society", text=alias)}
    assert queries.run(store, "entity_list", label="Society", text="不在任何名称里") == []
    found = queries.run(store, "entity_list", label="Society", text=society["name"])
    assert found and all(r["total"] == len(found) for r in found)
    facts = queries.run(store, "relation_list", rel="RUNS")
    assert facts
    tail = facts[0]["tail"]
    assert {(r["head_id"], r["tail_id"]) for r in queries.run(store, "relation_list", rel="RUNS", text=tail[-3:])} == \
        {(r["head_id"], r["tail_id"]) for r in facts if tail[-3:] in r["tail"] or tail[-3:] in r["head"]}
    assert queries.run(store, "relation_list", rel="RUNS", text="不在任何名称里") == []
