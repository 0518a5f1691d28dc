"""Review decisions (kg.review): keyed by what a fact says, applied everywhere, kept through
re-ingest of an edited document, moved between stores as JSON lines, never lost."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import queries
from kg.check import run_checks
from kg.ingest import ingest
from kg.review import Decision, ReviewError, decisions, export_decisions, import_decisions, orphaned, set_decision
from kg.stores.embedded import EmbeddedStore

FRONT = ("---\ntitle: 关于推动学会承接政府转移职能的意见\nkind: policy\nissuer: 中国科协\ndate: 2024-01-01\n"
         "synthetic: true\nnote: written for this test\n---\n")
RELATION = "中国计算机学会承接科技评估等政府转移职能。\n"
REC = "各级科协要推动学会有序承接政府转移职能，建立健全学会党建工作机制。\n"


def _write(folder: Path, body: str) -> Path:
    path = folder / "a.md"
    path.write_text(FRONT + body, encoding="utf-8")
    return path


def _keys(store) -> tuple[str, str]:
    rec = store.read("MATCH (r:Recommendation) WHERE r.text STARTS WITH '各级科协要推动' RETURN r.fact_key AS k")
    rel = store.read("MATCH (:Society {name: '中国计算机学会'})-[x:UNDERTAKES]->() RETURN x.fact_key AS k")
    assert rec and rel
    return rec[0]["k"], rel[0]["k"]


def _view(store) -> dict[str, object]:
    """What the pages read: the recommendations of every direction, the society's neighbours."""
    society = store.read("MATCH (s:Society {name: '中国计算机学会'}) RETURN s.id AS id")[0]["id"]
    recs = sorted(r["recommendation"] for d in "1234"
                  for r in queries.run(store, "recommendations_by_indicator", direction=d))
    neighbours = sorted(r["rel"] for r in queries.run(store, "entity_neighbourhood", entity_id=society))
    # the explorer's neighbours of what the recommendation concerns: the recommendation among them, and counted
    concerned = [r["id"] for r in store.read("MATCH (r:Recommendation)-[:CONCERNS]->(e:Entity) "
                                             "WHERE r.text STARTS WITH '各级科协要推动' RETURN DISTINCT e.id AS id ORDER BY id")]
    explored = sorted((r["neighbour_label"], r["total"]) for e in concerned
                      for r in queries.run(store, "entity_neighbours", entity_id=e, rels="CONCERNS"))
    return {"recs": recs, "neighbours": neighbours, "explored": explored}


def test_decisions_survive_an_edited_document_and_hide_the_facts(store, tmp_path):
    path = _write(tmp_path, RELATION + REC)
    ingest(store, [str(path)])
    rec_key, rel_key = _keys(store)
    before = _view(store)
    assert before["recs"] and "UNDERTAKES" in before["neighbours"] and ("Recommendation", 1) in before["explored"]
    set_decision(store, Decision(fact_key=rec_key, status="rejected", note="不是举措", by="审核人"))
    set_decision(store, Decision(fact_key=rel_key, status="rejected", by="审核人"))
    hidden = _view(store)
    assert REC.strip() not in hidden["recs"] and "UNDERTAKES" not in hidden["neighbours"] and not hidden["explored"]
    # the document is edited: a sentence added before both facts shifts every offset and node id
    _write(tmp_path, "本意见自印发之日起施行。\n" + RELATION + REC)
    report = ingest(store, [str(path)])
    assert report.ingested
    assert _keys(store) == (rec_key, rel_key)  # the same facts, the same keys
    assert _view(store) == hidden  # still rejected, still hidden
    shown = [r for d in "1234" for r in queries.run(store, "recommendations_by_indicator", direction=d,
                                                    show_rejected=True)]
    assert any(r["review"] == "rejected" for r in shown)  # a switch shows them, marked
    assert all(r.ok for r in run_checks(store))


def test_export_then_a_fresh_store_then_import_gives_the_same_view(store, tmp_path):
    path = _write(tmp_path, RELATION + REC)
    ingest(store, [str(path)])
    rec_key, rel_key = _keys(store)
    set_decision(store, Decision(fact_key=rec_key, status="rejected"))
    set_decision(store, Decision(fact_key=rel_key, status="verified"))
    view = _view(store)
    exported = tmp_path / "decisions.jsonl"
    assert export_decisions(store, exported) == 2
    fresh = EmbeddedStore(tmp_path / "fresh.kgl", writer=True)
    try:
        fresh.apply_schema()
        ingest(fresh, [str(path)])
        assert _view(fresh) != view
        assert import_decisions(fresh, exported) == 2
        assert _view(fresh) == view
        assert {d.fact_key: d.status for d in decisions(fresh)} == {rec_key: "rejected", rel_key: "verified"}
    finally:
        fresh.close()


def test_a_decision_whose_fact_is_gone_is_kept_and_reported(embedded, tmp_path):
    path = _write(tmp_path, RELATION + REC)
    ingest(embedded, [str(path)])
    rec_key, _ = _keys(embedded)
    set_decision(embedded, Decision(fact_key=rec_key, status="rejected"))
    _write(tmp_path, RELATION + "各级科协要推动学会有序承接政府转移职能。\n")  # the sentence is rewritten
    ingest(embedded, [str(path)])
    assert [d.fact_key for d in orphaned(embedded)] == [rec_key]
    assert [d.fact_key for d in decisions(embedded)] == [rec_key]  # kept
    reported = [r for r in run_checks(embedded) if r.report_only]
    assert reported[0].violations == 1 and reported[0].ok  # reported, not a failure
    _write(tmp_path, RELATION + REC)  # the sentence comes back: the decision applies again
    ingest(embedded, [str(path)])
    assert orphaned(embedded) == []
    assert embedded.read("MATCH (r:Recommendation {fact_key: $k}) RETURN r.review AS s", {"k": rec_key}) == \
        [{"s": "rejected"}]


