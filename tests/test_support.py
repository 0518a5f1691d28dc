"""Support across the corpus (kg.support): EVIDENCED_BY by kind, SAME_MEASURE, kept current."""
from __future__ import annotations

import pytest

from extractors.measures import has_figures, measure_terms
from kg import queries
from kg.check import run_checks
from kg.load import delete_documents, load_facts
from kg.review import Decision, set_decision
from kg.support import stored_links, update_support
from tests.fixture_graph import case_facts, corpus_facts, policy_facts, second_policy_facts

REC = policy_facts().recommendations[0].id


def test_measure_terms_are_the_nouns_of_a_measure_without_generic_words():
    terms = measure_terms("各学会要推动团体标准制定工作，实施中国科协青年人才托举工程。")
    assert "团体标准制定" in terms and "中国科协青年人才托举工程" in terms  # gazetteer names stay whole
    assert "工作" not in terms  # a stop word of seed_data/rules/measure_stop_words.tsv
    assert "推动" not in terms and "实施" not in terms  # verbs say how, not what
    assert terms == tuple(sorted(set(terms)))


@pytest.mark.parametrize("text, expected", [
    ("新成立14家学会", True), ("占比35%", True), ("经费1.2亿元", True),
    ("增强四个意识", False), ("到2025年全面建成", False), ("加强学会建设", False),
])
def test_figures_are_counts_shares_and_money(text, expected):
    assert has_figures(text) is expected


def _support(store) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in queries.run(store, "recommendation_support", rec_id=REC):
        out.setdefault(row["kind"], []).append(row)
    return out


def test_a_recommendation_gets_all_three_kinds_from_other_documents(store):
    load_facts(store, corpus_facts())
    update_support(store)
    support = _support(store)
    assert set(support) == {"policy", "case", "data"}
    own = policy_facts().document.id
    concerned = {e.name for e in policy_facts().entities if e.id in policy_facts().recommendations[0].concerns}
    for kind, rows in support.items():
        for row in rows:
            assert row["doc_id"] != own and row["terms"] and 0 < row["score"] <= 1
    assert support["policy"][0]["doc_id"] == second_policy_facts().document.id
    assert all(set(r["entities"]) <= concerned and r["entities"] for r in support["case"])
    cluster = queries.run(store, "measure_cluster", rec_id=REC)
    assert [r["doc_id"] for r in cluster] == [second_policy_facts().document.id]
    assert "科技评估" in cluster[0]["terms"]


def test_support_follows_the_corpus_and_does_not_depend_on_the_order(embedded):
    load_facts(embedded, [f for f in corpus_facts() if f.document.id != case_facts().document.id])
    update_support(embedded)
    assert set(_support(embedded)) == {"policy"}  # nothing yet to show it done or counted
    load_facts(embedded, [case_facts()])  # a new document supports an old recommendation
    report = update_support(embedded)
    assert report.added and set(_support(embedded)) == {"policy", "case", "data"}
    together = stored_links(embedded)
    assert update_support(embedded).added == 0  # nothing changed: nothing written
    delete_documents(embedded, [case_facts().document.id])  # a removed one takes its support away
    update_support(embedded)
    assert set(_support(embedded)) == {"policy"}
    load_facts(embedded, [case_facts()])
    update_support(embedded)
    assert stored_links(embedded) == together


def test_kg_check_finds_a_support_link_that_is_not_a_recount(embedded):
    load_facts(embedded, corpus_facts())
    update_support(embedded)
    assert all(r.ok for r in run_checks(embedded))
    embedded.write("MATCH (:Recommendation)-[x:EVIDENCED_BY {kind: 'case'}]->() DELETE x")
    failed = [r for r in run_checks(embedded) if not r.ok]
    assert [r.name for r in failed] == ["support links equal a recount (EVIDENCED_BY, SAME_MEASURE)"]
    assert all("missing" in row for row in failed[0].sample)


def _backing(store, rec_id: str, show_rejected: bool = False) -> tuple[int, int]:
    """(support, same) as the trace page's two sections list them."""
    return (len(queries.run(store, "recommendation_support", rec_id=rec_id, show_rejected=show_rejected)),
            len(queries.run(store, "measure_cluster", rec_id=rec_id, show_rejected=show_rejected)))


