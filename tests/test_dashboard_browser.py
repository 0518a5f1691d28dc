"""End to end: the dashboard served by Streamlit, driven in Debian's Chromium through Playwright.

Needs /usr/bin/chromium (`apt-get install -y chromium fonts-noto-cjk`; never `playwright install`).
Skipped when it is missing, unless KG_REQUIRE_BROWSER=1. Every wait is for something visible,
never for a fixed time.
"""
from __future__ import annotations

import io
import os
import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from dashboards import serve
from kg.ingest import ingest
from kg.net import free_port
from kg.processes import stop as stop_process
from kg.stores.embedded import EmbeddedStore

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seed_data"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CDN_HOSTS = ("cdn." + "jsdelivr", "cdnjs" + ".", "unpkg" + ".com")
TIMEOUT_MS = 60_000
# page path -> (title, text that shows the page has rendered its content)
PAGES = {
    "": ("总览", "覆盖矩阵"),
    "trace": ("建议溯源", "证据链"),
    "explore": ("图谱探索", "实体档案"),
    "lists": ("列表", "下载 CSV"),
    "reader": ("文档", "正文"),
    "timeline": ("政策脉络", "引用脉络"),
    "review": ("审核", "全部决定"),
    "cypher": ("Cypher", "命名查询库"),
}


# --- fixtures ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def chromium_path() -> str:
    if not Path(CHROMIUM).exists():
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"KG_REQUIRE_BROWSER=1 but {CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium fonts-noto-cjk)")
    pytest.importorskip("playwright")
    return CHROMIUM


def _seed_graph(data_dir: Path) -> None:
    store = EmbeddedStore(data_dir / "graph.kgl", writer=True)
    try:
        ingest(store, [str(SEED / "guide-2020.txt"), str(SEED / "documents")])
    finally:
        store.close()


def _start(env_overrides: dict[str, str], cwd: Path) -> Iterator[str]:
    host, port = "127.0.0.1", free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KG_", "NEO4J_"))} | env_overrides
    log = open(cwd / "streamlit.log", "wb")
    proc = subprocess.Popen(serve.streamlit_argv(host, port), cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://{host}:{port}"
    deadline = time.monotonic() + 60
    while True:  # the health endpoint answers once the server listens
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                log.close()
                raise RuntimeError(f"streamlit did not start: {(cwd / 'streamlit.log').read_text()[-2000:]}")
            time.sleep(0.2)
    try:
        yield url
    finally:
        stop_process(proc, timeout=15)
        log.close()


SEED_GRAPH: dict[str, Path] = {}  # where the `server` fixture's graph lives (tests read it to pick cases)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("kg-browser")
    _seed_graph(data_dir)
    SEED_GRAPH["dir"] = data_dir
    yield from _start({"KG_STORE": "embedded", "KG_DATA_DIR": str(data_dir)}, data_dir)


@pytest.fixture(scope="module")
def support_server(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Iterator[str]:
    """The hand-built fixture graph, where one recommendation has support of every kind."""
    from kg.load import load_facts
    from kg.support import update_support
    from tests.fixture_graph import corpus_facts

    data_dir = tmp_path_factory.mktemp("kg-support")
    store = EmbeddedStore(data_dir / "graph.kgl", writer=True)
    try:
        store.apply_schema()
        load_facts(store, corpus_facts())
        update_support(store)
    finally:
        store.close()
    yield from _start({"KG_STORE": "embedded", "KG_DATA_DIR": str(data_dir)}, data_dir)


@pytest.fixture(scope="module")
def down_server(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Iterator[str]:
    closed = free_port()  # a port nobody listens on
    cwd = tmp_path_factory.mktemp("kg-down")
    yield from _start({"KG_STORE": "neo4j", "NEO4J_URI": f"bolt://127.0.0.1:{closed}",
                       "NEO4J_PASSWORD": "not-a-password"}, cwd)


@pytest.fixture(scope="module")
def browser(chromium_path: str):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="zh-CN")
    context.set_default_timeout(TIMEOUT_MS)
    pg = context.new_page()
    outside: list[str] = []
    pg.on("request", lambda r: None if re.match(r"(https?|wss?)://127\.0\.0\.1[:/]|(data|blob|about):", r.url)
          else outside.append(r.url))
    yield pg
    context.close()
    assert outside == [], f"the dashboard fetched from elsewhere: {outside}"


# --- helpers -----------------------------------------------------------------------------------
def open_page(page, base: str, path: str) -> None:
    from playwright.sync_api import expect

    title, ready = PAGES[path]
    page.goto(f"{base}/{path}")
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
    expect(page.get_by_text(ready).first).to_be_visible()


def settled(page) -> None:
    """The script run is over: no running indicator, no element left over from the previous run."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stStatusWidgetRunningIcon")).to_have_count(0)
    expect(page.locator("[data-stale=true]")).to_have_count(0)


def assert_no_error_box(page) -> None:
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator("[data-testid=stAlertContentError]").count() == 0


def assert_offline_html(page) -> None:
    for frame in page.frames:
        html = frame.content()
        for host in CDN_HOSTS:
            assert host not in html, (frame.url, host)


def choose(page, label: str, option: str) -> None:
    """Pick `option` (a regular expression) in the selectbox labelled `label`."""
    page.get_by_test_id("stSelectbox").filter(has_text=label).first.click()
    page.get_by_role("option", name=re.compile(option)).first.click()


def graph_frame(page, must_contain: str, prefix: bool = False):
    """The iframe whose vis-network graph has a node labelled `must_contain` (or starting with it)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                labels = frame.evaluate("() => (typeof nodes !== 'undefined' && nodes.get) ? "
                                        "nodes.get().map(n => n.label) : null")
            except Exception:  # a frame that is navigating or gone
                continue
            if labels and any(label == must_contain or (prefix and label.startswith(must_contain))
                              for label in labels):
                return frame, labels
        page.wait_for_timeout(200)  # polling for a condition, not waiting a fixed time
    raise AssertionError(f"no graph with a node {must_contain!r}")


def seed_undertakes_fact(few_documents: bool = False) -> dict:
    """An UNDERTAKES fact of the seed graph (the `server` fixture's), with the passage and document
    that state it: ids and names of both ends, doc_id, title, passage_id, passage. `few_documents`:
    one whose function is named by few documents (drawn one by one, not as a count node)."""
    store = EmbeddedStore(SEED_GRAPH["dir"] / "graph.kgl", writer=False)
    order = "tail_mentions, head, tail, passage_id" if few_documents else "head, tail, passage_id"
    try:
        rows = store.read("MATCH (a:Entity)-[r:UNDERTAKES]->(b:Entity) MATCH (p:Passage)-[:PART_OF]->(d:Document) "
                          "WHERE p.id = r.evidence RETURN a.id AS head, a.name AS head_name, b.id AS tail, "
                          "b.name AS tail_name, d.id AS doc_id, d.title AS title, p.id AS passage_id, "
                          "p.text AS passage, coalesce(b.mention_count, 0) AS tail_mentions "
                          f"ORDER BY {order} LIMIT 1")
    finally:
        store.close()
    assert rows, "the seed corpus has no UNDERTAKES fact: the test would prove nothing"
    return rows[0]


def seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEED.rglob("*.md"))) + \
        (SEED / "guide-2020.txt").read_text(encoding="utf-8")


