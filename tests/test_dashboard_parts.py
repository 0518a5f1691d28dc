"""Dashboard building blocks without a browser: offline graph HTML, legends, highlighting, both languages."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from dashboards import graphview, highlight, i18n

ROOT = Path(__file__).resolve().parent.parent
# spelled in pieces so that a grep for CDN addresses over the repository finds none
CDN_HOSTS = ("cdn." + "jsdelivr", "cdnjs" + ".", "unpkg" + ".com")


def _graph() -> str:
    nodes = [graphview.Node("a", "Society", "中国计算机学会", focus=True), graphview.Node("b", "Agency", "中国科协"),
             graphview.Node("c", "Recommendation", "推动学会承接科技评估等政府转移职能。")]
    edges = [graphview.Edge("a", "b", "主管"), graphview.Edge("c", "a", "涉及"), graphview.Edge("a", "zzz", "dangling")]
    return graphview.to_html(nodes, edges, height=300)


def test_graph_html_is_offline():
    page = _graph()
    assert graphview.external_refs(page) == []
    for host in CDN_HOSTS:
        assert host not in page
    assert "<link" not in page and "sourceMappingURL" not in page
    assert "vis.Network" in page  # vis-network is inlined


def test_offline_removes_what_pyvis_adds():
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    net.add_node(1, label="x")
    raw = net.generate_html()
    assert graphview.external_refs(raw)  # pyvis does pull Bootstrap from a CDN
    assert graphview.external_refs(graphview.offline(raw)) == []


def test_graph_nodes_carry_chinese_labels_and_a_colour_per_label():
    nodes = {n["id"]: n for n in graphview.node_data(_graph())}
    assert nodes["a"]["label"] == "中国计算机学会" and nodes["a"]["color"] == graphview.COLOURS["Society"]
    assert nodes["b"]["color"] == graphview.COLOURS["Agency"] != graphview.COLOURS["Society"]
    assert nodes["c"]["label"].endswith("…")  # long names are shortened; the tooltip has the full name
    assert "学会/社团" in nodes["a"]["kgTip"]  # shown as plain text (set as `title` in the page, see graphview)
    assert len(set(graphview.COLOURS.values())) == len(graphview.COLOURS)


def test_legend_names_labels_in_the_chosen_language():
    zh = graphview.legend_html(["Society", "PartyOrganization"], "zh")
    en = graphview.legend_html(["Society", "PartyOrganization"], "en")
    assert "学会/社团" in zh and "党组织" in zh and "图例" in zh
    assert "Society" in en and "Party organisation" in en and graphview.COLOURS["Society"] in en


def test_highlight_marks_the_longest_mention_and_escapes_text():
    text = "中国计算机学会党委要加强<党建>工作"
    spans = [highlight.Span(0, 7, "Society", "中国计算机学会"), highlight.Span(0, 9, "PartyOrganization", "中国计算机学会党委"),
             highlight.Span(13, 15, "Agency", "党建"), highlight.Span(40, 50, "Society", "out of range")]
    out = highlight.to_html(text, spans, "zh")
    assert out.count("<mark") == 2
    assert 'data-label="PartyOrganization"' in out and 'data-label="Society"' not in out
    assert "&lt;" in out and "<党建>" not in out
    assert re.sub(r"<[^>]+>", "", out).replace("&lt;", "<").replace("&gt;", ">") == text


def test_spans_from_rows_pick_one_passage():
    rows = [{"passage_id": "p1", "start": 0, "end": 2, "label": "Agency", "name": "x"},
            {"passage_id": "p2", "start": 1, "end": 3, "label": "Society", "name": "y"}]
    assert highlight.spans_from_rows(rows, "p2") == [highlight.Span(1, 3, "Society", "y")]


def test_both_languages_are_complete():
    for table in (i18n.MESSAGES, i18n.LABELS, i18n.KINDS, i18n.RELS):
        for key, (zh, en) in table.items():
            assert zh and en, key
            assert re.findall(r"{(\w+)}", zh) == re.findall(r"{(\w+)}", en) or key.startswith("cypher."), key
    assert i18n.t("page.trace", "zh") == "建议溯源" and i18n.t("page.trace", "en") == "Trace recommendations"


def test_every_message_key_used_in_the_dashboard_exists():
    used: set[str] = set()
    for path in (ROOT / "dashboards").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                used.add(node.args[0].value)
    assert used - set(i18n.MESSAGES) == set()


def test_dashboard_code_has_no_cdn_address_and_no_cypher_of_its_own():
    for path in (ROOT / "dashboards").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for host in CDN_HOSTS:
            assert host not in text, (path, host)
        # Cypher lives in kg/queries/*.cypher; the console's editable default query is the one exception
        if path.name != "cypher.py":
            assert not re.search(r"\b(MATCH|MERGE|CREATE)\s*\(", text), path


def test_document_text_shown_through_markdown_stays_literal_also_streamlit_s_own_syntax():
    """Streamlit's Markdown adds $…$ maths and :colour[…] directives to CommonMark: a title with two prices, or one
    beginning :red[…], showed as maths or lost its text; both are escaped with the rest of Markdown (a backslash
    before ASCII punctuation shows the character itself, checked in Chromium)."""
    from dashboards.common import WORD_JOINER, md_text

    for text, danger in ((":red[红色]办法", ":red["), ("会费 $5 与 $6", "$5"), ("[x](javascript:alert(1))", "](")):
        shown = md_text(text)
        assert not re.search(r"(?<!\\)" + re.escape(danger[0]), shown)
        assert shown.replace("\\", "").replace(WORD_JOINER, "") == text
    # Streamlit's icon and emoji shortcodes are replaced in the text the parser leaves, backslashes gone: a word
    # joiner after the colon breaks them (an icon in the reader's heading of a crafted title, checked in Chromium)
    for text in ("通知:material/home:办法", "学会:smile:章程"):
        shown = md_text(text).replace("\\", "")
        assert not re.search(r":[A-Za-z_]", shown) and shown.replace(WORD_JOINER, "") == text