def _picker(store, **params) -> dict[str, dict]:
    return {r["rec_id"]: r for d in "1234"
            for r in queries.run(store, "recommendations_by_indicator", direction=d, limit=1000, **params)}


def test_the_picker_counts_support_and_keeps_only_backed_recommendations_when_asked(store):
    """The trace page's picker says how much other documents back each recommendation, and a switch keeps only
    those they back: the counts are what the support and cluster sections then list, rejected links excluded."""
    load_facts(store, corpus_facts())
    update_support(store)
    every = _picker(store)
    backed = {r for r, row in every.items() if any(_backing(store, r))}
    assert backed and backed < set(every)  # the fixture has both kinds
    for rec_id, row in every.items():
        assert (row["support"], row["same"]) == _backing(store, rec_id)
    assert set(_picker(store, backed=True)) == backed
    for d in "1234":  # `total` counts what the switch keeps, not the whole direction
        rows = queries.run(store, "recommendations_by_indicator", direction=d, backed=True, limit=1000)
        assert all(r["total"] == len(rows) for r in rows)
    # a drafter rejects every support link of REC, and the recommendations that propose its measure (not the
    # pairs): it is no longer backed
    for row in queries.run(store, "recommendation_support", rec_id=REC):
        set_decision(store, Decision(fact_key=row["fact_key"], status="rejected", by="test"))
    for row in queries.run(store, "measure_cluster", rec_id=REC):
        other = store.read("MATCH (o:Recommendation {id: $id}) RETURN o.fact_key AS k", {"id": row["rec_id"]})
        set_decision(store, Decision(fact_key=other[0]["k"], status="rejected", by="test"))
    assert REC in backed and REC not in _picker(store, backed=True)
    assert _picker(store)[REC]["support"] == 0 and _picker(store)[REC]["same"] == 0
    shown = _picker(store, backed=True, show_rejected=True)  # the switch for rejected facts counts them again
    assert REC in shown and (shown[REC]["support"], shown[REC]["same"]) == _backing(store, REC, show_rejected=True)


def test_coverage_counts_only_links_on_matched_terms(store):
    load_facts(store, corpus_facts())
    rows = {r["indicator"]: r for r in queries.run(store, "coverage")}
    assert (rows["1.4"]["recommendations"], rows["1.4"]["weak"]) == (1, 0)
    assert (rows["2.4"]["recommendations"], rows["2.4"]["weak"]) == (0, 1)  # a default link is no coverage
    assert rows["2.4"]["evidence"] == 0
    ranked = queries.run(store, "recommendations_by_indicator", direction="1", indicator="")
    assert [r["matched"] for r in ranked] == sorted((r["matched"] for r in ranked), reverse=True)


def test_deliverable_indicators_come_from_the_guide_wording():
    from extractors.guide import deliverable
    from extractors.pipeline import GUIDE_PATH, extract_path

    items = [i for i in extract_path(GUIDE_PATH).guide_items if i.label == "Indicator"]
    found = {i.code: i.deliverable for i in items if i.deliverable}
    assert sorted(found) == [f"{d}.{n}" for d in range(1, 5) for n in (1, 2, 6)]
    assert set(found.values()) == {"report", "review", "drafting"}
    assert deliverable("形成并提交研究报告，字数5万字左右") == "report"
    assert deliverable("提出科技社团完善科技人才评价体系的措施建议") is None