# --- tests -------------------------------------------------------------------------------------
def test_every_page_opens_with_its_title_and_no_error(server: str, page):
    from playwright.sync_api import expect

    for path in PAGES:
        open_page(page, server, path)
        assert_no_error_box(page)
        assert_offline_html(page)
        # the sidebar: pages in Chinese, the language switch, the connected store
        for title, _ in PAGES.values():
            expect(page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True)).to_be_visible()
        expect(page.get_by_test_id("stSidebar").get_by_text("English")).to_be_visible()
        expect(page.get_by_test_id("stSidebar").get_by_text("已连接")).to_be_visible()


def test_language_switch(server: str, page):
    from playwright.sync_api import expect

    open_page(page, server, "trace")
    page.get_by_test_id("stSidebar").get_by_text("English").click()
    expect(page.get_by_role("heading", name="Trace recommendations")).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav").get_by_text("Explore the graph")).to_be_visible()
    assert_no_error_box(page)


def test_every_page_in_english_shows_no_chinese_ui_text(server: str, page):
    """In English mode no page's own words are Chinese: titles, subheaders, widget labels, buttons,
    the sidebar and the graph legend (documents' text, names and titles are data and stay Chinese)."""
    from dashboards.pages import PAGES as ORDER

    cjk = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
    found: dict[str, list[str]] = {}
    for path, _, _ in ORDER:
        page.goto(f"{server}/{path}?lang=en")
        page.get_by_role("heading", level=1).first.wait_for()
        page.locator("[data-testid=stMain] [data-testid=stWidgetLabel], [data-testid=stMain] h3").first.wait_for()
        settled(page)
        # st.title / st.subheader (stHeading), not a markdown heading that holds an entity's name
        ui = page.locator("[data-testid=stHeading], [data-testid=stWidgetLabel], [data-testid=stSidebarNav], "
                          "[data-testid=stSidebar] label, .kg-legend, button:not([role=gridcell] *)").all_inner_texts()
        switch = {"语言 / Language", "中文"}  # the language switch names both languages on purpose
        # a document's title in 《》 is data (the reader's heading names the document it shows)
        found[path] = [text for text in ui if cjk.search(re.sub(r"《[^》]*》", "", text)) and text.strip() not in switch]
        assert len(ui) > 3, (path, ui)
    assert found == {path: [] for path, _, _ in ORDER}


def test_trace_from_a_direction_reaches_evidence_from_a_seed_document(server: str, page):
    from playwright.sync_api import expect

    open_page(page, server, "trace")
    choose(page, "研究课题", "^课题3")
    expect(page.get_by_role("combobox", name="研究课题")).to_have_value(re.compile("^课题3"))
    expect(page.locator("li b").filter(has_text=re.compile("^课题3$")).first).to_be_visible()  # why it is linked
    settled(page)
    chosen = page.get_by_role("combobox", name="建议").input_value()
    expect(page.locator(".kg-rec")).to_contain_text(re.sub(r"^\[[^\]]*\] ", "", chosen)[:20])
    passage = page.locator(".kg-passage").first
    expect(passage).to_be_visible()
    expect(page.locator(".kg-rec")).to_be_visible()
    text = passage.inner_text().strip()
    assert len(text) >= 8 and text[:12] in seed_text()
    expect(page.get_by_text("发文机关").first).to_be_visible()
    expect(page.get_by_text("据公开资料撰写的摘要，非原文").first).to_be_visible()
    graph_frame(page, page.locator(".kg-rec").inner_text().strip()[:10], prefix=True)  # recommendation → … graph
    assert_no_error_box(page)


