"""Evidence dossiers (dashboards/dossier.py): GB/T 7714-2015 references, numbering, Markdown and Word."""
from __future__ import annotations

import io
from datetime import date

import docx

from dashboards import dossier as D

ACCESSED = date(2026, 1, 5)
GENERATED = date(2026, 1, 6)

POLICY_URL = D.Source(
    doc_id="doc-a", kind="policy", summary=True, date="2015-07-17", source_url="http://example.org/a.html",
    source_kind="official",
    issuers=("中共中央办公厅", "国务院办公厅"),
    title="中共中央办公厅、国务院办公厅印发《中国科协所属学会有序承接政府转移职能扩大试点工作实施方案》")
POLICY_PAPER = D.Source(doc_id="doc-b", kind="policy", title="国务院关于印发全民科学素质行动规划纲要(2021—2035年)的通知",
                        issuers=("国务院",), date="2021-06-03", doc_number="国发〔2021〕9号")
REPORT = D.Source(doc_id="doc-c", kind="report", title="中国科协创新驱动助力工程进展情况月报——第21期",
                  issuers=("中国科协",), date="2018-03-29", summary=True)
CASE = D.Source(doc_id="doc-d", kind="case", title="全国学会牵头组建“科创中国”产业科技服务团案例")


def test_online_policy_is_eb_ol_with_its_own_title_dates_and_url():
    assert D.citation(POLICY_URL, ACCESSED) == (
        "中共中央办公厅, 国务院办公厅. 中国科协所属学会有序承接政府转移职能扩大试点工作实施方案[EB/OL]. "
        "(2015-07-17)[2026-01-05]. http://example.org/a.html.")


def test_access_date_placeholder_when_none_given():
    assert "(2015-07-17)[访问日期]. http://example.org/a.html." in D.citation(POLICY_URL)


def test_policy_without_url_is_z_with_document_number():
    assert D.citation(POLICY_PAPER, ACCESSED) == (
        "国务院. 国务院关于印发全民科学素质行动规划纲要(2021—2035年)的通知: 国发〔2021〕9号[Z]. 2021-06-03.")


def test_report_without_url_is_r_and_a_source_without_issuer_or_date_starts_with_its_title():
    assert D.citation(REPORT) == "中国科协. 中国科协创新驱动助力工程进展情况月报——第21期[R]. 2018-03-29."
    assert D.citation(CASE) == "全国学会牵头组建“科创中国”产业科技服务团案例[Z]."


def test_the_notice_itself_keeps_its_full_title():
    notice = D.Source(doc_id="x", kind="policy", title="中国科协办公厅关于印发《2020年科协系统深化改革重点任务》的通知")
    assert D.cited_title(notice) == "中国科协办公厅关于印发《2020年科协系统深化改革重点任务》的通知"


def _dossier() -> D.Dossier:
    items = (
        D.Item(rec_id="r1", text="推动学会有序承接政府转移职能。", concerns=("科技评估",),
               links=(D.Link(code="3", name="创新科技社团促进科技经济融合模式", score=6.5, terms=("承接", "职能")),
                      D.Link(code="3.4")),
               evidence=(D.Evidence("扩大试点阶段要紧扣简政放权。", "doc-a"), D.Evidence("其二。", "doc-b"))),
        D.Item(rec_id="r2", text="建立健全学会党建工作机制。",
               evidence=(D.Evidence("第三段。", "doc-b"), D.Evidence("第四段。", "doc-c"))),
    )
    return D.Dossier(title="课题3", scope="本课题全部建议", items=items, generated=GENERATED, store="embedded",
                     sources={s.doc_id: s for s in (POLICY_URL, POLICY_PAPER, REPORT)})


def test_documents_are_numbered_in_order_of_first_citation():
    assert _dossier().numbering() == {"doc-a": 1, "doc-b": 2, "doc-c": 3}