def test_measure_words_do_not_depend_on_which_stage_tagged_first():
    """jieba gives the gazetteer names' tags to the first part-of-speech tagger that cuts: every
    stage shares one tagger, so a name is one measure word whichever stage ran first."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    text = "中国计算机学会党委要推动学会承接科技评估等政府转移职能。"
    first = {"measures": "", "mentions": "from extractors.pipeline import extract_path; "
             "extract_path('seed_data/documents/001.md'); "}
    outputs = set()
    for warm_up in first.values():
        code = f"{warm_up}from extractors.measures import measure_terms; print(measure_terms({text!r}))"
        outputs.add(subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                                   check=True).stdout)
    assert len(outputs) == 1, outputs
    assert "中国计算机学会" in outputs.pop()


def test_a_document_offers_a_bounded_number_of_candidate_passages(embedded, monkeypatch):
    """Support reads at most MAX_PASSAGES_PER_DOCUMENT candidate passages a document, in reading
    order, so one huge report cannot fill the process."""
    from kg import support

    load_facts(embedded, corpus_facts())
    full = support.candidates(embedded)
    monkeypatch.setattr(support, "MAX_PASSAGES_PER_DOCUMENT", 1)
    capped = support.candidates(embedded)
    per_doc = {}
    for pid in capped:
        per_doc.setdefault(pid.split("-")[0], 0)
    assert len(capped) < len(full)
    case = case_facts()
    assert [p.id for p in case.passages if p.id in capped] == [case.passages[0].id]  # its first only
    update_support(embedded)
    assert set(_support(embedded)) == {"policy", "case"}  # the figures were in its third passage


def test_the_support_update_is_written_a_chunk_of_rows_at_a_time_in_one_transaction(embedded, monkeypatch):
    """Large updates go out WRITE_ROWS rows per statement, all in one write: the same links as in
    one statement, and a second recount finds nothing to change."""
    from kg import support

    load_facts(embedded, corpus_facts())
    writes: list[list] = []
    write_all = embedded.write_all

    def counting(statements):
        writes.append(list(statements))
        return write_all(statements)

    monkeypatch.setattr(support, "WRITE_ROWS", 1)
    monkeypatch.setattr(embedded, "write_all", counting)
    report = update_support(embedded)
    support_writes = [w for w in writes if any("EVIDENCED_BY" in q or "SAME_MEASURE" in q for q, _ in w)]
    assert len(support_writes) == 1  # one transaction
    assert len(support_writes[0]) == report.added > 1 and all(len(p["rows"]) == 1 for _, p in support_writes[0])
    one_by_one = stored_links(embedded)
    assert update_support(embedded).added == 0
    assert sum(map(len, one_by_one)) == report.evidenced_by + report.same_measure


def test_the_measure_text_leaves_out_policy_titles_and_boilerplate():
    from extractors.measures import measure_grams, measure_text

    text = "为贯彻落实《关于加强科技伦理治理的意见》，以习近平新时代中国特色社会主义思想为指导，建立科技伦理审查委员会。"
    kept = measure_text(text)
    assert "科技伦理治理的意见" not in kept  # a title says which document is cited, not which measure
    assert "习近平" not in kept and "贯彻落实" not in kept  # phrases of seed_data/rules/support_boilerplate.tsv
    assert "建立科技伦理审查委员会" in kept
    grams = measure_grams(text)
    assert grams["伦理"] == 1 and "审查委" in grams
    assert not any("|" in g for g in grams)  # no piece spans a cut
    # two sentences that only cite the same document share no piece of their measure text
    a = measure_grams("各学会要按照《社会团体登记管理条例》规范换届。")
    b = measure_grams("民政部依据《社会团体登记管理条例》查处非法社团。")
    assert not set(a) & set(b)


def test_a_slogan_written_out_in_any_of_its_ways_is_cut_like_a_phrase():
    """Links resting on the four 面向, the three qualities or the four 服务 alone were rejected by hand
    (docs/EVIDENCE.md): spelled out, with 、 or 和, they leave the measure text as 四个面向 does."""
    from extractors.measures import measure_text

    for text in ("面向世界科技前沿和经济主战场、面向国家重大需求和人民生命健康，汇聚创新力量。",
                 "面向世界科技前沿、面向经济主战场、面向国家重大需求、面向人民生命健康，汇聚创新力量。",
                 "面向世界科技前沿、国民经济主战场和国家重大需求，汇聚创新力量。"):
        assert measure_text(text) == "汇聚创新力量", text
    # a measure between the slogan's words, across clauses, is no slogan
    assert "组织开展基础研究" in measure_text("面向世界科技前沿，组织开展基础研究，服务国家重大需求。")
    assert measure_text("保持和增强政治性、先进性和群众性，建设开放型、枢纽型、平台型组织。") == "保持和增强|建设|组织"
    assert measure_text("坚守服务科技工作者、服务创新驱动发展、服务提高全民科学素质、服务党和政府科学决策的职责定位。") == \
        "坚守|的职责定位"


@pytest.mark.parametrize("text, expected", [
    ("以习近平新时代中国特色社会主义思想为指导，贯彻落实党的二十大精神；", True),
    ("制定本办法的目的是规范学会的科技奖励工作。", True),
    ("2022年中国科协要坚持习近平新时代中国特色社会主义思想的指导；", True),
    ("加强对青年科技工作者思想的指导和引导。", False),
    ("各学会要深入学习贯彻党的十九届五中全会精神。", True),
    ("推动学会承接科技评估等政府转移职能。", False),
    ("到2025年，公民具备科学素质的比例超过15%。", False),
    # a notice passing a document on: the measure is the document's; two notices' addressee lists say nothing alike
    ("某省科协发出通知，把《2019年工作要点》印发给各市州科协、省级学会和机关各部门，要求抓好落实。", True),
    ("学会将这份意见转发给所属单位，要求结合实际执行。", True),
    ("推动各地科协把学会承接的服务事项发给会员单位评议。", False),
])
def test_guiding_thought_and_purpose_clauses_are_boilerplate(text, expected):
    from extractors.measures import is_boilerplate

    assert is_boilerplate(text) is expected


def test_a_boilerplate_recommendation_gets_no_support_however_alike_its_words(embedded):
    """The same measure wrapped in a guiding-thought clause is no recommendation a drafter would
    back with evidence: evidence_for gives it nothing, while the bare measure has support."""
    from dataclasses import replace

    from kg import support

    load_facts(embedded, corpus_facts())
    update_support(embedded)
    corpus = support.Corpus(embedded)
    rec = next(r for r in corpus.recs if r.id == REC)
    assert support.evidence_for(corpus, rec)
    wrapped = replace(rec, text="以习近平新时代中国特色社会主义思想为指导，" + rec.text)
    assert support.evidence_for(corpus, wrapped) == []


def test_every_link_clears_its_kinds_floors_and_says_why(store):
    """Each EVIDENCED_BY link has a measure similarity of at least MIN_SCORE[kind], at least
    MIN_SHARED[kind] measure words in common (its terms), and a case names who did it (an actor)."""
    from kg.support import ACTOR_LABELS, MIN_SCORE, MIN_SHARED

    load_facts(store, corpus_facts())
    update_support(store)
    rows = store.read("MATCH (r:Recommendation)-[x:EVIDENCED_BY]->(p:Passage) RETURN x.kind AS kind, "
                      "x.score AS score, x.terms AS terms, x.entities AS entities, r.doc_id AS rdoc, p.doc_id AS pdoc")
    assert rows
    actors = {r["name"] for r in store.read("MATCH (e:Entity) WHERE e.label IN $labels RETURN e.name AS name",
                                            {"labels": list(ACTOR_LABELS)})}
    for row in rows:
        assert row["rdoc"] != row["pdoc"]
        assert row["score"] >= MIN_SCORE[row["kind"]] and len(row["terms"]) >= MIN_SHARED[row["kind"]]
        if row["kind"] == "case":
            assert row["entities"] and set(row["entities"]) <= actors


def test_a_bad_boilerplate_row_fails_loudly(tmp_path, monkeypatch):
    from extractors import measures
    from extractors.rules import RulesError
    from tests.rule_files import load_with_row

    with pytest.raises(RulesError, match="unknown kind 'slogan'"):
        load_with_row(tmp_path / "a", monkeypatch, measures, "boilerplate", "support_boilerplate.tsv",
                      "slogan\t高质量发展\ta kind that does not exist")
    with pytest.raises(RulesError, match="not a regular expression"):
        load_with_row(tmp_path / "b", monkeypatch, measures, "boilerplate", "support_boilerplate.tsv",
                      "pattern\t面向(\ta slogan's spellings, badly written")


def test_the_judged_links_say_what_a_drafter_decided_and_why():
    """The hand-judged links that chose the floors (docs/EVIDENCE.md) keep their texts, decision and reason."""
    import json
    from pathlib import Path

    files = sorted((Path(__file__).resolve().parent.parent / "training" / "support").glob("judged-*.jsonl"))
    assert files
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert row["accept"] in (0, 1) and row["why"] and row["recommendation"], path


def _reference_evidence(corpus, texts: dict[str, str]) -> list:
    """EVIDENCED_BY as the module docstring says, pair by pair in plain Python: every passage of
    another document that can give a link, scored by the cosine of the measure vectors (products added
    piece by piece in sorted order), kind by kind best first (ties by passage id), at most
    MAX_PER_KIND a kind clearing both floors (and, for a policy, backing the recommendation's place; for
    a kind of UPWARDS_BARRED, of the same or a higher level)."""
    from extractors.measures import is_boilerplate, measure_grams
    from kg.support import KINDS, MAX_PER_KIND, MIN_SCORE, MIN_SHARED, UPWARDS_BARRED, Link

    vectors = {pid: corpus.vector(measure_grams(texts[pid])) for pid, p in corpus.passages.items() if p.kind}
    out = []
    for rec in corpus.recs:
        if not rec.terms or is_boilerplate(rec.text):
            continue
        mine = corpus.vector(measure_grams(rec.text))
        scored = []
        for pid, theirs in vectors.items():
            if corpus.passages[pid].doc_id != rec.doc_id:
                similarity = 0.0
                for g in sorted(mine.keys() & theirs.keys()):
                    similarity += mine[g] * theirs[g]
                scored.append((-similarity, pid))
        concerned = corpus.concerns.get(rec.id, {})
        for kind in KINDS:
            kept = []
            for minus, pid in sorted(x for x in scored if corpus.passages[x[1]].kind == kind):
                passage, score = corpus.passages[pid], round(-minus, 3)
                shared = rec.terms & passage.terms
                if len(kept) == MAX_PER_KIND or score < MIN_SCORE[kind] or len(shared) < MIN_SHARED[kind]:
                    continue
                if kind == "policy" and not corpus.backs(passage.doc_id, rec.doc_id):
                    continue
                if kind in UPWARDS_BARRED and not corpus.runs_down(passage.doc_id, rec.doc_id):
                    continue
                names = corpus.actors[pid].values() if kind == "case" else \
                    [name for e, name in corpus.mentions.get(pid, {}).items() if e in concerned]
                kept.append(Link(rec.id, pid, kind, score, corpus.ranked(shared), tuple(sorted(set(names)))))
            out += kept
    return out


def _reference_same(corpus) -> list:
    """SAME_MEASURE pair by pair: recommendations of different documents that share a specific word
    held by at most MAX_TERM_GROUP recommendations, scored by their shared words' weight."""
    from collections import Counter

    from kg.support import MAX_TERM_GROUP, SAME_MEASURE_MIN, SAME_MEASURE_MIN_SHARED, Link

    holders = Counter(t for rec in corpus.recs for t in rec.terms)
    out = []
    for i, a in enumerate(corpus.recs):
        for b in corpus.recs[i + 1:]:
            shared = a.terms & b.terms
            if a.doc_id == b.doc_id or not any(corpus.is_specific(t) and holders[t] <= MAX_TERM_GROUP for t in shared):
                continue
            both = sum(corpus.w(t) for t in a.terms) + sum(corpus.w(t) for t in b.terms)
            score = round(2 * sum(corpus.w(t) for t in shared) / both, 3)
            if score >= SAME_MEASURE_MIN and len(shared) >= SAME_MEASURE_MIN_SHARED:
                out.append(Link(a.id, b.id, "same", score, corpus.ranked(shared)))
    return out


