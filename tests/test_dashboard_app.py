"""The dashboard's logic through streamlit.testing.v1.AppTest, on an embedded graph built from seed_data.

Each test runs the real app (dashboards/app.py with st.navigation) in-process against a graph in a
temporary KG_DATA_DIR; a store that cannot be reached and an empty graph are covered too.
"""
from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboards import graphview
from extractors.segment import fulltext_query
from kg import queries
from kg.ingest import ingest
from kg.net import free_port
from kg.review import Decision, set_decision
from kg.stores.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboards" / "app.py")
SEED = ROOT / "seed_data"
PAGES = {"overview": "总览", "trace": "建议溯源", "explore": "图谱探索", "lists": "列表", "reader": "文档",
         "timeline": "政策脉络",
         "review": "审核", "cypher": "Cypher"}
ENGLISH = {"overview": "Overview", "trace": "Trace recommendations", "explore": "Explore the graph", "lists": "Lists",
           "reader": "Reader", "timeline": "Policy lineage", "review": "Review", "cypher": "Cypher"}


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("kg-seed")
    store = EmbeddedStore(data_dir / "graph.kgl", writer=True)
    try:
        report = ingest(store, [str(SEED / "guide-2020.txt"), str(SEED / "documents")])
        # a drafter has verified one recommendation (the 审核 page and its query have something to show)
        key = store.read("MATCH (r:Recommendation) RETURN r.fact_key AS k ORDER BY r.id LIMIT 1")[0]["k"]
        set_decision(store, Decision(fact_key=key, status="verified", by="测试"))
    finally:
        store.close()
    assert report.ingested and not report.rejected
    return data_dir