def test_trace_switch_finds_the_recommendations_other_seed_documents_back(server: str, page):
    """Issue 10: the switch keeps the recommendations other documents back; each is marked with its counts, and
    the one picked shows that many support passages and same-measure recommendations."""
    from playwright.sync_api import expect

    open_page(page, server, "trace")
    choose(page, "研究课题", "^课题4")
    settled(page)
    page.get_by_text("只看有他文佐证或同类举措的建议").click()
    expect(page.get_by_text(re.compile(r"^有他文佐证或同类举措的建议 \d+ 条"))).to_be_visible()
    settled(page)
    page.get_by_test_id("stSelectbox").filter(has_text="建议").last.click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    labels = options.all_inner_texts()
    assert labels and all(re.match(r"^\[[^\]]*· (佐证|同类) \d+", o) for o in labels), labels[:5]
    backed = next(o for o in labels if "· 佐证 " in o)  # one with support passages
    options.filter(has_text=backed[:40]).first.click()
    settled(page)
    support = int(re.search(r"· 佐证 (\d+)", backed).group(1))
    same = re.search(r"· 同类 (\d+)", backed)
    expect(page.get_by_role("heading", name=f"佐证：其他文档中的依据（{support} 段）")).to_be_visible()
    expect(page.locator(".kg-support")).to_have_count(support)
    expect(page.get_by_role("heading", name=f"同类建议：其他文档提出的同一举措（{int(same.group(1)) if same else 0} 条）"))\
        .to_be_visible()
    expect(page.locator(".kg-rec")).to_contain_text(re.sub(r"^\[[^\]]*\] ", "", backed)[:20].rstrip("…"))
    assert_no_error_box(page)


def test_explore_graph_contains_the_selected_entity(server: str, page):
    from playwright.sync_api import expect

    open_page(page, server, "explore")
    page.get_by_label("检索实体名称、别名或原文").fill("中国科协")
    page.get_by_label("检索实体名称、别名或原文").press("Enter")
    expect(page.get_by_text("原文段落（")).to_be_visible()
    choose(page, "选择实体", "^中国科学技术协会")
    _, labels = graph_frame(page, "中国科学技术协会")
    assert len(labels) > 5
    expect(page.locator(".kg-legend").first).to_be_visible()
    expect(page.get_by_role("heading", name="中国科学技术协会")).to_be_visible()  # the entity profile
    assert_no_error_box(page)
    assert_offline_html(page)


def test_console_refuses_a_write_and_shows_rows_for_a_read(server: str, browser, page):
    from playwright.sync_api import expect

    open_page(page, server, "cypher")
    query = page.get_by_label("Cypher 查询")
    query.fill("CREATE (n:Society {name: '测试'}) RETURN n")
    page.get_by_role("button", name="运行").click()
    refusal = page.get_by_test_id("stAlertContentError")
    expect(refusal).to_contain_text("已拒绝：控制台只读")
    assert page.locator("[data-testid=stException]").count() == 0
    settled(page)  # a fill during the refusal's rerun would be lost when the rerun redraws the box
    read = "MATCH (d:Document) RETURN d.title AS title, d.date AS date ORDER BY title LIMIT 5"
    query.fill(read)
    expect(query).to_have_value(read)
    page.get_by_role("button", name="运行").click()
    expect(page.get_by_text("5 行", exact=True)).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    assert_no_error_box(page)
    expect(page).to_have_url(re.compile(r"[?&]q=MATCH"))  # the query that ran is in the address
    other = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    try:
        shared = other.new_page()
        shared.goto(page.url)  # a shared link opens with the query typed in and run
        expect(shared.get_by_text("5 行", exact=True)).to_be_visible()
        expect(shared.get_by_label("Cypher 查询")).to_have_value(re.compile(r"ORDER BY title LIMIT 5"))
    finally:
        other.close()


def test_lists_page_shows_a_seed_society_and_downloads_it_as_csv(server: str, page):
    from urllib.parse import parse_qs, urlparse

    from playwright.sync_api import expect

    page.goto(f"{server}/lists?type=Society")
    expect(page.get_by_role("heading", name="列表", exact=True)).to_be_visible()
    expect(page.get_by_role("combobox", name="实体类型")).to_have_value("学会/社团")
    page.get_by_role("textbox", name="筛选").fill("中国机械工程学会")
    page.get_by_role("textbox", name="筛选").press("Enter")
    settled(page)
    table = page.get_by_test_id("stDataFrame")
    expect(page.get_by_text(re.compile(r"^显示 1 / \d+ 行$"))).to_be_visible()
    # the grid is drawn on a canvas; its (visually hidden) accessible table holds the cells
    links = table.locator("[role=gridcell]").filter(has_text=re.compile(r"^explore\?name=.*&entity=soc-"))
    expect(links).to_have_count(1)
    query = parse_qs(urlparse(links.first.inner_text()).query)
    assert query["name"] == ["中国机械工程学会"] and query["entity"][0].startswith("soc-")
    assert "view=entities" in page.url and "type=Society" in page.url
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 CSV").click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("名称,别名") and "中国机械工程学会" in text
    assert_no_error_box(page)