def test_a_bad_line_names_the_file_and_line_and_nothing_is_imported(embedded, tmp_path):
    good = {"fact_key": "fact-0123456789abcdef", "status": "rejected"}
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(good) + "\n" + json.dumps({**good, "status": "maybe"}) + "\n", encoding="utf-8")
    with pytest.raises(ReviewError, match=r"bad.jsonl:2: "):
        import_decisions(embedded, bad)
    assert decisions(embedded) == []


def test_a_correction_needs_its_value_and_an_unknown_fact_is_refused(embedded):
    with pytest.raises(ValueError, match="corrected value"):
        Decision(fact_key="fact-0123456789abcdef", status="corrected")
    with pytest.raises(ReviewError, match="no fact has the key"):
        set_decision(embedded, Decision(fact_key="fact-0123456789abcdef", status="verified"))


def test_prune_keeps_the_decisions_of_a_removed_document(embedded, tmp_path):
    path = _write(tmp_path, RELATION + REC)
    ingest(embedded, [str(tmp_path)])
    rec_key, rel_key = _keys(embedded)
    set_decision(embedded, Decision(fact_key=rel_key, status="verified"))
    path.unlink()
    report = ingest(embedded, [str(tmp_path)], prune=True)
    assert report.pruned
    assert [d.fact_key for d in decisions(embedded)] == [rel_key]
    assert [d.fact_key for d in orphaned(embedded)] == [rel_key]


CASE = ("---\ntitle: 学会承接团体标准工作的情况\nkind: case\nsynthetic: true\nnote: written for this test\n---\n"
        "中国计算机学会承接团体标准化工作。\n中国化学会承接团体标准制定。\n")


def _functions(store) -> dict[str, list[str]]:
    """GovernmentFunction named in the case -> the societies that undertake it."""
    out: dict[str, list[str]] = {}
    for r in store.read("MATCH (:Document {title: '学会承接团体标准工作的情况'})<-[:PART_OF]-(:Passage)"
                        "-[:MENTIONS]->(f:GovernmentFunction) WITH DISTINCT f "
                        "OPTIONAL MATCH (s:Society)-[:UNDERTAKES]->(f) RETURN f.name AS f, s.name AS s ORDER BY f, s"):
        out.setdefault(r["f"], []).extend([r["s"]] if r["s"] else [])
    return out


def test_merge_survives_reingest_and_split_gives_two_entities_again(store, tmp_path):
    from extractors.segment import fulltext_query
    from kg.resolution import merge_entities, split_entity
    from kg.merges import MergeError, merges

    path = tmp_path / "case.md"
    path.write_text(CASE, encoding="utf-8")
    ingest(store, [str(path)])
    before = _functions(store)
    assert before == {"团体标准化": ["中国计算机学会"], "团体标准研制": ["中国化学会"]}
    report = merge_entities(store, "GovernmentFunction", "团体标准化", "团体标准研制", by="审核人")
    assert report.reloaded.ingested and report.missing == []
    merged = {"团体标准研制": ["中国化学会", "中国计算机学会"]}
    assert _functions(store) == merged
    assert store.read("MATCH (f:GovernmentFunction) WHERE f.merged_names IS NOT NULL "
                      "RETURN f.name AS f, f.merged_names AS m") == [{"f": "团体标准研制", "m": ["团体标准化"]}]
    hits = queries.run(store, "search_entities", query=fulltext_query("团体标准化"))
    assert "团体标准研制" in [h["name"] for h in hits]  # found by the merged name
    assert [(m.name, m.into, m.by) for m in merges(store)] == [("团体标准化", "团体标准研制", "审核人")]
    assert merges(store)[0].at  # when
    path.write_text(CASE + "两家学会的做法可供参考。\n", encoding="utf-8")  # edited, ingested again
    ingest(store, [str(path)])
    assert _functions(store) == merged
    with pytest.raises(MergeError, match="is itself merged"):
        merge_entities(store, "GovernmentFunction", "团体标准研制", "团体标准化")
    split_entity(store, "GovernmentFunction", "团体标准化")
    assert _functions(store) == before
    assert store.read("MATCH (f:GovernmentFunction) WHERE f.merged_names IS NOT NULL RETURN f.name AS n") == []
    assert all(r.ok for r in run_checks(store))


def test_export_carries_merges_to_a_fresh_store(embedded, tmp_path):
    from kg.resolution import import_review, merge_entities

    path = tmp_path / "case.md"
    path.write_text(CASE, encoding="utf-8")
    ingest(embedded, [str(path)])
    merge_entities(embedded, "GovernmentFunction", "团体标准化", "团体标准研制")
    exported = tmp_path / "review.jsonl"
    export_decisions(embedded, exported)
    fresh = EmbeddedStore(tmp_path / "fresh.kgl", writer=True)
    try:
        fresh.apply_schema()
        ingest(fresh, [str(path)])
        assert import_review(fresh, exported) == (0, 1)
        assert _functions(fresh) == _functions(embedded)
    finally:
        fresh.close()