def test_the_support_links_equal_a_pair_by_pair_recount(embedded, seed_facts, tmp_path, monkeypatch):
    """`compute` (numpy over an inverted index, pairs proposed by word) gives exactly the links of a
    plain recount of every pair, scores and words included, on seed documents (every kind of link)
    and synthetic ones (made of few templates: many links, many near-ties); with the level rule off
    (as shipped) and on."""
    from benchmarks.synthetic import write_corpus
    from extractors.pipeline import extract_path
    from kg import support

    synthetic = [extract_path(p) for p in write_corpus(tmp_path / "synthetic", 12)]
    load_facts(embedded, [f for f in seed_facts[1:] if f.recommendations][:150] + synthetic)
    support._fill_terms(embedded, support.candidates(embedded))
    corpus = support.Corpus(embedded)
    texts = {r["id"]: r["text"] for r in embedded.read("MATCH (p:Passage) RETURN p.id AS id, p.text AS text")}
    evidence, same = support.compute(corpus)
    assert {link.kind for link in evidence} == {"policy", "case", "data"} and len(same) > 10
    assert evidence == _reference_evidence(corpus, texts)
    assert same == _reference_same(corpus)
    monkeypatch.setattr(support, "UPWARDS_BARRED", ("policy",))
    barred, _ = support.compute(corpus)
    assert len(barred) < len(evidence)  # the seed documents have upward policy links
    assert barred == _reference_evidence(corpus, texts)