def test_reader_shows_a_seed_documents_passage_and_the_fact_it_states(server: str, page):
    """Issue 12, item 4: `/reader?doc=<id>` shows the document's passages, a mention highlighted and,
    under the passage, the relationship fact it states."""
    from playwright.sync_api import expect

    fact = seed_undertakes_fact()
    page.goto(f"{server}/reader?doc={fact['doc_id']}")
    expect(page.get_by_role("heading", name="文档", exact=True)).to_be_visible()
    settled(page)
    expect(page.get_by_text(fact["title"][:12]).first).to_be_visible()
    passage = page.locator(f".kg-passage[data-passage='{fact['passage_id']}']")
    expect(passage).to_contain_text(fact["passage"][:20])
    expect(passage.locator("mark.kg-mention").first).to_be_visible()
    facts = page.locator("li.kg-fact[data-rel='UNDERTAKES']").filter(has_text=fact["head_name"]).filter(has_text=fact["tail_name"])
    expect(facts.first).to_be_visible()
    expect(facts.first).to_contain_text("承接")
    assert f"doc={fact['doc_id']}" in page.url
    assert_no_error_box(page)


def test_dossier_downloads_and_opens_with_python_docx(server: str, page):
    from playwright.sync_api import expect

    open_page(page, server, "trace")
    expect(page.locator(".kg-passage").first).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 Word（.docx）").click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    document = docx.Document(io.BytesIO(Path(download.path()).read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "证据卷宗" in text and "参考文献" in text and re.search(r"^\[1\] .+\[(EB/OL|Z|R)\]", text, re.MULTILINE)
    assert "据公开资料撰写的摘要，非原文" in text
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 Markdown（.md）").click()
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert markdown.startswith("# 证据卷宗") and "## 参考文献" in markdown


def _support_shown(page, kinds: dict[str, list[str]]) -> None:
    """The support section shows each kind's heading and passages (kind -> passage texts)."""
    from playwright.sync_api import expect

    names = {"policy": "政策依据", "case": "实践案例", "data": "数据"}
    expect(page.get_by_role("heading", name=re.compile("^佐证：其他文档中的依据"))).to_be_visible()
    for kind, passages in kinds.items():
        expect(page.get_by_role("heading", name=re.compile(f"^{names[kind]}（{len(passages)}）"))).to_be_visible()
        shown = page.locator(f'.kg-support[data-kind="{kind}"]')
        expect(shown).to_have_count(len(passages))
        for text in passages:
            expect(shown.filter(has_text=text[:15]).first).to_be_visible()
    expect(page.get_by_text("关联原因").first).to_be_visible()


def test_trace_shows_provenance_then_support_of_three_kinds_then_the_same_measure(support_server: str, page):
    """Issue 10: a recommendation backed by another policy, a case and figures; the same measure
    proposed by another issuer. Opened by its address, as a shared link would."""
    from playwright.sync_api import expect

    from tests.fixture_graph import case_facts, policy_facts, second_policy_facts

    rec = policy_facts().recommendations[0]
    page.goto(f"{support_server}/trace?rec={rec.id}")
    expect(page.locator(".kg-rec")).to_have_text(rec.text)
    expect(page.get_by_role("heading", name=re.compile("^出处：建议所在段落"))).to_be_visible()
    case = [p.text for p in case_facts().passages]
    # the case's second passage (its Party committee's study session) is no case of this measure: its measure
    # similarity is below the case floor (kg.support.MIN_SCORE)
    _support_shown(page, {"policy": [second_policy_facts().passages[0].text], "case": [case[0]], "data": [case[2]]})
    expect(page.get_by_role("heading", name=re.compile("^同类建议"))).to_be_visible()
    expect(page.get_by_text("属于反复出现的政策举措")).to_be_visible()
    assert f"rec={rec.id}" in page.url
    assert_no_error_box(page)