def test_markdown_has_numbered_citations_references_and_summary_notes():
    md = D.to_markdown(_dossier(), ACCESSED)
    assert md.startswith("# 证据卷宗：课题3")
    assert "“扩大试点阶段要紧扣简政放权。”[1]（摘要）" in md
    assert "“第三段。”[2]" in md and "“第四段。”[3]（摘要）" in md
    assert "课题3「创新科技社团促进科技经济融合模式」（得分 6.5；匹配词：承接、职能）；考核指标 3.4" in md
    refs = md[md.index("## 参考文献"):]
    assert refs.index("[1] 中共中央办公厅") < refs.index("[2] 国务院") < refs.index("[3] 中国科协")
    assert refs.count("注：据公开资料撰写的摘要，非原文。") == 2  # doc-a and doc-c are summaries, doc-b is not
    assert "标注“摘要”的来源是据公开资料撰写的摘要" in md


def test_markdown_in_english_keeps_gbt_references():
    md = D.to_markdown(_dossier(), ACCESSED, lang="en")
    assert md.startswith("# Evidence dossier: 课题3")
    assert "## References" in md and "[EB/OL]" in md
    references = md.split("## References", 1)[1]
    assert " (source: " in references and "（来源类型" not in references  # its remarks in English, half-width


def test_docx_opens_and_holds_the_same_content():
    data = D.to_docx(_dossier(), ACCESSED)
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "证据卷宗：课题3" in text
    assert "推动学会有序承接政府转移职能。" in text
    assert "[1] 中共中央办公厅, 国务院办公厅. 中国科协所属学会有序承接政府转移职能扩大试点工作实施方案[EB/OL]. " \
           "(2015-07-17)[2026-01-05]. http://example.org/a.html." in text
    assert "[2] 国务院. 国务院关于印发全民科学素质行动规划纲要(2021—2035年)的通知: 国发〔2021〕9号[Z]. 2021-06-03." in text
    assert "注：据公开资料撰写的摘要，非原文。" in text


def test_from_trace_rows():
    trace = [{"rec_id": "r1", "recommendation": "推动学会承接职能。", "passage_id": "p1", "passage": "证据一。",
              "doc_id": "doc-a", "title": POLICY_URL.title, "kind": "policy", "issuers": list(POLICY_URL.issuers),
              "date": "2015-07-17", "doc_number": None, "source_url": POLICY_URL.source_url, "path": "x.md"}]
    links = {"links": [{"code": "3", "name": "课题名", "score": 1.5, "terms": ["承接"]}],
             "concerns": [{"id": "e1", "name": "科技评估", "label": "GovernmentFunction"}]}
    d = D.from_trace(trace, links, {"doc-a": {"summary": True}}, title="t", scope="s", generated=GENERATED)
    assert d.items[0].concerns == ("科技评估",) and d.items[0].links[0].terms == ("承接",)
    assert d.sources["doc-a"].summary and d.has_summaries
    assert "[1] 中共中央办公厅" in D.to_markdown(d, ACCESSED)


def test_from_direction_rows_groups_passages_by_recommendation():
    base = {"recommendation": "建议。", "indicators": ["3.4", "1.2"], "score": 2.0, "terms": ["承接"], "concerns": [],
            "title": "文档", "kind": "case", "issuers": [], "date": "2020", "doc_number": None, "source_url": None,
            "path": "p", "summary": True}
    rows = [{**base, "rec_id": "r1", "passage_id": "p1", "passage": "甲。", "doc_id": "d1", "start": 0},
            {**base, "rec_id": "r1", "passage_id": "p2", "passage": "乙。", "doc_id": "d1", "start": 5},
            {**base, "rec_id": "r2", "passage_id": "p3", "passage": "丙。", "doc_id": "d2", "start": 0}]
    d = D.from_direction(rows, direction="3", direction_name="课题三", title="t", scope="s",
                         indicator_names={"3.4": "指标"}, generated=GENERATED)
    assert [i.rec_id for i in d.items] == ["r1", "r2"]
    assert [e.passage for e in d.items[0].evidence] == ["甲。", "乙。"]
    assert [link.code for link in d.items[0].links] == ["3", "3.4"]  # indicators of other directions left out
    assert d.numbering() == {"d1": 1, "d2": 2}


def test_filenames_are_ascii():
    assert D.filename("rec-1234abcd", GENERATED, "docx") == "dossier-rec-1234abcd-2026-01-06.docx"
    assert D.filename("课题", GENERATED, "md") == "dossier-2026-01-06.md"