def _mixed_corpus(embedded, seed_facts, tmp_path):
    """150 seed documents with recommendations and 12 synthetic ones (made of few templates: passages
    and recommendations repeat), their measure words filled in, as `test_the_support_links_equal_a_pair_by_pair_recount`
    loads them."""
    from benchmarks.synthetic import write_corpus
    from extractors.pipeline import extract_path
    from kg import support

    synthetic = [extract_path(p) for p in write_corpus(tmp_path / "synthetic", 12)]
    load_facts(embedded, [f for f in seed_facts[1:] if f.recommendations][:150] + synthetic)
    support._fill_terms(embedded, support.candidates(embedded))
    return {r["id"]: r["text"] for r in embedded.read("MATCH (p:Passage) RETURN p.id AS id, p.text AS text")}


def test_repeated_passages_and_texts_are_scored_once_with_the_same_links(embedded, seed_facts, tmp_path):
    """Passages with the same measure vector are one vector, scored once; a recommendation's text
    is matched once however many documents state it (`compute` goes by text). The links do not
    depend on that: asked for one recommendation at a time, in id order, `evidence_for` gives the
    links `compute` gives."""
    from extractors.measures import measure_grams
    from kg import support

    texts = _mixed_corpus(embedded, seed_facts, tmp_path)
    corpus = support.Corpus(embedded)
    assert len(corpus.vector_threshold) < len(corpus.rows)  # the synthetic documents repeat passages
    assert len({rec.text for rec in corpus.recs}) < len(corpus.recs)
    evidence, _ = support.compute(corpus)
    assert [link for rec in corpus.recs for link in support.evidence_for(corpus, rec)] == evidence
    # each row's similarity is its own vector's, added pair by pair as the recount does
    vectors = {pid: corpus.vector(measure_grams(texts[pid])) for pid in corpus.rows}
    for rec in corpus.recs[::25]:
        mine, every = corpus.vector(measure_grams(rec.text)), corpus.similarities(rec.text)
        for row, pid in enumerate(corpus.rows):
            similarity = 0.0
            for g in sorted(mine.keys() & vectors[pid].keys()):
                similarity += mine[g] * vectors[pid][g]
            assert every[row] == similarity, (rec.id, pid)