def test_reject_on_the_trace_page_survives_a_reload_and_the_review_page_lists_it(support_server: str, page):
    """Issue 11: a drafter rejects a recommendation and one of its support links on the trace page;
    after a reload both are still rejected (struck through), and the 审核 page lists them."""
    from playwright.sync_api import expect

    from tests.fixture_graph import policy_facts

    rec = policy_facts().recommendations[1]
    page.goto(f"{support_server}/trace?rec={rec.id}")
    expect(page.locator(".kg-rec")).to_have_text(rec.text)
    page.get_by_role("button", name="✗ 否决").first.click()
    expect(page.get_by_text("已记录：已否决")).to_be_visible()
    expect(page.locator('.kg-rec[data-review="rejected"]')).to_be_visible()
    page.reload()
    expect(page.locator('.kg-rec[data-review="rejected"]')).to_have_text(rec.text)  # still rejected, shown struck
    expect(page.get_by_text("已否决").first).to_be_visible()
    open_page(page, support_server, "review")
    expect(page.get_by_text("全部决定（1）")).to_be_visible()
    row = page.get_by_test_id("stTable").locator("tr").filter(has_text=rec.text[:12])
    expect(row).to_contain_text("已否决")
    expect(row).to_contain_text("建议")  # the kind of fact in the page's language
    settled(page)
    assert_no_error_box(page)
    page.goto(f"{support_server}/trace?rec={rec.id}")
    page.get_by_role("button", name="↺ 撤销").first.click()  # undo: the recommendation is back
    expect(page.locator('.kg-rec[data-review=""]')).to_have_text(rec.text)
    # ✎: a correction is shown beside the extracted text, and stays after a reload
    page.get_by_role("button", name="✎ 更正").click()
    page.get_by_label("更正后的文字").fill("中国科协实施青年人才托举工程。")
    page.get_by_role("button", name="保存更正").click()
    expect(page.get_by_text("更正为：中国科协实施青年人才托举工程。")).to_be_visible()
    page.reload()
    expect(page.get_by_text("更正为：中国科协实施青年人才托举工程。")).to_be_visible()
    expect(page.get_by_text("已更正").first).to_be_visible()


def test_the_address_holds_the_view_the_language_and_the_shortlist(server: str, page):
    """A shared link opens the same view: direction, indicator, recommendation, language, shortlist."""
    from urllib.parse import parse_qs, urlparse

    from playwright.sync_api import expect

    page.goto(f"{server}/trace?direction=3&indicator=3.4&lang=en")
    expect(page.get_by_role("heading", name="Trace recommendations", exact=True)).to_be_visible()
    expect(page.get_by_role("combobox", name="Research direction")).to_have_value(re.compile("^Direction 3"))
    expect(page.get_by_role("combobox", name="Indicator")).to_have_value(re.compile(r"^3\.4 "))
    expect(page.locator(".kg-rec")).to_be_visible()
    settled(page)
    rec = parse_qs(urlparse(page.url).query)["rec"][0]
    assert rec.startswith("rec-")
    page.get_by_role("button", name="☆ Add to shortlist").click()
    expect(page).to_have_url(re.compile(f"list={rec}"))
    page.reload()
    expect(page.get_by_role("button", name="★ Remove from shortlist")).to_be_visible()
    expect(page.get_by_role("combobox", name="Indicator")).to_have_value(re.compile(r"^3\.4 "))
    expect(page.get_by_text("My shortlist (1)")).to_be_visible()  # exported together as one dossier
    assert_no_error_box(page)