REPOST = D.Source(doc_id="doc-e", kind="policy", title="中华人民共和国国务院令第250号", issuers=("国务院",),
                  date="1998-10-25", doc_number="国务院令第250号", source_url="https://taximeter.example/x.html",
                  source_kind="repost", retrieved="2026-11-20")


def test_a_repost_url_is_never_the_source_it_follows_the_facts_as_a_repost_with_its_access_date():
    line = D.citation(REPOST, ACCESSED)
    assert line == ("国务院. 中华人民共和国国务院令第250号: 国务院令第250号[Z]. 1998-10-25. "
                    "转载: https://taximeter.example/x.html [2026-11-20].")
    assert "[EB/OL]" not in line
    unknown = D.Source(doc_id="u", kind="case", title="某学会案例", source_url="https://blog.example/1")
    assert "[EB/OL]" not in D.citation(unknown) and "转载: https://blog.example/1" in D.citation(unknown)
    # an English dossier labels the repost in English (the bibliographic facts stay as the source states them)
    assert D.citation(REPOST, ACCESSED, "en").endswith("repost: https://taximeter.example/x.html [2026-11-20].")


def test_every_reference_says_what_kind_of_page_its_source_is():
    items = (D.Item(rec_id="r", text="推动学会承接科技评估。", evidence=(D.Evidence("甲。", "doc-a"),),
                    support=(D.Support("policy", "乙。", "doc-e", "科技评估; 0.50"),),
                    same=(D.Same("各学会要承接科技评估。", "doc-b"),)),)
    d = D.Dossier(title="t", scope="s", items=items, generated=GENERATED,
                  sources={s.doc_id: s for s in (POLICY_URL, POLICY_PAPER, REPOST)})
    md = D.to_markdown(d, ACCESSED)
    refs = md.split("## 参考文献", 1)[1]
    assert refs.count("来源类型：") == 3
    assert "来源类型：官方发布" in refs and "来源类型：转载页面，非官方来源" in refs and "来源类型：未知" in refs
    assert "**佐证（其他文档）**" in md and "[政策依据] “乙。”[2]（关联原因：科技评估; 0.50）" in md
    assert "**同类建议（其他文档提出的同一举措）**" in md and "“各学会要承接科技评估。”[3]" in md


def test_weak_links_are_marked_as_not_coverage():
    weak = D.Link(code="2.4", name="举措", score=0.0, matched=False)
    assert "弱/未匹配，不计入覆盖" in D._link_text(weak, "zh")
    assert "弱" not in D._link_text(D.Link(code="2.4", score=1.5, terms=("评价",)), "zh")


def test_docx_is_a4_with_official_fonts():
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(D.to_docx(_dossier(), ACCESSED)))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    fonts = {name: document.styles[name].element.rPr.rFonts.get(qn("w:eastAsia")) for name in ("Normal", "Heading 1")}
    assert fonts == {"Normal": "仿宋_GB2312", "Heading 1": "黑体"}


def test_a_verified_recommendation_is_marked_in_the_dossier():
    item = D.Item(rec_id="r", text="推动学会承接科技评估。", evidence=(D.Evidence("甲。", "doc-a"),), review="verified")
    d = D.Dossier(title="t", scope="s", items=(item,), generated=GENERATED, sources={"doc-a": POLICY_URL})
    assert "✓ 已由起草人核实" in D.to_markdown(d, ACCESSED)
    assert "已由起草人核实" not in D.to_markdown(D.Dossier(title="t", scope="s", items=(
        D.Item(rec_id="r", text="推动。", evidence=(D.Evidence("甲。", "doc-a"),)),), generated=GENERATED,
        sources={"doc-a": POLICY_URL}), ACCESSED)


def test_an_english_dossier_names_directions_and_indicators_by_their_glosses():
    from dashboards import i18n

    link = D.Link(code="3.4", name="提出科技社团支撑基础研究、服务产业发展、承接政府转移职能、应对公共事件等方面的可行举措",
                  score=1.5, terms=("承接",))
    english = D._link_text(link, "en")
    assert f"Indicator 3.4 “{i18n.guide_glosses()['3.4']}” (translation)" in english and "提出" not in english
    assert link.name in D._link_text(link, "zh")