# --- the level rule: support runs downwards or sideways, never upwards (kg.support.UPWARDS_BARRED, not shipped) ---

# Synthetic sentences written for these tests (not quoted from any document): one measure stated by a national
# mandate, by a province restating it, and by a society whose level no row of issuer_levels.tsv knows.
LEVEL_TEXTS = {
    "nation": ("国务院办公厅", "各地要建立科技社团信用评价制度，每年向社会公开学会年度报告和财务审计结果。"),
    "province": ("安徽省人民政府", "全省各学会要建立信用评价制度，每年向社会公开学会年度报告和财务审计结果，接受会员监督。"),
    "society": ("某某工程学会", "本会要建立会员单位信用评价制度，每年向社会公开年度报告和财务审计结果。"),
}


def _level_facts(which: str):
    from schema.model import Facts, Recommendation
    from tests.fixture_graph import _doc, _passages

    issuer, text = LEVEL_TEXTS[which]
    doc = _doc(f"level-{which}", f"{issuer}关于建立信用评价制度的意见（测试用）", "policy", text, "2022-01-01", (2,),
               (issuer,))
    ps = _passages(doc)
    p = ps[0]
    rec = Recommendation(id=Recommendation.make_id(doc.id, p.start, p.end), doc_id=doc.id, text=p.text,
                         start=p.start, end=p.end, passage_ids=(p.id,), trigger="要", directions=(2,))
    return Facts(document=doc, passages=tuple(ps), recommendations=(rec,))