def test_hovering_an_edge_shows_the_passage_that_states_the_fact(server: str, page):
    """Explore an entity with a relationship fact of the seed corpus; the mouse over that edge shows
    the passage the fact was read from, with its document."""
    from playwright.sync_api import expect

    fact = seed_undertakes_fact()
    page.goto(f"{server}/explore?entity={fact['head']}")
    frame, _ = graph_frame(page, fact["head_name"][:16], prefix=True)
    freeze(page, frame)
    # lay the two ends out apart from every other node, so the edge's middle is the edge's alone
    frame.evaluate("([a, b]) => { network.getPositions(); nodes.getIds().forEach((id, i) =>"
                   " network.moveNode(id, id === a ? -160 : id === b ? 160 : -300 + 60 * i, id === a || id === b ? -120 : 160));"
                   " network.fit(); }", [fact["head"], fact["tail"]])
    x, y = frame.evaluate("([a, b]) => { const p = network.getPositions([a, b]);"
                          " const d = network.canvasToDOM({x: (p[a].x + p[b].x) / 2, y: (p[a].y + p[b].y) / 2});"
                          " return [d.x, d.y]; }", [fact["head"], fact["tail"]])
    canvas = frame.locator("#mynetwork canvas")  # positions taken at move time, whatever the page scrolled
    canvas.hover(position={"x": x - 12, "y": y - 12})
    canvas.hover(position={"x": x, "y": y})  # vis-network hovers on pointer movement
    tip = frame.locator("div.vis-tooltip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("承接")
    expect(tip).to_contain_text(fact["passage"][:20])
    expect(tip).to_contain_text(fact["title"][:10])
    assert_no_error_box(page)


def centred_graph(page, node_id: str, timeout: float = 30.0):
    """The graph frame whose centre (the one large node) is `node_id`, once it is drawn."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in _graph_frames(page):
            try:
                if frame.evaluate("() => nodes.get().filter(n => n.size >= 26).map(n => n.id)") == [node_id]:
                    return frame
            except Exception:  # a frame that is navigating or gone
                pass
        page.wait_for_timeout(250)
    raise AssertionError(f"no graph centred on {node_id}")


def graph_evaluate(page, node_id: str, script: str, timeout: float = 30.0):
    """`script` evaluated in the graph frame centred on `node_id`; a frame that reloads meanwhile (a rerun
    of the page redraws it) is found again."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return centred_graph(page, node_id, timeout=max(1.0, deadline - time.monotonic())).evaluate(script)
        except Exception as error:  # the frame navigated between finding and reading it
            if "Execution context was destroyed" not in str(error) or time.monotonic() > deadline:
                raise


def freeze(page, frame) -> None:
    """Hold the graph in `frame` still for pointer tests: the script run settled (nothing of a
    previous run lies over it), no zoom-out when the layout settles (graphview._MARGIN_JS), physics
    off (moving a node would start it again), every node in view."""
    settled(page)
    frame.evaluate("() => { network.off('stabilizationIterationsDone'); network.setOptions({physics: false});"
                   " network.fit({animation: false}); }")


def _click_node(page, frame, node_id: str) -> None:
    """A real mouse click on a node of the graph in `frame` (its position read from vis-network;
    Playwright places the click on the canvas at click time, whatever the page scrolled meanwhile)."""
    freeze(page, frame)
    x, y = frame.evaluate("(id) => { const d = network.canvasToDOM(network.getPositions([id])[id]);"
                          " return [d.x, d.y]; }", node_id)
    frame.locator("#mynetwork canvas").click(position={"x": x, "y": y})


def test_clicking_a_node_recentres_the_graph_on_it_and_a_document_opens_in_the_reader(server: str, page):
    """Explore a society, click the function it undertakes: the address names it, the graph is drawn
    around it and its profile is shown; then click a document node: the reader opens it. The graph
    stays in an iframe sandboxed with scripts only."""
    from playwright.sync_api import expect

    fact = seed_undertakes_fact(few_documents=True)
    page.goto(f"{server}/explore?entity={fact['head']}")
    frame, _ = graph_frame(page, fact["head_name"][:16], prefix=True)
    assert frame.frame_element().get_attribute("sandbox") == "allow-scripts"
    _click_node(page, frame, fact["tail"])
    expect(page).to_have_url(re.compile(rf"entity={fact['tail']}"))
    frame = centred_graph(page, fact["tail"])
    expect(page.get_by_role("heading", name=fact["tail_name"])).to_be_visible()  # its profile
    doc = frame.evaluate("() => nodes.getIds().find(id => id.startsWith('doc-'))")
    assert doc, frame.evaluate("() => nodes.getIds()")
    _click_node(page, frame, doc)
    expect(page).to_have_url(re.compile(rf"/reader\?.*doc={doc}"))
    expect(page.locator(".kg-passage").first).to_be_visible()
    assert_no_error_box(page)


def seed_hub() -> dict:
    """The entity of the seed graph mentioned in the most documents: id, name, document count."""
    store = EmbeddedStore(SEED_GRAPH["dir"] / "graph.kgl", writer=False)
    try:
        rows = store.read("MATCH (e:Entity)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document) "
                          "WITH e, count(DISTINCT d) AS docs RETURN e.id AS id, e.name AS name, docs "
                          "ORDER BY docs DESC, id LIMIT 1")
    finally:
        store.close()
    assert rows and rows[0]["docs"] > 8, "no hub in the seed graph: the test would prove nothing"
    return rows[0]


def test_a_hub_groups_its_documents_and_a_click_on_the_group_lists_them_in_a_view_a_link_reproduces(
        server: str, browser, page):
    """A hub's documents are one count node; clicking it filters the neighbourhood to documents
    (the address says so), a new browser context opened on that address draws the same graph, and
    the graph saves as a PNG image."""
    from playwright.sync_api import expect

    hub = seed_hub()
    page.goto(f"{server}/explore?entity={hub['id']}")
    group, documents_drawn = graph_evaluate(page, hub["id"], "() => [nodes.get().find(n => n.id.startsWith('grp-') "
                                            "&& n.label.startsWith('文档')), nodes.getIds().some(id => id.startsWith('doc-'))]")
    assert group and group["label"] == f"文档 ×{hub['docs']}", group
    assert not documents_drawn
    frame = centred_graph(page, hub["id"])
    _click_node(page, frame, group["id"])
    expect(page).to_have_url(re.compile(r"labels=Document"))
    drawn = set()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any(i.startswith("doc-") for i in drawn):
        drawn = set(graph_evaluate(page, hub["id"], "() => nodes.getIds()"))
    assert drawn and all(i == hub["id"] or i.startswith("doc-") for i in drawn), drawn
    settled(page)
    button = page.locator("button.kg-png")
    expect(button).to_be_enabled()  # the frame said it is drawn and listens
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename.endswith(".png")
    assert Path(download.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    other = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        shared = other.new_page()
        shared.goto(page.url)
        again = set(graph_evaluate(shared, hub["id"], "() => nodes.getIds()"))
        assert again == drawn
        expect(shared.get_by_text("文档").first).to_be_visible()
    finally:
        other.close()
    assert_no_error_box(page)


def test_a_seed_recommendation_shows_the_support_the_corpus_holds_for_it(server: str, page):
    from kg import queries

    store = EmbeddedStore(SEED_GRAPH["dir"] / "graph.kgl", writer=False)
    try:
        rows = store.read("MATCH (r:Recommendation)-[x:EVIDENCED_BY]->() WITH r, count(DISTINCT x.kind) AS kinds "
                          "RETURN r.id AS id ORDER BY kinds DESC, id LIMIT 1")
        assert rows, "the seed corpus has no support link: the test would prove nothing"
        support = queries.run(store, "recommendation_support", rec_id=rows[0]["id"])
    finally:
        store.close()
    kinds: dict[str, list[str]] = {}
    for row in support:
        kinds.setdefault(row["kind"], []).append(row["passage"])
    assert len(kinds) >= 2
    page.goto(f"{server}/trace?rec={rows[0]['id']}")
    _support_shown(page, kinds)
    assert_no_error_box(page)


def test_every_page_says_plainly_when_the_store_is_down(down_server: str, page):
    from playwright.sync_api import expect

    for path, (title, _) in PAGES.items():
        page.goto(f"{down_server}/{path}")
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
        message = page.get_by_test_id("stAlertContentError")
        expect(message).to_contain_text("无法连接图数据库")
        expect(message).to_contain_text("cannot be reached")
        assert page.locator("[data-testid=stException]").count() == 0


# --- hostile documents ---------------------------------------------------------------------------
# A synthetic document written for this test (never in seed_data/): every field a page shows
# carries markup that would run if it reached the page as HTML.
HOSTILE = """---
title: "关于<img src=x onerror=alert('title')>学会的通知:material/home: href"
kind: policy
issuer: "<script>alert('issuer')</script>中国科协"
date: "2024-01-02"
doc_number: "科协发<svg onload=alert('num')>〔2024〕1号"
source_url: "javascript:alert('url')"
synthetic: true
note: "synthetic hostile test document"
---
中国科协印发《<img src=x onerror=alert('policy')>学会管理办法》，要求各学会加强<b onmouseover=alert('rec')>党建</b>工作 href。
中国计算机学会承担<img src=x onerror=alert('func')>科技评估工作。
中国化学会党委要推动学会承接政府转移职能，建立健全<a href="javascript:alert('a')">学会</a>治理。
"""
PAYLOAD_SELECTORS = "img[src='x'], svg[onload], b[onmouseover], a[href^='javascript'], script:text('alert(')"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("kg-hostile")
    (data_dir / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    store = EmbeddedStore(data_dir / "graph.kgl", writer=True)
    try:
        report = ingest(store, [str(SEED / "guide-2020.txt"), str(data_dir / "hostile.md")])
        assert report.rejected == []
        policy = store.read("MATCH (p:Policy) WHERE NOT p:Document AND p.name CONTAINS 'onerror' RETURN p.id AS id")
        rec = store.read("MATCH (r:Recommendation) WHERE r.text CONTAINS 'javascript' RETURN r.id AS id")
        doc = store.read("MATCH (d:Document) WHERE d.title CONTAINS 'onerror' RETURN d.id AS id")
    finally:
        store.close()
    assert policy, "the hostile policy name was not extracted: the test would prove nothing"
    assert rec, "no recommendation carries a payload: the test would prove nothing"
    for url in _start({"KG_STORE": "embedded", "KG_DATA_DIR": str(data_dir)}, data_dir):
        yield url + "#" + policy[0]["id"] + "#" + rec[0]["id"] + "#" + doc[0]["id"]


def _graph_frames(page) -> list:
    frames = []
    for frame in page.frames:
        try:
            if frame.evaluate("() => typeof network !== 'undefined' && typeof nodes !== 'undefined'"):
                frames.append(frame)
        except Exception:  # a frame that is navigating or gone
            continue
    return frames


def _hover_every_node(page, frame, dialogs: list[str]) -> list[str]:
    """Move the mouse over every node of the graph in `frame`; return the tooltips shown. After
    each hover: no dialog, and no element made from a document's markup in any frame."""
    from playwright.sync_api import expect

    freeze(page, frame)
    canvas = frame.locator("#mynetwork canvas")  # positions taken at move time, whatever the page scrolled
    shown = []
    points = frame.evaluate("() => Object.entries(network.getPositions()).map(([id, p]) => "
                            "{ const d = network.canvasToDOM(p); return [id, d.x, d.y]; })")
    for node_id, x, y in points:
        canvas.hover(position={"x": max(x - 15, 1), "y": max(y - 15, 1)})
        canvas.hover(position={"x": x, "y": y})  # vis-network hovers on pointer movement
        tip = frame.locator("div.vis-tooltip")
        expected = frame.evaluate("(id) => nodes.get(id).title || ''", node_id)
        page.wait_for_timeout(300)  # vis-network's tooltip delay is 120 ms: give a payload its chance
        assert dialogs == [], f"a dialog opened while hovering {node_id}: {dialogs}"
        _no_payload_anywhere(page)
        if expected:
            expect(tip).to_be_visible()
            expect(tip).to_have_text(expected)
            shown.append(tip.inner_text())
        page.mouse.move(1, 1)
    return shown


def _no_payload_anywhere(page) -> None:
    for frame in page.frames:
        assert frame.locator(PAYLOAD_SELECTORS).count() == 0, f"document markup became HTML in {frame.url}"


def test_hostile_document_runs_no_script_in_any_graph_or_page(hostile_server: str, page):
    """Issue 15: every graph view of a document full of payloads, every node hovered; no dialog, no
    console error, no element made from the document's markup, and the payload shows as text."""
    from playwright.sync_api import expect

    base, policy_id, rec_id, hostile_doc = hostile_server.split("#")
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    failed: list[str] = []
    # Streamlit's front end asks for <page>/_stcore/health and host-config before the root ones: 404s
    # that every page has; every other failed request, and every other console error, counts
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400
            and not re.search(r"/_stcore/(health|host-config)$", r.url) else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error"
            and not m.text.startswith("Failed to load resource") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    visits = [(f"{base}/explore?entity={policy_id}", "图谱探索"), (f"{base}/trace?rec={rec_id}", "建议溯源"),
              (f"{base}/timeline", "政策脉络")]
    tooltips: list[str] = []
    for url, title in visits:
        page.goto(url)
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
        settled(page)
        graph_frame(page, "", prefix=True)  # at least one graph is drawn
        for frame in _graph_frames(page):
            tooltips += _hover_every_node(page, frame, dialogs)
        _no_payload_anywhere(page)
    page.goto(base)  # the overview: no graph, but titles and names in its tables
    expect(page.get_by_role("heading", name="总览", exact=True)).to_be_visible()
    settled(page)
    _no_payload_anywhere(page)
    for query in ("view=entities&type=Policy", "view=facts&rel=ISSUED"):  # names in tables and links
        page.goto(f"{base}/lists?{query}")
        expect(page.get_by_role("heading", name="列表", exact=True)).to_be_visible()
        settled(page)
        _no_payload_anywhere(page)
    page.goto(f"{base}/reader?doc={hostile_doc}")  # the document's metadata, passages, facts and citations
    expect(page.get_by_role("heading", name="文档", exact=True)).to_be_visible()
    settled(page)
    expect(page.locator(".kg-passage").first).to_contain_text("onerror=alert(")
    _no_payload_anywhere(page)
    heading = page.locator('[data-testid="stMain"] [data-testid="stHeading"]').filter(has_text="onerror")
    expect(heading).to_contain_text("material/home")  # Streamlit's icon shortcode in a title stays text
    assert heading.locator('[data-testid="stIconMaterial"]').count() == 0
    page.goto(f"{base}/cypher")
    expect(page.get_by_role("heading", name="Cypher", exact=True)).to_be_visible()
    page.get_by_label("Cypher 查询").fill("MATCH (d:Document)-[r]->(p) RETURN d, r, p LIMIT 50")
    page.get_by_role("button", name="运行").click()
    expect(page.get_by_test_id("stDataFrame")).to_be_visible()
    graph_frame(page, "", prefix=True)
    for frame in _graph_frames(page):
        tooltips += _hover_every_node(page, frame, dialogs)
    _no_payload_anywhere(page)

    assert dialogs == [], dialogs
    assert errors == [], errors
    assert failed == [], failed
    assert any("onerror=alert(" in tip for tip in tooltips), "no payload tooltip was shown as text"
    # the trace page shows the payload as text, and the javascript: URL is not a link
    page.goto(f"{base}/trace?rec={rec_id}")
    expect(page.locator(".kg-rec")).to_contain_text("<a href=\"javascript:alert('a')\">学会</a>")
    assert page.locator("a[href^='javascript']").count() == 0
    assert dialogs == [] and errors == [] and failed == []


def test_the_old_overview_address_opens_the_overview(server: str, page):
    """`/overview` (the overview's name in the sidebar's list) opens the overview, never "Page not
    found"; it lands on the overview's address, the root, with its query string kept."""
    from playwright.sync_api import expect

    for query, title, ready in (("", "总览", "覆盖矩阵"), ("?lang=en", "Overview", "Coverage: 4 directions")):
        page.goto(f"{server}/overview{query}")
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
        expect(page.get_by_text(ready).first).to_be_visible()
        expect(page).to_have_url(re.compile(rf"^{re.escape(server)}/{re.escape(query)}$"))
        settled(page)
        expect(page.get_by_text("Page not found")).to_have_count(0)
        assert_no_error_box(page)
    # in English the guide's items have their English names, marked as translations
    expect(page.locator("table.kg-matrix")).to_contain_text("Uphold and strengthen the Party's overall leadership")
    expect(page.get_by_text("the project's own translations").first).to_be_visible()


def test_the_timeline_range_is_in_the_address(server: str, page):
    """From 2012 by default (older documents a slider move away); `?from=&to=` opens, and a reload
    keeps, the range."""
    from playwright.sync_api import expect

    def thumbs() -> list[str]:
        return page.get_by_test_id("stSliderThumbValue").all_inner_texts()

    page.goto(f"{server}/timeline?lang=en")
    expect(page.get_by_role("heading", name="Policy lineage", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"from=2012&to=20\d\d"))
    expect(page.get_by_test_id("stSliderThumbValue").first).to_have_text("2012")
    page.goto(f"{server}/timeline?lang=en&from=2016&to=2018")
    expect(page.get_by_test_id("stSliderThumbValue").first).to_have_text("2016")
    assert thumbs() == ["2016", "2018"]
    page.reload()
    expect(page.get_by_test_id("stSliderThumbValue").first).to_have_text("2016")
    settled(page)
    assert thumbs() == ["2016", "2018"] and "from=2016&to=2018" in page.url
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()
    assert_no_error_box(page)