@pytest.fixture
def app(seed_dir: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("KG_STORE", "embedded")
    monkeypatch.setenv("KG_DATA_DIR", str(seed_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    return at.run()


def open_page(at: AppTest, page: str) -> AppTest:
    return at.switch_page(f"views/{page}.py").run()


def opened(page: str, **params: str) -> AppTest:
    """A fresh session opened on `page` by an address with `params` (a shared link, a reload)."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return open_page(at.run(), page)


def texts(at: AppTest) -> str:
    """Everything the page shows as text (markdown, captions, HTML blocks, iframes)."""
    parts = [e.value for e in (*at.markdown, *at.caption, *at.title, *at.subheader, *at.info, *at.warning, *at.error)]
    parts += [e.proto.body for e in at.get("html")]
    parts += [e.proto.srcdoc for e in at.get("iframe")]
    parts += graph_pages(at)
    return "\n".join(str(p) for p in parts)


def graph_pages(at: AppTest) -> list[str]:
    """The graph pages the clickable graph component (graphview.clickable) was given."""
    return [json.loads(e.proto.json)["page"] for e in at.get("bidi_component")
            if e.proto.component_name == "kg_graph"]


def w(key: str, lang: str = "zh") -> str:
    """The key of a choice widget (see dashboards/widgets.py: the key carries the language)."""
    return f"{key}__{lang}"


def box(at: AppTest, prefix: str):
    """The selectbox whose key starts with `prefix` (keys that carry the current choice of another widget)."""
    found = [s for s in at.selectbox if s.key and s.key.startswith(prefix)]
    assert found, f"no selectbox {prefix}…"
    return found[0]


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_opens_in_chinese_without_errors(app: AppTest, page: str):
    at = open_page(app, page)
    assert_clean(at)
    assert [t.value for t in at.title] == [PAGES[page]]
    assert "已连接" in texts(at) and "embedded kglite" in texts(at)


def test_language_switch_to_english(app: AppTest):
    app.sidebar.radio(key="lang").set_value("en").run()
    for page, title in ENGLISH.items():
        at = open_page(app, page)
        assert_clean(at)
        assert [t.value for t in at.title] == [title]
    assert "Connected:" in texts(app)


def test_overview_counts_coverage_and_years(app: AppTest):
    at = open_page(app, "overview")
    labels = {m.label: m.value.replace(",", "") for m in at.metric}  # counts are shown with thousands separators
    assert int(labels["文档"]) >= 37 and int(labels["建议"]) > 0 and labels["研究课题"] == "4"
    page = texts(at)
    assert 'class="kg-matrix"' in page and "课题4" in page and "指标 6" in page
    assert "缺口" in page  # the seed corpus leaves some indicators without a recommendation
    # the report, the policy review and the drafting support of each direction are deliverables, not gaps
    assert page.count('class="kg-deliverable"') == 12
    assert 'class="kg-w"' in page  # weak links are shown apart from coverage
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")


def test_overview_in_english_names_the_guide_items_by_their_english_glosses(app: AppTest):
    from dashboards import i18n

    app.sidebar.radio(key="lang").set_value("en").run()
    at = open_page(app, "overview")
    assert_clean(at)
    page = texts(at)
    glosses = i18n.guide_glosses()
    shown = html.unescape(page)
    for code in ("1", "2", "3", "4"):
        assert f"Direction {code}</b> {glosses[code]}<" in shown, code  # the row heads of the matrix
    for code in ("1.3", "2.4", "3.4", "4.5"):
        assert f'title="{code} {glosses[code]}"' in shown, code  # the cells' tooltips
    assert "(translation)" in page and "the project's own translations" in page
    # no Chinese at all: the guide's names are glossed, and the page shows no document text
    assert not re.findall(r"[\u4e00-\u9fff]+", page)
    table = at.dataframe[0].value
    assert list(table["Name"])[:6] == [glosses[f"1.{n}"] for n in range(1, 7)]
    # the same page in Chinese still shows the guide's own words
    at.sidebar.radio(key="lang").set_value("zh").run()
    assert "坚持和加强党对科技社团的全面领导" in texts(at) and "(translation)" not in texts(at)


def test_trace_pickers_in_english_show_the_glosses(app: AppTest):
    from dashboards import i18n

    app.sidebar.radio(key="lang").set_value("en").run()
    at = open_page(app, "trace")
    at.selectbox(key=w("trace_direction", "en")).set_value("3").run()
    assert_clean(at)
    glosses = i18n.guide_glosses()
    assert at.selectbox(key=w("trace_direction", "en")).options[2] == f"Direction 3: {glosses['3']}"
    options = at.selectbox(key=w("trace_indicator_3", "en")).options
    assert any(o.startswith(f"3.4 {glosses['3.4']} (") for o in options), options
    assert not any(re.search(r"[\u4e00-\u9fff]", o) for o in options)
    assert any("(translation)" in c.value for c in at.caption)


def test_timeline_starts_at_2012_unless_the_address_asks(app: AppTest):
    at = open_page(app, "timeline")
    low, high = at.slider[0].value
    assert low == 2012 and high > 2012 and at.slider[0].min < 2012  # older documents: move the range
    assert at.query_params["from"] == "2012" and at.query_params["to"] == str(high)


def test_trace_reaches_a_recommendation_with_evidence_and_exports(app: AppTest):
    at = open_page(app, "trace")
    at.selectbox(key=w("trace_direction")).set_value("2").run()
    assert_clean(at)
    assert box(at, "trace_rec_2_").value.startswith("rec-")
    page = texts(at)
    assert 'class="kg-rec"' in page and 'class="kg-passage"' in page
    assert "发文机关" in page and "发文字号" in page and "据公开资料撰写的摘要，非原文" in page
    assert "证据链" in page and "vis.DataSet" in page  # the small recommendation → passage → document graph
    assert [b.proto.label for b in at.get("download_button")] == ["下载 Word（.docx）", "下载 Markdown（.md）"]
    # pick an indicator, then another recommendation
    indicator = at.selectbox(key=w("trace_indicator_2"))
    with_recs = [o for o in indicator.options if "（0）" not in o and "研究交付物" not in o and o != "全部考核指标"]
    assert with_recs
    code = with_recs[0].split()[0]
    indicator.set_value(code).run()
    assert_clean(at)
    recs = box(at, f"trace_rec_2_{code}")
    recs.select(recs.options[-1]).run()
    assert_clean(at)
    at.radio(key=w("trace_export_scope")).set_value("direction").run()
    assert_clean(at)


def test_trace_switch_keeps_the_recommendations_other_documents_back(app: AppTest):
    """Issue 10: a drafter looks for the recommendations that are repeated policy or supported elsewhere; the
    picker marks each with its support (佐证) and same-measure (同类) counts, and a switch keeps only those."""
    at = open_page(app, "trace")
    at.selectbox(key=w("trace_direction")).set_value("4").run()
    every = box(at, "trace_rec_4_").options
    marked = [o for o in every if " · 佐证 " in o or " · 同类 " in o]
    assert marked and len(marked) < len(every)  # the seed has both
    at.toggle(key="trace_backed").set_value(True).run()
    assert_clean(at)
    only = box(at, "trace_rec_4_").options
    assert only and all(" · 佐证 " in o or " · 同类 " in o for o in only)
    assert set(marked) <= set(only)  # those marked among the first shown are kept (and more beyond them)
    assert any(c.value.startswith(f"有他文佐证或同类举措的建议 {len(only)} 条") for c in at.caption)
    # the picked one's page lists what the mark counted
    picked = box(at, "trace_rec_4_")
    label = picked.format_func(picked.value)
    support, same = (re.search(rf" · {mark} (\d+)", label) for mark in ("佐证", "同类"))
    page = texts(at)
    assert f"佐证：其他文档中的依据（{int(support.group(1)) if support else 0} 段）" in page
    assert f"同类建议：其他文档提出的同一举措（{int(same.group(1)) if same else 0} 条）" in page


def test_a_same_measure_sentence_shown_as_support_already_says_so(app: AppTest, seed_dir: Path):
    """A policy passage that states the same measure is support and its sentence a same-measure recommendation: on
    the trace page each such cluster entry says its sentence is listed above, and no other entry does."""
    store = EmbeddedStore(seed_dir / "graph.kgl", writer=False)
    try:
        row = store.read(
            "MATCH (r:Recommendation)-[:SAME_MEASURE]-(o:Recommendation)-[:SUPPORTED_BY]->(:Passage)<-[:EVIDENCED_BY]-(r) "
            "RETURN r.id AS rec, count(DISTINCT o) AS n ORDER BY rec LIMIT 1")[0]
        rec, both = row["rec"], row["n"]
        same = store.read("MATCH (:Recommendation {id: $id})-[:SAME_MEASURE]-(o) RETURN count(DISTINCT o) AS n",
                          {"id": rec})[0]["n"]
    finally:
        store.close()
    at = opened("trace", rec=rec)
    assert_clean(at)
    page = texts(at)
    assert f"同类建议：其他文档提出的同一举措（{same} 条）" in page
    assert page.count("其句已列于上方佐证·") == both >= 1


def test_trace_switch_drops_an_unbacked_pick_and_searches_only_what_is_backed(app: AppTest, seed_dir: Path):
    """The picked recommendation is not kept in the list by the switch when nothing backs it (the picker would
    then hold one more than its caption says), and a text search with the switch on says where it looked."""
    at = open_page(app, "trace")
    at.selectbox(key=w("trace_direction")).set_value("1").run()
    picker = box(at, "trace_rec_1_")
    plain = next(o for o in picker.options if " · 佐证 " not in o and " · 同类 " not in o)
    picker.select(plain).run()
    chosen = box(at, "trace_rec_1_").value
    at.toggle(key="trace_backed").set_value(True).run()
    assert_clean(at)
    picker = box(at, "trace_rec_1_")
    assert picker.value != chosen and plain not in picker.options
    assert picker.options and all(" · 佐证 " in o or " · 同类 " in o for o in picker.options)
    assert any(c.value.startswith(f"有他文佐证或同类举措的建议 {len(picker.options)} 条") for c in at.caption)
    store = EmbeddedStore(seed_dir / "graph.kgl", writer=False)
    try:
        text = store.read("MATCH (r:Recommendation {id: $id}) RETURN r.text AS text", {"id": chosen})[0]["text"]
    finally:
        store.close()
    at.text_input(key="trace_rec_q_1_").set_value(text).run()
    assert_clean(at)
    assert any(c.value.startswith("有他文佐证或同类举措的建议中没有包含") for c in at.caption)
    at.toggle(key="trace_backed").set_value(False).run()
    assert box(at, "trace_rec_1_").value == chosen  # found by its text once the switch is off


def test_trace_indicators_count_as_the_overview_does_and_a_deliverable_is_no_gap(app: AppTest, seed_dir: Path):
    """The indicator picker counts an indicator's recommendations as the overview's matrix does (matched terms,
    with the weak links beside them: the list below holds both, and its total says so), and a deliverable of the
    research (报告, 政策梳理, 支撑起草) is labelled as one and not called a gap when nothing addresses it."""
    store = EmbeddedStore(seed_dir / "graph.kgl", writer=False)
    try:
        coverage = {str(r["indicator"]): r for r in queries.run(store, "coverage")}
    finally:
        store.close()
    at = open_page(app, "trace")
    at.selectbox(key=w("trace_direction")).set_value("2").run()
    box_ = at.selectbox(key=w("trace_indicator_2"))
    labels = {o.split()[0]: o for o in box_.options[1:]}
    for code, label in labels.items():
        row = coverage[code]
        if row["deliverable"]:
            assert label.endswith("（研究交付物）"), label
        elif row["weak"]:
            assert label.endswith(f"（{row['recommendations']} · 弱 {row['weak']}）"), label
        else:
            assert label.endswith(f"（{row['recommendations']}）"), label
    both = next(c for c, r in coverage.items() if c.startswith("2.") and not r["deliverable"] and r["weak"]
                and r["recommendations"] + r["weak"] > 200)  # capped: the caption gives the whole list's size
    box_.set_value(both).run()
    total = coverage[both]["recommendations"] + coverage[both]["weak"]
    assert any(f"共 {total:,} 条" in c.value for c in at.caption), [c.value for c in at.caption]
    empty = next((c for c, r in coverage.items() if c.startswith("2.") and r["deliverable"]
                  and not r["recommendations"] and not r["weak"]), None)
    assert empty, "the seed has a deliverable of direction 2 that no recommendation addresses"
    at.selectbox(key=w("trace_indicator_2")).set_value(empty).run()
    assert_clean(at)
    shown = [i.value for i in at.info]
    assert any("研究交付物" in v and "不是缺口" in v for v in shown) and not any("缺口）" in v for v in shown), shown


def test_the_address_holds_the_backed_switch(app: AppTest, seed_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """A shared link reproduces the filtered picker: the switch writes `backed=1`, and a fresh session opened on
    that address starts with the switch on (drawn without Streamlit's warning about a value set twice)."""
    import logging

    from streamlit.elements.lib import policies

    at = open_page(app, "trace")
    at.selectbox(key=w("trace_direction")).set_value("3").run()
    assert "backed" not in at.query_params
    at.toggle(key="trace_backed").set_value(True).run()
    assert at.query_params["backed"] == "1"
    address = {k: at.query_params[k] for k in ("direction", "indicator", "rec", "backed") if k in at.query_params}
    options = box(at, "trace_rec_3_").options
    monkeypatch.setattr(policies, "_shown_default_value_warning", False)
    logged: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: logged.append(record.getMessage())
    logging.getLogger(policies.__name__).addHandler(handler)
    try:
        fresh = AppTest.from_file(APP, default_timeout=60)
        for key, value in address.items():
            fresh.query_params[key] = value
        fresh = open_page(fresh.run(), "trace")
        assert_clean(fresh)
    finally:
        logging.getLogger(policies.__name__).removeHandler(handler)
    assert fresh.toggle(key="trace_backed").value is True
    assert box(fresh, "trace_rec_3_").options == options
    assert not [m for m in logged if "default value" in m], logged
    fresh.toggle(key="trace_backed").set_value(False).run()
    assert "backed" not in fresh.query_params and len(box(fresh, "trace_rec_3_").options) > len(options)


def test_a_choice_survives_the_language_switch(app: AppTest):
    at = open_page(app, "trace")
    at.selectbox(key=w("trace_direction")).set_value("3").run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert_clean(at)
    assert at.selectbox(key=w("trace_direction", "en")).value == "3"
    assert at.selectbox(key=w("trace_direction", "en")).options[0].startswith("Direction 1")


def test_trace_shows_mentions_highlighted(app: AppTest):
    at = open_page(app, "trace")
    found = False
    for code in ("1", "2", "3", "4"):
        at.selectbox(key=w("trace_direction")).set_value(code).run()
        for option in box(at, f"trace_rec_{code}_").options[:15]:
            box(at, f"trace_rec_{code}_").select(option).run()
            if '<mark class="kg-mention"' in texts(at):
                found = True
                break
        if found:
            break
    assert found, "no evidence passage with a highlighted mention among the first recommendations"


def test_explore_search_graph_and_profile(app: AppTest, seed_dir: Path):
    at = open_page(app, "explore")
    assert box(at, "explore_pick__").options  # the most mentioned entities before any search
    at.text_input(key="explore_q").set_value("中国科协").run()
    assert_clean(at)
    pick = box(at, "explore_pick_中国科协")
    assert any(o.startswith("中国科学技术协会") for o in pick.options)
    pick.select(next(o for o in pick.options if o.startswith("中国科学技术协会"))).run()
    page = texts(at)
    drawn = graphview.node_data(graph_pages(at)[0])
    assert "中国科学技术协会" in [n["label"] for n in drawn] and len(drawn) > 5
    assert "图例" in page and "实体档案" in page and "提及它的文档" in page
    # a hub's documents: how many there are, and that only the most mentioning are listed (not "50" as a total)
    store = EmbeddedStore(seed_dir / "graph.kgl", writer=False)
    try:
        total = store.read("MATCH (e:Entity {name: '中国科学技术协会'})<-[:MENTIONS]-(p:Passage) "
                           "RETURN count(DISTINCT p.doc_id) AS n")[0]["n"]
    finally:
        store.close()
    assert total > 50 and f"提及它的文档（共 {total:,} 份，列出提及最多的 50 份）" in page
    shown = [c.value for c in at.caption if c.value.startswith("显示 ")][0]
    more = [b for b in at.button if b.key and b.key.startswith("more_")]
    if more:  # a cap on neighbours with "show more"
        more[0].click().run()
        assert [c.value for c in at.caption if c.value.startswith("显示 ")][0] != shown
    at.multiselect(key=w("explore_labels")).set_value(["Document"]).run()
    assert_clean(at)
    at.selectbox(key=w("explore_direction")).set_value(2).run()
    assert_clean(at)


def test_filters_set_from_the_address_draw_without_streamlit_s_double_value_warning(
        app: AppTest, monkeypatch: pytest.MonkeyPatch):
    """The explore page puts the address's filters into the widgets' own keys; a default or index given beside
    them made Streamlit log a warning with a stack trace into the server's log (once a process)."""
    import logging

    from streamlit.elements.lib import policies

    monkeypatch.setattr(policies, "_shown_default_value_warning", False)
    logged: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: logged.append(record.getMessage())
    logger = logging.getLogger(policies.__name__)
    logger.addHandler(handler)
    try:
        at = open_page(app, "explore")
        at.text_input(key="explore_q").set_value("中国科协").run()
        pick = box(at, "explore_pick_中国科协")
        pick.select(next(o for o in pick.options if o.startswith("中国科学技术协会"))).run()
        assert_clean(at)
    finally:
        logger.removeHandler(handler)
    assert at.multiselect(key=w("explore_labels")).value == [] and at.selectbox(key=w("explore_hops")).value == 1
    assert not [m for m in logged if "default value" in m], logged


def test_a_search_offers_the_entity_meant_first_not_a_rare_kind(app: AppTest, seed_dir: Path):
    """机械工程: the full-text score alone put the kind 省机械工程学会 (one mention) first and picked it; the search
    now weighs how often each is mentioned, so the named society most documents speak of comes first."""
    store = EmbeddedStore(seed_dir / "graph.kgl", writer=False)
    try:
        hits = queries.run(store, "search_entities", query=fulltext_query("机械工程"), limit=20)
        mentions = {r["id"]: r["m"] for r in store.read(
            "MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id, coalesce(e.mention_count, 0) AS m",
            {"ids": [h["id"] for h in hits]})}
    finally:
        store.close()
    whole = [h for h in hits if "机械工程" in h["name"]]  # the words are ORed: 工程 alone matches as well, weaker
    best = max(whole, key=lambda h: (mentions[h["id"]], not h["generic"]))
    assert hits[0]["id"] == best["id"] and not best["generic"]
    assert max(hits, key=lambda h: h["score"])["id"] != best["id"]  # the engine's score alone would not pick it
    at = open_page(app, "explore")
    at.text_input(key="explore_q").set_value("机械工程").run()
    assert_clean(at)
    assert box(at, "explore_pick_机械工程").value == best["id"]


def test_an_agency_s_profile_names_the_societies_it_supervises(app: AppTest, seed_dir: Path):
    """The lists page counted 主管学会数 2 for 中国科学技术协会 while its explore profile named none of them."""
    store = EmbeddedStore(seed_dir / "graph.kgl", writer=False)
    try:
        agency = store.read("MATCH (s:Society)-[x:SUPERVISED_BY]->(a:Agency) WHERE x.review IS NULL "
                            "WITH a, count(DISTINCT s) AS n ORDER BY n DESC, a.id LIMIT 1 RETURN a.id AS id")[0]["id"]
        names = sorted(r["n"] for r in store.read(
            "MATCH (s:Society)-[x:SUPERVISED_BY]->(:Agency {id: $id}) WHERE x.review IS NULL RETURN DISTINCT s.name AS n",
            {"id": agency}))
    finally:
        store.close()
    at = opened("explore", entity=agency)
    assert_clean(at)
    line = next(m.value for m in at.markdown if "主管的社团" in m.value)
    shown = line.split("**主管的社团**：", 1)[1].split("\n", 1)[0].replace("\\", "")
    assert sorted(shown.split("、")) == names


def test_a_dead_link_says_so_instead_of_showing_something_else_silently(app: AppTest):
    """A shared link to a recommendation or an entity no longer in the graph (its document removed, an entity merged
    away) showed another one with no word; now the page says the one asked for is gone."""
    fresh = opened("trace", rec="rec-0000000000000000")
    assert not fresh.exception
    assert [w_.value for w_ in fresh.warning] == [
        "网址中的建议 rec-0000000000000000 不在图谱中（其文档已被移除或改动后重新导入）；下面显示的是另一条建议。"]
    assert fresh.query_params["rec"] != "rec-0000000000000000"  # the address names what is shown
    fresh.run()
    assert not fresh.warning  # said once, not at every rerun
    fresh = opened("explore", entity="soc-0000000000000000")
    assert not fresh.exception
    assert [w_.value for w_ in fresh.warning][0].startswith("网址中的实体 soc-0000000000000000 不在图谱中")


def test_a_passage_found_by_the_search_opens_in_the_reader(app: AppTest):
    at = open_page(app, "explore")
    at.text_input(key="explore_q").set_value("承接政府转移职能").run()
    assert_clean(at)
    bodies = [e.proto.body for e in at.get("html")]
    links = [re.search(r'href="reader\?doc=([^"&]+)"', b) for b in bodies if "— <a" in b]
    assert links and all(links)


def test_the_address_holds_the_search_and_the_entity_explored(app: AppTest):
    """A drafter searches, picks an entity, reloads (or shares the link): the same search and entity come back;
    a new search lets go of the entity the address named."""
    at = open_page(app, "explore")
    at.text_input(key="explore_q").set_value("机械工程").run()
    pick = box(at, "explore_pick_机械工程")
    chosen = next(o for o in pick.options if o.startswith("中国机械工程学会"))
    pick.select(chosen).run()
    assert_clean(at)
    entity = box(at, "explore_pick_机械工程").value
    assert at.query_params["entity"] == entity and at.query_params["q"] == "机械工程"
    fresh = AppTest.from_file(APP, default_timeout=60)
    fresh.query_params["entity"], fresh.query_params["q"] = entity, "机械工程"
    fresh = open_page(fresh.run(), "explore")
    assert_clean(fresh)
    assert fresh.text_input(key="explore_q").value == "机械工程"
    assert box(fresh, "explore_pick_机械工程").value == entity
    fresh.text_input(key="explore_q").set_value("中国科协").run()
    assert_clean(fresh)
    first = box(fresh, "explore_pick_中国科协")
    assert first.value != entity and fresh.query_params["entity"] == first.value
    assert fresh.query_params["q"] == "中国科协"


def test_explore_two_hops_adds_the_neighbours_of_neighbours(app: AppTest):
    """Depth 2 draws entities tied to the centre's neighbours but not to the centre (through an
    edge to a first-hop node); the address holds the depth."""
    at = open_page(app, "explore")
    at.text_input(key="explore_q").set_value("中国科协").run()
    pick = box(at, "explore_pick_中国科协")
    pick.select(next(o for o in pick.options if o.startswith("中国科学技术协会"))).run()
    one = {n["id"] for n in graphview.node_data(graph_pages(at)[0])}
    at.selectbox(key=w("explore_hops")).set_value(2).run()
    assert_clean(at)
    assert at.query_params["hops"] == "2"
    two = {n["id"] for n in graphview.node_data(graph_pages(at)[0])}
    assert one < two
    added = two - one
    page = graph_pages(at)[0]
    import re as _re
    edges = json.loads(_re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", graphview.inner_page(page), _re.DOTALL).group(1))
    for node in added:  # each new node hangs on a first-hop node, not on the centre
        ends = [e for e in edges if node in (e["from"], e["to"])]
        assert ends and all(({e["from"], e["to"]} - {node}) <= one for e in ends)


def test_explore_without_hits_says_so(app: AppTest):
    at = open_page(app, "explore")
    at.text_input(key="explore_q").set_value("zzzzqqq").run()
    assert_clean(at)
    assert "没有找到匹配的实体" in texts(at)
    at.text_input(key="explore_q").set_value("！？。").run()
    assert_clean(at)


def param(at: AppTest, key: str) -> str | None:
    """A query parameter of the address the page left (AppTest keeps the ones it wrote as lists)."""
    value = at.query_params.get(key)
    return value[-1] if isinstance(value, list) else value


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, str, str | None]]:
    """What the page's download buttons would send: (data, mimetype, file name) of each file stored."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    stored: list[tuple[bytes, str, str | None]] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
        if isinstance(path_or_data, bytes):
            stored.append((path_or_data, mimetype, filename))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", load_and_get_id)
    return stored


def test_lists_shows_societies_with_their_counts_and_a_csv(app: AppTest, downloads: list):
    at = open_page(app, "lists")
    assert_clean(at)
    assert param(at, "view") == "entities" and param(at, "type") == "Society"
    frame = at.dataframe[0].value
    assert {"承接职能数", "主办项目数", "分支机构数", "党组织数", "业务主管单位数", "研究课题", "首见年份",
            "末见年份", "文档数"} <= set(frame.columns)
    cmes = frame[frame["名称"] == "中国机械工程学会"]
    assert len(cmes) == 1
    row = cmes.iloc[0]
    assert row["承接职能数"] >= 1 and row["分支机构数"] >= 1 and row["文档数"] >= 1
    assert row["首见年份"] <= row["末见年份"]
    assert row["link"].startswith("explore?") and f"entity={row['id']}" in row["link"]
    assert [b.proto.label for b in at.get("download_button")] == [f"下载 CSV（表中 {len(frame):,} 行）"]  # what it holds
    data, mimetype, name = [d for d in downloads if d[1] == "text/csv"][-1]
    assert data.startswith(b"\xef\xbb\xbf") and name.endswith(".csv")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("名称,别名") and "中国机械工程学会" in text and "explore?" not in text
    import csv

    generic = {row["泛称"] for row in csv.DictReader(io.StringIO(text))}
    assert generic and generic <= {"是", "否"}  # words, not True / False
    # the filter keeps the rows that contain the text
    at.text_input(key="lists_q_entities").set_value("机械工程").run()
    assert_clean(at)
    filtered = at.dataframe[0].value
    assert "中国机械工程学会" in set(filtered["名称"]) and 0 < len(filtered) < len(frame)
    assert all("机械工程" in f"{n}{a}{i}" for n, a, i in zip(filtered["名称"], filtered["别名"], filtered["id"]))
    # another type: the count columns follow it
    at.text_input(key="lists_q_entities").set_value("").run()
    at.selectbox(key=w("lists_type")).set_value("Branch").run()
    assert_clean(at)
    assert param(at, "type") == "Branch"
    assert "所属学会数" in at.dataframe[0].value.columns and "承接职能数" not in at.dataframe[0].value.columns


def test_lists_facts_view_comes_from_the_address_and_leaves_out_rejected_facts(seed_dir: Path, app: AppTest,
                                                                                 downloads: list):
    app.query_params["view"] = "facts"
    app.query_params["rel"] = "BRANCH_OF"
    at = open_page(app, "lists")
    assert_clean(at)
    assert at.radio(key=w("lists_view")).value == "facts" and at.selectbox(key=w("lists_rel")).value == "BRANCH_OF"
    frame = at.dataframe[0].value
    pairs = set(zip(frame["主体"], frame["客体"]))
    assert ("摩擦学分会", "中国机械工程学会") in pairs
    assert (frame["出处段落数"] >= 1).all() and set(frame["关系"]) == {"分支"}
    text = [d for d in downloads if d[1] == "text/csv"][-1][0].decode("utf-8-sig")
    assert "摩擦学分会" in text and text.splitlines()[0].startswith("主体,主体类型,关系,客体")
    at.selectbox(key=w("lists_rel")).set_value("UNDERTAKES").run()
    assert param(at, "rel") == "UNDERTAKES"
    before = at.dataframe[0].value
    first = before.iloc[0]
    # a drafter rejects that fact: the list leaves it out
    store = EmbeddedStore(seed_dir / "graph.kgl", writer=True)
    try:
        key = store.read("MATCH (h {id: $h})-[x:UNDERTAKES]->(t {id: $t}) RETURN x.fact_key AS k",
                         {"h": first["head_id"], "t": first["tail_id"]})
        for k in {r["k"] for r in key}:
            set_decision(store, Decision(fact_key=k, status="rejected", by="测试"))
        store.checkpoint()
    finally:
        store.close()
    try:
        at.run()
        after = at.dataframe[0].value
        assert len(after) == len(before) - 1
        assert (first["head_id"], first["tail_id"]) not in set(zip(after["head_id"], after["tail_id"]))
    finally:
        store = EmbeddedStore(seed_dir / "graph.kgl", writer=True)
        try:
            from kg.review import clear_decision
            for k in {r["k"] for r in key}:
                clear_decision(store, k)
            store.checkpoint()
        finally:
            store.close()


def test_a_dossier_holds_no_rejected_recommendation(seed_dir: Path, app: AppTest, monkeypatch: pytest.MonkeyPatch):
    """A drafter's shortlist with a recommendation rejected since: the shortlist's dossier leaves it out and says so;
    the rejected one itself, shown struck through with 显示已否决的事实, offers no dossier (the README: rejected facts
    are not exported). And its rejected support links are not exported with a kept recommendation either."""
    from dashboards import dossier

    combined: list[list[str]] = []
    original = dossier.combine

    def combine(parts, **kwargs):
        combined.append([item.rec_id for part in parts for item in part.items])
        return original(parts, **kwargs)

    monkeypatch.setattr(dossier, "combine", combine)
    store = EmbeddedStore(seed_dir / "graph.kgl", writer=True)
    try:
        rows = store.read("MATCH (r:Recommendation)-[:ADDRESSES]->(:ResearchDirection {code: '1'}) "
                          "WHERE r.review IS NULL RETURN r.id AS id, r.fact_key AS k ORDER BY id LIMIT 2")
        kept, rejected = rows
        set_decision(store, Decision(fact_key=rejected["k"], status="rejected", by="测试"))
        store.checkpoint()
    finally:
        store.close()
    try:
        app.query_params["rec"] = kept["id"]
        app.query_params["list"] = f"{kept['id']},{rejected['id']}"
        at = open_page(app, "trace")
        assert_clean(at)
        at.radio(key=w("trace_export_scope")).set_value("shortlist").run()
        assert_clean(at)
        assert combined[-1] == [kept["id"]]
        assert "清单中 1 条建议已被否决，不写入卷宗。" in [c.value for c in at.caption]
        # the rejected one, opened by its address with the switch on: struck through, no dossier of it
        fresh = AppTest.from_file(APP, default_timeout=60)
        fresh.query_params["rec"] = rejected["id"]
        fresh.session_state["show_rejected"] = True
        fresh = open_page(fresh.run(), "trace")
        assert "这条建议已被否决：卷宗不收录已否决的事实。" in [i.value for i in fresh.info]
        assert not [b for b in fresh.get("download_button") if b.proto.label.startswith("下载 Word")]
    finally:
        store = EmbeddedStore(seed_dir / "graph.kgl", writer=True)
        try:
            from kg.review import clear_decision
            clear_decision(store, rejected["k"])
            store.checkpoint()
        finally:
            store.close()


def test_links_between_pages_keep_the_english_page_english(app: AppTest):
    """A link to another page opens a new session, which reads the language from the address: every such link of
    an English page carries lang=en (they opened the Chinese page: trace's entity chips, explore's documents, the
    lists' name column, the review queues)."""
    app.sidebar.radio(key="lang").set_value("en").run()
    inner = re.compile(r'(?:href="|\]\()((?:overview|trace|explore|lists|reader|timeline|review|cypher)\?[^"\)\s]*)')
    found: dict[str, list[str]] = {}
    for page in ("trace", "explore", "review", "reader"):
        at = open_page(app, page)
        assert_clean(at)
        found[page] = inner.findall(texts(at) + "\n".join(e.value for e in at.markdown))
    at = open_page(app, "lists")
    found["lists"] = list(at.dataframe[0].value["link"])
    for page, links in found.items():
        assert links, page  # each page has links to another page
        assert all(re.search(r"(?:\?|&|&amp;)lang=en(?:&|$)", link) for link in links), \
            (page, [x for x in links if "lang=en" not in x][:3])
    app.sidebar.radio(key="lang").set_value("zh").run()
    at = open_page(app, "explore")
    assert not [x for x in inner.findall(texts(at)) if "lang=" in x]  # Chinese, the default, needs nothing


def test_the_lists_filter_searches_the_whole_type_and_stays_in_the_address(app: AppTest, seed_dir: Path):
    """The filter searched only the 200 rows loaded (an agency named 93 times, past them, was not found); it is the
    query's now, counted in the caption, and the address holds it (a reload or shared link filters the same)."""
    store = EmbeddedStore(seed_dir / "graph.kgl", writer=False)
    try:
        every = queries.run(store, "entity_list", label="Agency", limit=100000)
    finally:
        store.close()
    assert len(every) > 200
    last = every[-1]["name"]  # the last of the list: not among the rows a first render loads
    wanted = [r for r in every if last.lower() in r["name"].lower()
              or last.lower() in r["id"].lower() or any(last.lower() in a.lower() for a in r.get("aliases") or [])]
    at = open_page(app, "lists")
    at.selectbox(key=w("lists_type")).set_value("Agency").run()
    at.text_input(key="lists_q_entities").set_value(last).run()
    assert_clean(at)
    frame = at.dataframe[0].value
    assert sorted(frame["id"]) == sorted(r["id"] for r in wanted)
    assert any(c.value.startswith(f"显示 {len(wanted)} / {len(wanted)} 行") for c in at.caption)
    assert param(at, "q") == last
    fresh = AppTest.from_file(APP, default_timeout=60)
    for key in ("view", "type", "q"):
        fresh.query_params[key] = at.query_params[key]
    fresh = open_page(fresh.run(), "lists")
    assert fresh.text_input(key="lists_q_entities").value == last
    assert sorted(fresh.dataframe[0].value["id"]) == sorted(r["id"] for r in wanted)


def test_the_review_log_names_who_decided_and_speaks_the_page_s_language(app: AppTest, seed_dir: Path):
    """A decision made on a page is recorded with the name typed in the sidebar (审核人 was always empty); the log
    names the kind of fact and a relationship in the page's language, not RUNS or Recommendation."""
    at = open_page(app, "trace")
    at.sidebar.text_input(key="reviewer").set_value("王起草").run()
    rec = at.query_params["rec"]
    store = EmbeddedStore(seed_dir / "graph.kgl", writer=False)
    try:
        key = store.read("MATCH (r:Recommendation {id: $id}) RETURN r.fact_key AS k", {"id": rec})[0]["k"]
        fact = store.read("MATCH (h:Entity)-[x:RUNS]->(t:Entity) WHERE x.review IS NULL "
                          "RETURN x.fact_key AS k, h.name AS h, t.name AS t ORDER BY k LIMIT 1")[0]
    finally:
        store.close()
    try:
        at.button(key=f"reject_rec_{key}").click().run()
        assert_clean(at)
        from dashboards import data
        data.record(fact["k"], "verified", by="王起草")
        at = open_page(at, "review")
        assert_clean(at)
        table = at.table[0].value
        mine = table.loc[[key, fact["k"]]]
        assert list(mine["审核人"]) == ["王起草", "王起草"]
        assert list(mine["事实类型"]) == ["建议", "主办"]
        assert mine.loc[fact["k"], "内容"] == f"{fact['h']} —主办→ {fact['t']}"
        at.sidebar.radio(key="lang").set_value("en").run()
        assert {"Verified", "Rejected", "Corrected"} <= {m.label for m in at.metric}
        assert set(at.table[0].value.loc[[key, fact["k"]]]["Fact"]) == {"Recommendation", "runs"}
    finally:
        store = EmbeddedStore(seed_dir / "graph.kgl", writer=True)
        try:
            from kg.review import clear_decision
            clear_decision(store, key)
            clear_decision(store, fact["k"])
            store.checkpoint()
        finally:
            store.close()


def test_lists_in_english_shows_no_chinese_but_data(app: AppTest):
    app.sidebar.radio(key="lang").set_value("en").run()
    at = open_page(app, "lists")
    assert_clean(at)
    cjk = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
    frame = at.dataframe[0].value
    assert not [c for c in frame.columns if cjk.search(c)]
    assert "Functions undertaken" in frame.columns and "Research directions" in frame.columns
    assert not cjk.search(frame["Research directions"].iloc[0])
    shown = [at.title[0].value, *[c.value for c in at.caption if "embedded kglite" not in c.value],
             at.radio(key=w("lists_view", "en")).label, *at.radio(key=w("lists_view", "en")).options,
             at.selectbox(key=w("lists_type", "en")).label, *at.selectbox(key=w("lists_type", "en")).options,
             *[b.proto.label for b in at.get("download_button")], at.text_input(key="lists_q_entities").label]
    assert not [s for s in shown if cjk.search(s)], shown


def _fact_passage(seed_dir: Path) -> dict:
    """A seed document's passage that states a relationship fact and mentions an entity."""
    store = EmbeddedStore(seed_dir / "graph.kgl", writer=False)
    try:
        rows = store.read("MATCH (h:Entity)-[x:UNDERTAKES|RUNS|ISSUED|PARTY_ORG_OF|BRANCH_OF]->(t:Entity) "
                          "MATCH (p:Passage)-[:PART_OF]->(d:Document) WHERE p.id = x.evidence "
                          "AND coalesce(x.review, '') <> 'rejected' AND EXISTS { (p)-[:MENTIONS]->() } "
                          "RETURN d.id AS doc_id, d.title AS title, p.text AS text, h.name AS head, t.name AS tail "
                          "ORDER BY doc_id, text LIMIT 1")
    finally:
        store.close()
    assert rows, "the seed graph has no relationship fact: the test would prove nothing"
    return rows[0]


def test_reader_shows_a_documents_passages_mentions_and_facts(seed_dir: Path, app: AppTest):
    fact = _fact_passage(seed_dir)
    app.query_params["doc"] = fact["doc_id"]
    at = open_page(app, "reader")
    assert_clean(at)
    assert at.selectbox(key=w("reader_doc")).value == fact["doc_id"]
    shown = texts(at)
    assert html.escape(fact["title"]) in shown or fact["title"] in shown
    assert '<mark class="kg-mention"' in shown
    assert 'class="kg-fact"' in shown
    facts = re.findall(r'<li class="kg-fact".*?</li>', shown)
    assert any(html.escape(fact["head"]) in f and html.escape(fact["tail"]) in f for f in facts), facts[:3]
    # the passage text, its mentions made into <mark>s
    plain = re.sub(r"<[^>]+>", "", shown)
    assert html.escape(fact["text"][:20]) in plain or fact["text"][:20] in plain


def test_reader_without_a_document_picks_the_most_recent_and_writes_it_to_the_address(app: AppTest):
    at = open_page(app, "reader")
    assert_clean(at)
    options = at.selectbox(key=w("reader_doc")).options
    assert len(options) > 10
    first = param(at, "doc")
    assert first and at.selectbox(key=w("reader_doc")).value == first
    dates = [o.rsplit(" · ", 1)[-1] for o in options[:10]]
    assert dates == sorted(dates, reverse=True), dates
    at.selectbox(key=w("reader_doc")).select_index(3).run()
    assert_clean(at)
    assert param(at, "doc") != first and param(at, "doc") == at.selectbox(key=w("reader_doc")).value


def test_reader_in_english_shows_no_chinese_ui_text(seed_dir: Path, app: AppTest):
    fact = _fact_passage(seed_dir)
    app.query_params["doc"] = fact["doc_id"]
    app.sidebar.radio(key="lang").set_value("en").run()
    at = open_page(app, "reader")
    assert_clean(at)
    cjk = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
    ui = [at.title[0].value, *[c.value for c in at.caption if "embedded kglite" not in c.value],
          at.selectbox(key=w("reader_doc", "en")).label, *[m.value for m in at.markdown if m.value.startswith("#")]]
    assert "Reader" in ui and not [s for s in ui if cjk.search(s)], ui
    shown = texts(at)
    assert "Facts stated here" in shown and "本段陈述的关系" not in shown
    labels = re.findall(r"^- ([^:：]+)[:：]", "\n".join(m.value for m in at.markdown), re.M)
    assert labels and not [s for s in labels if cjk.search(s)], labels


def test_timeline_and_lineage(app: AppTest):
    at = open_page(app, "timeline")
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert "vis.DataSet" in texts(at)
    at.multiselect(key=w("timeline_kinds")).set_value(["policy", "case", "news"]).run()
    assert_clean(at)
    at.selectbox(key=w("lineage_direction")).set_value(1).run()
    assert_clean(at)


def test_lineage_on_a_year_axis_puts_each_document_in_the_column_of_its_year(app: AppTest):
    """Every citing document drawn in the column of its year (x fixed, later years to the right, one
    column a year), within the timeline's year range; off, the graph is free again."""
    import re as _re

    at = open_page(app, "timeline")
    low, high = at.slider[0].value
    drawn = graphview.node_data(at.get("iframe")[-1].proto.srcdoc)
    dated = [(int(m.group(1)), n) for n in drawn if (m := _re.match(r"^(\d{4}) · ", n["label"]))]
    assert len(dated) > 10
    assert all(low <= year <= high and n["fixed"]["x"] for year, n in dated)
    x_of: dict[int, set[float]] = {}
    for year, n in dated:
        x_of.setdefault(year, set()).add(n["x"])
    assert all(len(xs) == 1 for xs in x_of.values())  # one column a year
    columns = [x_of[y].pop() for y in sorted(x_of)]
    assert columns == sorted(columns) and len(set(columns)) == len(columns)  # later years to the right
    at.toggle(key=w("lineage_by_year")).set_value(False).run()
    assert_clean(at)
    assert not any("fixed" in n for n in graphview.node_data(at.get("iframe")[-1].proto.srcdoc))


def test_console_refuses_writes_and_runs_reads(app: AppTest):
    at = open_page(app, "cypher")
    at.text_area(key="cypher_text").set_value("CREATE (n:Society {name: 'x'}) RETURN n")
    at.button(key="cypher_run").click().run()
    assert [e.value for e in at.error] == ["已拒绝：控制台只读，不能修改图谱（CREATE、MERGE、SET、DELETE 等写操作不被允许）。"]
    at.text_area(key="cypher_text").set_value("MATCH (d:Document) RETURN d.title AS title ORDER BY title LIMIT 3")
    at.button(key="cypher_run").click().run()
    assert_clean(at)
    assert len(at.dataframe[0].value) == 3 and "3 行" in texts(at)
    at.text_area(key="cypher_text").set_value("MATCH (n RETURN n")
    at.button(key="cypher_run").click().run()
    assert at.error and at.error[0].value.startswith("查询出错") and not at.exception
    at.text_area(key="cypher_text").set_value("MATCH p = (r:Recommendation)-[:SUPPORTED_BY]->(:Passage) RETURN p LIMIT 2")
    at.text_area(key="cypher_params").set_value("not json")
    at.button(key="cypher_run").click().run()
    assert at.error and "JSON" in at.error[0].value
    at.text_area(key="cypher_params").set_value("{}")
    at.button(key="cypher_run").click().run()
    assert_clean(at)
    assert "vis.DataSet" in texts(at)  # paths come back: shown as a graph too


def test_the_console_s_address_holds_the_query_whose_result_is_shown(app: AppTest):
    """Typed but not run, a query does not go into the address (a shared link would show another result); a query
    from the library too long for an address takes the last one out of it, and the page says so."""
    at = open_page(app, "cypher")
    ran = "MATCH (d:Document) RETURN d.title AS title ORDER BY title LIMIT 3"
    at.text_area(key="cypher_text").set_value(ran)
    at.button(key="cypher_run").click().run()
    assert at.query_params["q"] == ran
    at.text_area(key="cypher_text").set_value("MATCH (s:Society) RETURN s.name LIMIT 5").run()  # typed, not run
    assert_clean(at)
    assert at.query_params["q"] == ran and len(at.dataframe[0].value) == 3
    long = next(n for n, q in data_library().items() if len(q.cypher) > 4000)
    at.button(key=f"example_{long}").click().run()
    assert not at.exception
    assert "q" not in at.query_params and "params" not in at.query_params
    assert any(c.value.startswith("查询与参数超过 4,000 个字符，未写入网址") for c in at.caption)
    short = next(n for n, q in data_library().items() if len(q.cypher) < 1500 and not q.params)
    at.button(key=f"example_{short}").click().run()
    assert at.query_params["q"] == data_library()[short].cypher.strip()


def test_the_console_speaks_english_when_asked(app: AppTest):
    """A store's messages are bilingual for the command line (查询超时 / stopped: …); the English page shows the
    English part: a syntax error and a refused write read without Chinese."""
    app.sidebar.radio(key="lang").set_value("en").run()
    at = open_page(app, "cypher")
    cjk = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
    for query in ("MATCH (n RETURN n", "CREATE (n:Society {name: 'x'}) RETURN n"):
        at.text_area(key="cypher_text").set_value(query)
        at.button(key="cypher_run").click().run()
        assert at.error and not at.exception
        assert not cjk.search(at.error[0].value), at.error[0].value


def data_library():
    from kg import queries

    return queries.library()


def test_a_downloaded_csv_holds_no_formula_a_spreadsheet_would_run(app: AppTest, downloads: list):
    """Documents are untrusted: a name or sentence that begins like a formula (=HYPERLINK(…), +, -, @) is written to
    the CSV as text (a leading '), as OWASP's CSV-injection advice has it; numbers and other text stay as they are."""
    at = open_page(app, "cypher")
    at.text_area(key="cypher_text").set_value(
        "RETURN '=HYPERLINK(\"http://x.invalid\",\"点此\")' AS a, '@SUM(1)' AS b, '-2+3' AS c, '中国科协' AS d, -5 AS e, "
        "1 AS `=HYPERLINK(\"http://x.invalid\")`")
    at.button(key="cypher_run").click().run()
    assert_clean(at)
    data = [d for d in downloads if d[1] == "text/csv"][-1][0].decode("utf-8-sig")
    header, row = data.splitlines()
    assert header == "a,b,c,d,e,\"'=HYPERLINK(\"\"http://x.invalid\"\")\""  # a column's alias is a cell too
    assert row == "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"点此\"\")\",'@SUM(1),'-2+3,中国科协,-5,1"


def test_every_named_query_runs_from_the_library(app: AppTest):
    at = open_page(app, "cypher")
    names = [b.key.removeprefix("example_") for b in at.button if b.key and b.key.startswith("example_")]
    assert "trace_recommendation" in names and "coverage" in names
    for name in names:
        at.button(key=f"example_{name}").click().run()
        assert not at.exception and not at.error, (name, [e.value for e in at.error])
        assert "查询成功，没有返回行" not in texts(at), f"{name} returned no rows with its example parameters"


def test_every_page_says_plainly_when_the_store_is_down(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KG_STORE", "neo4j")
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    monkeypatch.setenv("NEO4J_PASSWORD", "not-a-password")
    at = AppTest.from_file(APP, default_timeout=60).run()
    for page, title in PAGES.items():
        at = open_page(at, page)
        assert not at.exception
        assert [t.value for t in at.title] == [title]
        assert len(at.error) == 1
        message = at.error[0].value
        assert "无法连接图数据库" in message and "cannot be reached" in message and "Traceback" not in message


def test_an_empty_graph_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KG_STORE", "embedded")
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=60).run()
    for page in PAGES:
        at = open_page(at, page)
        assert_clean(at)
    at = open_page(at, "overview")
    assert "图谱为空" in texts(at)


def test_the_page_tests_cover_every_page_of_the_app():
    """A new page in dashboards/pages.py is opened by the page tests here and in Chromium, in both
    languages, only once it is in their lists: this fails until it is."""
    from dashboards.pages import PAGES as APP_PAGES
    from tests.test_dashboard_browser import PAGES as BROWSER_PAGES

    paths = [path for path, _file, _icon in APP_PAGES]
    assert list(PAGES) == paths and list(ENGLISH) == paths
    assert {path or "overview" for path in BROWSER_PAGES} == set(paths)  # the overview is at the root there