def _policy_pairs(store) -> set[tuple[str, str]]:
    """(the recommendation's document, the backing passage's document) of each policy link, by LEVEL_TEXTS key."""
    names = {_level_facts(k).document.id: k for k in LEVEL_TEXTS}
    rows = store.read("MATCH (r:Recommendation)-[x:EVIDENCED_BY {kind: 'policy'}]->(p:Passage) "
                      "RETURN r.doc_id AS rdoc, p.doc_id AS pdoc")
    return {(names[r["rdoc"]], names[r["pdoc"]]) for r in rows}


def test_the_level_texts_are_one_measure_at_three_levels():
    from extractors.issuers import standing

    levels = {k: standing([issuer], "").level for k, (issuer, _) in LEVEL_TEXTS.items()}
    assert levels == {"nation": 3, "province": 2, "society": None}


def test_upward_policy_support_stays_while_the_level_rule_is_off(store):
    """As shipped (UPWARDS_BARRED empty): the province's restatement backs the national point too."""
    load_facts(store, [_level_facts(k) for k in LEVEL_TEXTS])
    update_support(store)
    assert _policy_pairs(store) == {(a, b) for a in LEVEL_TEXTS for b in LEVEL_TEXTS if a != b}


def test_a_national_mandate_backs_a_province_s_point_but_not_the_reverse(store, monkeypatch):
    """With the level rule on, the national mandate backs the provincial recommendation, the provincial
    text does not back the national one; the society, of unknown level, backs and is backed by both. On
    both stores, and a recount (kg check) finds the same links."""
    from kg import support

    monkeypatch.setattr(support, "UPWARDS_BARRED", ("policy",))
    load_facts(store, [_level_facts(k) for k in LEVEL_TEXTS])
    update_support(store)
    pairs = _policy_pairs(store)
    assert ("province", "nation") in pairs
    assert ("nation", "province") not in pairs
    assert {("nation", "society"), ("society", "nation"), ("province", "society"), ("society", "province")} <= pairs
    assert support.stale_support(store) == []


def test_the_level_rule_follows_the_corpus(embedded, monkeypatch):
    """Incremental as every support link: the national document, added later, backs the province's point;
    removed, it takes that support away; the province never backs the national point."""
    from kg import support

    monkeypatch.setattr(support, "UPWARDS_BARRED", ("policy",))
    load_facts(embedded, [_level_facts("province")])
    update_support(embedded)
    assert _policy_pairs(embedded) == set()
    load_facts(embedded, [_level_facts("nation")])
    update_support(embedded)
    assert _policy_pairs(embedded) == {("province", "nation")}
    delete_documents(embedded, [_level_facts("nation").document.id])
    update_support(embedded)
    assert _policy_pairs(embedded) == set()


def test_support_and_cluster_rows_carry_what_a_citation_needs(store):
    """The dossier cites the documents of support and of the same measure from these rows: each row carries its
    document's source address and whether it is a summary, as document_meta has them (a same-measure document was
    cited without its URL and without the summary note)."""
    facts = [f.model_copy(update={"document": f.document.model_copy(update={
        "source_url": f"https://www.example.org/{i}.html", "summary": i % 2 == 0})}) for i, f in enumerate(corpus_facts())]
    load_facts(store, facts)
    update_support(store)
    rows = queries.run(store, "recommendation_support", rec_id=REC) + queries.run(store, "measure_cluster", rec_id=REC)
    assert {r["doc_id"] for r in queries.run(store, "measure_cluster", rec_id=REC)}  # the fixture has both kinds
    for row in rows:
        meta = queries.run(store, "document_meta", doc_id=row["doc_id"])[0]
        assert (row["source_url"], row["summary"]) == (meta["source_url"], meta["summary"]), row["doc_id"]
    assert all(r["source_url"] for r in rows) and len({r["summary"] for r in rows}) == 2