def test_a_same_measure_sentence_listed_as_support_already_is_marked_not_repeated_as_news():
    """A policy passage that states the same measure is support and its sentence a same-measure recommendation: the
    cluster entry says it is listed above (in both languages, Markdown and Word); one of another document is not."""
    supporting = [{"kind": "policy", "passage": "各学会要承接科技评估。 其他工作照常。", "doc_id": "doc-b", "terms": ["评估"],
                   "score": 0.5}]
    same = [{"recommendation": "各学会要承接科技评估。", "doc_id": "doc-b"},  # its sentence is that passage's
            {"recommendation": "各学会要承接科技评估。", "doc_id": "doc-a"},  # the same words, another document
            {"recommendation": "学会承接评估。", "doc_id": "doc-b"}]  # the same document, a sentence not in the passage
    assert [D.support_kind_of(r, supporting) for r in same] == ["policy", "", ""]
    trace = [{"rec_id": "r1", "recommendation": "推动学会承接科技评估。", "passage": "推动学会承接科技评估。",
              "doc_id": "doc-c", "title": REPORT.title, "kind": "report"}]
    d = D.from_trace(trace, None, {}, title="t", scope="s", generated=GENERATED, supporting=supporting, same=same)
    assert [x.also for x in d.items[0].same] == ["policy", "", ""]
    md = D.to_markdown(d, ACCESSED)
    assert md.count("已列于上方佐证·政策依据") == 1 and "“各学会要承接科技评估。”[2]（已列于上方佐证·政策依据）" in md
    assert D.to_markdown(d, ACCESSED, "en").count("(listed above as support: policy basis)") == 1
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(D.to_docx(d, ACCESSED))).paragraphs)
    assert text.count("已列于上方佐证·政策依据") == 1


def test_an_english_dossier_flags_a_summary_in_half_width_brackets():
    md = D.to_markdown(_dossier(), ACCESSED, "en")
    assert " (summary)" in md and "（summary）" not in md
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(D.to_docx(_dossier(), ACCESSED, "en"))).paragraphs)
    assert " (summary)" in text and "（summary）" not in text
    assert "（摘要）" in D.to_markdown(_dossier(), ACCESSED)  # Chinese keeps its own brackets


def test_markdown_in_a_document_s_text_stays_text_in_the_markdown_dossier():
    """A crafted title or passage — a javascript: link, an image, HTML, maths — is escaped in the .md dossier, so no
    renderer makes a link or a tag of it; the dossier's own [1] and [EB/OL] stay readable."""
    hostile = "[点我](javascript:alert('x')) ![i](https://evil.example/t.png) <img src=x onerror=alert(1)> $x$"
    src = D.Source(doc_id="doc-h", kind="policy", title=hostile, source_url="http://example.org/h.html",
                   source_kind="official", date="2024-01-01")
    items = (D.Item(rec_id="r", text=hostile, evidence=(D.Evidence(hostile, "doc-h"),)),)
    md = D.to_markdown(D.Dossier(title=hostile, scope="s", items=items, generated=GENERATED,
                                 sources={"doc-h": src}), ACCESSED)
    import re as _re

    unescaped = _re.compile(r"(?<!\\)(?:\]\(|<img|!\[|\$x)")
    assert not [line for line in md.splitlines() if unescaped.search(line)], md
    assert "[1] " in md and "[EB/OL]" in md


def test_an_address_that_is_no_web_page_is_never_cited():
    """A front matter's javascript: or data: address is no online source: not [EB/OL], not printed as a repost."""
    for url in ("javascript:alert(document.domain)", "data:text/html,<script>x</script>", "file:///etc/passwd"):
        for kind in ("official", "repost"):
            src = D.Source(doc_id="d", kind="policy", title="某办法", source_url=url, source_kind=kind, date="2024")
            line = D.citation(src, ACCESSED)
            assert "[EB/OL]" not in line and url.split(":")[0] not in line, line
    ok = D.Source(doc_id="d", kind="policy", title="某办法", source_url="https://www.gov.cn/a.html",
                  source_kind="official", date="2024")
    assert D.citation(ok, ACCESSED).endswith("(2024)[2026-01-05]. https://www.gov.cn/a.html.")
