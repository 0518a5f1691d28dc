"""The dashboard's two languages: Chinese first, English as a switch.

`t(key, **fmt)` looks a message up in the current language (kept in `st.session_state["lang"]`);
`label_name`, `kind_name`, `rel_name` name graph labels, document kinds and relationship types.
Everything a user reads goes through here, so both languages stay complete (a test checks it).
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

from schema import vocabulary
from seed_data import DataError, require, resource

Lang = Literal["zh", "en"]
LANGS: dict[Lang, str] = {"zh": "中文", "en": "English"}
DEFAULT: Lang = "zh"
STATE_KEY = "lang"

MESSAGES: dict[str, tuple[str, str]] = {
    # app frame
    "app.title": ("科技社团知识图谱", "S&T Societies Knowledge Graph"),
    "app.language": ("语言 / Language", "语言 / Language"),
    "app.store": ("已连接：{store}", "Connected: {store}"),
    "app.store_down": (
        "无法连接图数据库。请检查配置（KG_STORE、KG_DATA_DIR、NEO4J_URI 等）或启动数据库，然后刷新页面。",
        "The graph store cannot be reached. Check the configuration (KG_STORE, KG_DATA_DIR, NEO4J_URI …) "
        "or start the store, then reload the page.",
    ),
    "app.empty": ("图谱为空：请先运行 `kg ingest seed_data/` 导入文档。",
                  "The graph is empty: run `kg ingest seed_data/` to load documents first."),
    # pages
    "page.overview": ("总览", "Overview"),
    "page.trace": ("建议溯源", "Trace recommendations"),
    "page.explore": ("图谱探索", "Explore the graph"),
    "page.timeline": ("政策脉络", "Policy lineage"),
    "page.lists": ("列表", "Lists"),
    "page.reader": ("文档", "Reader"),
    "page.cypher": ("Cypher", "Cypher"),
    "guide.mark": ("（自译）", "(translation)"),
    "guide.translated": ("课题、研究内容与考核指标的英文名称为本项目自译。", "(translation) English names of the guide's directions and indicators are the project's own "
                         "translations (seed_data/lexicon/guide_en.tsv), not an official text."),
    # overview
    "overview.counts": ("各类节点数量", "Nodes by type"),
    "overview.kinds": ("文档类型", "Documents by kind"),
    "overview.coverage": ("覆盖矩阵：4 个课题 × 6 项考核指标", "Coverage: 4 directions × 6 indicators"),
    "overview.coverage_help": (
        "每格：建议数 / 出处段落数，只计有匹配词且得分达到阈值的关联；“弱”为无匹配词或得分不足的关联，不计入覆盖；"
        "“缺口”表示尚无建议覆盖该考核指标；灰格是课题研究本身的交付物（研究报告、政策梳理、支撑起草）。",
        "Each cell: recommendations / passages stating them, counting only links on matched terms above the threshold; "
        "“weak” links (no matched terms, or too low a score) are not coverage; “gap” means no recommendation covers "
        "the indicator yet; grey cells are deliverables of the research itself (the report, the policy review, "
        "support for drafting).",
    ),
    "overview.cell": ("{recs} 条建议 / {evidence} 段证据", "{recs} rec. / {evidence} passages"),
    "overview.gap": ("缺口", "gap"),
    "overview.weak": ("弱 {n}", "weak {n}"),
    "overview.deliverable": ("研究交付物", "deliverable"),
    "overview.deliverable_help": ("课题研究本身的交付物（研究报告、政策梳理、支撑起草），不由建议覆盖",
                                  "delivered by the research itself (the report, the policy review, support for "
                                  "drafting), not covered by recommendations"),
    "overview.gaps": ("缺口：{n} 项考核指标尚无建议", "Gaps: {n} indicators without a recommendation"),
    "overview.indicator_col": ("指标 {n}", "Indicator {n}"),
    "overview.indicators": ("考核指标全文", "Indicators in full"),
    "overview.per_year": ("各课题每年文档数（2012 年起）", "Documents per year and direction (from 2012)"),
    "overview.no_years": ("2012 年以来没有带日期的文档。", "No dated documents since 2012."),
    # common
    "direction": ("课题{code}", "Direction {code}"),
    "direction.all": ("全部课题", "All directions"),
    "indicator": ("考核指标 {code}", "Indicator {code}"),
    "indicator.all": ("全部考核指标", "All indicators"),
    "year": ("年份", "Year"),
    "documents": ("文档数", "Documents"),
    "count": ("数量", "Count"),
    "recommendations": ("建议数", "Recommendations"),
    "evidence_passages": ("证据段落数", "Evidence passages"),
    "type": ("类型", "Type"),
    "name": ("名称", "Name"),
    "title": ("题名", "Title"),
    "date": ("日期", "Date"),
    "kind": ("类型", "Kind"),
    "issuers": ("发文机关", "Issuers"),
    "doc_number": ("发文字号", "Document no."),
    "source": ("来源", "Source"),
    "source_kind.official": ("官方发布", "official page"),
    "source_kind.society": ("学会网站", "society's own page"),
    "source_kind.media": ("媒体报道", "media report"),
    "source_kind.repost": ("转载页面，非官方来源", "a repost, not the official source"),
    "source_kind.none": ("来源类型未知", "source kind unknown"),
    "unknown": ("不详", "unknown"),
    "none": ("无", "none"),
    "summary_note": ("据公开资料撰写的摘要，非原文", "a summary written from a public source, not the original text"),
    "legend": ("图例", "Legend"),
    "show_more": ("显示更多（+{n}）", "Show more (+{n})"),
    "showing": ("显示 {shown} / {total} 个相邻节点", "Showing {shown} of {total} neighbours"),
    # trace
    "trace.intro": ("选择课题、考核指标和一条建议，查看它的证据链。",
                    "Pick a direction, an indicator and a recommendation to see its chain of evidence."),
    "trace.direction": ("研究课题", "Research direction"),
    "trace.indicator": ("考核指标", "Indicator"),
    "trace.recommendation": ("建议", "Recommendation"),
    "trace.none": ("该选择下没有建议（缺口）。", "No recommendation for this choice (a gap)."),
    "trace.deliverable": ("研究交付物：该考核指标由课题研究本身完成（研究报告、政策梳理、支撑起草），不由建议覆盖，不是缺口。",
                          "This indicator is a deliverable of the research itself (the report, the policy review, "
                          "support for drafting): the research delivers it, no recommendation covers it; not a gap."),
    "trace.indicator_counts": ("（{n}）", " ({n})"),
    "trace.indicator_counts_weak": ("（{n} · 弱 {weak}）", " ({n} · weak {weak})"),
    "trace.indicator_deliverable": ("（研究交付物）", " (deliverable)"),
    "trace.rec_option": ("[{score}{marks}] {text}", "[{score}{marks}] {text}"),
    "trace.why": ("为何关联", "Why it is linked"),
    "trace.link_target": ("对应", "Target"),
    "trace.score": ("得分", "Score"),
    "trace.terms": ("匹配词", "Matched terms"),
    "trace.concerns": ("涉及实体", "Entities it concerns"),
    "trace.evidence": ("出处：建议所在段落（{n} 段）", "Provenance: where it is stated (passages: {n})"),
    "trace.passage_of": ("出处 {n}", "Source {n}"),
    "trace.weak": ("弱/未匹配", "weak / unmatched"),
    "trace.weak_help": ("无匹配词或得分低于阈值：不计入覆盖", "no matched terms or a score below the threshold: not counted as coverage"),
    "trace.rec_option_weak": ("[弱{marks}] {text}", "[weak{marks}] {text}"),
    "trace.rec_option_support": (" · 佐证 {n}", " · support {n}"),
    "trace.rec_option_same": (" · 同类 {n}", " · same measure {n}"),
    "trace.backed": ("只看有他文佐证或同类举措的建议", "Only recommendations other documents back"),
    "trace.backed_help": ("只列出有其他文档段落佐证（政策依据、实践案例、数据），或有其他文档提出同一举措的建议",
                          "only recommendations that a passage of another document supports (policy basis, case, "
                          "data) or that another document proposes too (the same measure)"),
    "trace.backed_found": ("有他文佐证或同类举措的建议 {total} 条，显示前 {shown} 条",
                           "{total} recommendations backed by other documents, showing the first {shown}"),
    "trace.backed_none": ("该选择下没有其他文档佐证或同样提出的建议。",
                          "No recommendation of this choice is backed or proposed by another document."),
    "trace.rec_filter": ("查找建议", "Find a recommendation"),
    "trace.rec_filter_help": ("输入建议原文中的文字（区分大小写），在本课题或考核指标的全部建议中查找（打开下方开关时，只在有他文佐证"
                              "或同类举措的建议中查找）",
                              "text in the recommendation (case-sensitive), looked up among all of this direction's "
                              "or indicator's recommendations (with the switch below on, among those other documents "
                              "back)"),
    "trace.rec_capped": ("按得分显示前 {shown} 条，共 {total} 条；输入文字可查找其余建议",
                         "Showing the {shown} strongest of {total}; type some text to find the others"),
    "trace.rec_found": ("找到 {total} 条，显示前 {shown} 条", "{total} found, showing the first {shown}"),
    "trace.rec_none_found": ("没有包含“{text}”的建议。", "No recommendation contains “{text}”."),
    "trace.rec_found_backed": ("在有他文佐证或同类举措的建议中找到 {total} 条，显示前 {shown} 条",
                               "{total} found among the recommendations other documents back, showing the first {shown}"),
    "trace.rec_none_found_backed": ("有他文佐证或同类举措的建议中没有包含“{text}”的。",
                                    "No recommendation other documents back contains “{text}”."),
    "trace.support": ("佐证：其他文档中的依据（{n} 段）", "Support from other documents (passages: {n})"),
    "trace.support_help": (
        "每条佐证都锚定在建议涉及的一个具体实体（职能、项目、学会、分支机构、党组织）上，或是另一份政策文件中的同类建议；"
        "匹配词、实体和得分说明关联的原因。",
        "Each link is anchored on a specific entity the recommendation concerns (a function, programme, society, "
        "branch or Party body), or is the same measure in another policy document; the shared words, entities and "
        "score say why."),
    "trace.support_none": ("语料中没有其他文档佐证这条建议。", "No other document of the corpus supports this recommendation."),
    "trace.support_why": ("关联原因：{why}", "Why: {why}"),
    "trace.support_kind": ("{kind}（{n}）", "{kind} ({n})"),
    "support.policy": ("政策依据", "Policy basis"),
    "support.case": ("实践案例", "Case in practice"),
    "support.data": ("数据", "Data"),
    "support.entities": ("实体", "entities"),
    "review.show_rejected": ("显示已否决的事实", "Show rejected facts"),
    "review.verify": ("✓ 核实", "✓ Verify"),
    "review.reject": ("✗ 否决", "✗ Reject"),
    "review.clear": ("↺ 撤销", "↺ Undo"),
    "app.reviewer": ("审核人", "Reviewer"),
    "app.reviewer_placeholder": ("您的姓名（可选）", "your name (optional)"),
    "app.reviewer_help": ("✓ / ✗ / 更正与合并时一并记录，见审核页的决定记录与 kg review export。",
                          "Recorded with each ✓ / ✗ / correction and merge: see the review page's log and kg review export."),
    "review.status.verified": ("已核实", "Verified"),
    "review.status.rejected": ("已否决", "Rejected"),
    "review.status.corrected": ("已更正", "Corrected"),
    "review.corrected_to": ("更正为：{value}", "Corrected to: {value}"),
    "review.busy": ("图谱正在写入（kg ingest），请稍后再试：{error}", "The graph is being written (kg ingest); try again shortly: {error}"),
    "review.saved": ("已记录：{status}", "Recorded: {status}"),
    "page.review": ("审核", "Review"),
    "explore.facts": ("关系事实（{n}）：逐条核实或否决", "Relationship facts ({n}): verify or reject each"),
    "explore.this": ("本实体", "this entity"),
    "explore.merged": ("已合并的名称", "Merged names"),
    "merge.made": ("已合并的实体（{n}）", "Merged entities ({n})"),
    "merge.line": ("{label}「{name}」→「{into}」 · {by} · {at}", "{label} “{name}” → “{into}” · {by} · {at}"),
    "merge.split": ("拆分", "Split"),
    "merge.merge": ("合并", "Merge"),
    "merge.candidates": ("候选重复实体（{n}）", "Candidate duplicates ({n})"),
    "merge.candidate": ("{label}「{name}」与「{into}」（{reason}）", "{label} “{name}” and “{into}” ({reason})"),
    "merge.reason.traditional": ("繁简不同", "traditional script"),
    "merge.reason.alias": ("互为别名", "an alias"),
    "merge.reason.qualifier": ("多一个修饰语", "a qualifier more"),
    "merge.done_merge": ("已合并：「{name}」→「{into}」", "Merged: “{name}” → “{into}”"),
    "merge.done_split": ("已拆分：「{name}」", "Split: “{name}”"),
    "review.intro": ("起草人对事实的核实、否决与更正。决定按事实内容记录，重新导入文档后依然有效；事实消失的决定保留并标为“孤立”。",
                     "Drafters' decisions about facts. They are keyed by what a fact says and survive re-ingest; a "
                     "decision whose fact is gone is kept and marked orphaned."),
    "review.decisions": ("全部决定（{n}）", "All decisions ({n})"),
    "review.none": ("尚无决定。在“建议溯源”页对建议或佐证点 ✓ / ✗。", "No decisions yet. Use ✓ / ✗ on the trace page."),
    "review.orphaned": ("孤立", "orphaned"),
    "review.first_n": ("前 {n} 条", "the first {n}"),
    "review.queue_weak": ("待审：只有弱关联的建议（{n}）", "To review: recommendations with weak links only ({n})"),
    "review.queue_names": ("待审：不在任何词表中的名称（{n}）", "To review: names no gazetteer knows ({n})"),
    "review.edit": ("✎ 更正", "✎ Correct"),
    "review.edit_label": ("更正后的文字", "Corrected text"),
    "review.edit_save": ("保存更正", "Save the correction"),
    "review.queue_support": ("待审：得分较低的佐证（{n}）", "To review: low-score support links ({n})"),
    "review.col_status": ("状态", "Status"),
    "review.col_kind": ("事实类型", "Fact"),
    "review.col_text": ("内容", "Text"),
    "review.col_by": ("审核人", "By"),
    "review.col_at": ("时间", "When"),
    "review.col_note": ("说明", "Note"),
    "trace.cluster": ("同类建议：其他文档提出的同一举措（{n} 条）", "The same measure in other documents ({n})"),
    "trace.also_support": ("其句已列于上方佐证·{kind}", "its sentence is listed above as support: {kind}"),
    "trace.cluster_none": ("新提法：语料中没有其他文档提出同一举措。",
                           "New: no other document of the corpus proposes the same measure."),
    "trace.cluster_summary": ("{docs} 份其他文档提出同一举措（{when}）：属于反复出现的政策举措。",
                              "Other documents proposing the same measure: {docs} ({when}); repeated policy."),
    "trace.cluster_years": ("{years}", "{years}"),
    "trace.cluster_issuers": ("发文机关：{issuers}", "issued by {issuers}"),
    "trace.cluster_undated": ("年份与发文机关不详", "year and issuer unknown"),
    "trace.graph": ("证据链：建议 → 段落 → 文档 → 发文机关", "Chain: recommendation → passage → document → issuer"),
    "trace.export": ("导出证据卷宗", "Export an evidence dossier"),
    "trace.export_scope": ("范围", "Scope"),
    "trace.export_current": ("当前溯源", "The current trace"),
    "trace.export_direction": ("本课题全部建议", "All recommendations of this direction"),
    "trace.export_shortlist": ("我的清单（{n} 条）", "My shortlist ({n})"),
    "trace.export_shortlist_rejected": ("清单中 {n} 条建议已被否决，不写入卷宗。",
                                        "{n} recommendations of the shortlist were rejected and are left out of the dossier."),
    "trace.export_rejected": ("这条建议已被否决：卷宗不收录已否决的事实。",
                              "This recommendation was rejected: a dossier holds no rejected fact."),
    "shortlist.add": ("☆ 加入清单", "☆ Add to shortlist"),
    "shortlist.remove": ("★ 移出清单", "★ Remove from shortlist"),
    "shortlist.help": ("清单中有 {n} 条建议，可一并导出为一份证据卷宗；清单写在网址里，可分享。",
                       "{n} recommendations on the shortlist, exported together as one dossier; the shortlist is in "
                       "the address, so it can be shared."),
    "shortlist.title": ("建议清单（{n} 条）", "Shortlist ({n} recommendations)"),
    "trace.accessed": ("引用日期（GB/T 7714 [引用日期]）", "Access date (GB/T 7714 [accessed])"),
    "trace.download_docx": ("下载 Word（.docx）", "Download Word (.docx)"),
    "trace.download_md": ("下载 Markdown（.md）", "Download Markdown (.md)"),
    "trace.mention_legend": ("高亮：", "Highlighted:"),
    # explore
    "explore.search": ("检索实体名称、别名或原文", "Search entity names, aliases or passages"),
    "explore.placeholder": ("例如：中国科协、党委、团体标准", "e.g. 中国科协, 党委, 团体标准"),
    "explore.no_terms": ("请输入中文或英文词语。", "Type some words (Chinese or English)."),
    "explore.entities": ("实体（{n}）", "Entities ({n})"),
    "explore.passages": ("原文段落（{n}）", "Passages ({n})"),
    "explore.no_hits": ("没有找到匹配的实体。", "No matching entity."),
    "explore.pick": ("选择实体", "Pick an entity"),
    "explore.start": ("输入关键词开始探索，或从下方常见实体中选择。",
                      "Type a keyword to start, or pick one of the frequent entities below."),
    "explore.filter_labels": ("按类型筛选", "Filter by type"),
    "explore.all_labels": ("全部类型", "All types"),
    "explore.filter_rels": ("按关系筛选", "Filter by relationship"),
    "explore.hops": ("深度", "Depth"),
    "explore.hops_n": ("{n} 跳", "{n} hop(s)"),
    "explore.all_rels": ("全部关系", "All relationships"),
    "explore.group": ("{label} ×{n}", "{label} ×{n}"),
    "explore.group_tip": ("点击逐一显示这些{label}", "Click to show these ({label}) one by one"),
    "explore.png": ("保存为 PNG 图片", "Save as PNG"),
    "explore.mention_count": ("提及 {n} 次", "{n} mentions"),
    "explore.filter_direction": ("按课题筛选", "Filter by direction"),
    "explore.neighbourhood": ("邻域图", "Neighbourhood"),
    "explore.click_hint": ("点击节点：实体居中显示，文件在阅读页打开，建议在溯源页打开",
                           "click a node: an entity becomes the centre, a document opens in the reader, "
                           "a recommendation on the trace page"),
    "explore.capped": ("与它相连的文档共 {n} 份；提及它的文档只逐一列出其中 {cap} 份（按文档编号）。",
                       "{n} documents are tied to it; of those that mention it only {cap} (by document id) are "
                       "listed one by one."),
    "explore.facts_capped": ("关系事实（前 {n} 条）：逐条核实或否决", "Relationship facts (the first {n}): verify or reject each"),
    "explore.no_neighbours": ("筛选后没有相邻节点。", "No neighbours pass the filters."),
    "explore.profile": ("实体档案", "Entity profile"),
    "explore.aliases": ("别名", "Aliases"),
    "explore.branches": ("分支机构", "Branches"),
    "explore.party": ("党组织", "Party organisations"),
    "explore.programmes": ("人才项目与奖项", "Programmes and awards"),
    "explore.functions": ("承接职能", "Functions undertaken"),
    "explore.supervisors": ("业务主管单位", "Supervising agencies"),
    "explore.supervised": ("主管的社团", "Societies it supervises"),
    "explore.mentions": ("被提及次数", "Mentions"),
    "explore.documents": ("提及它的文档（{n}）", "Documents that mention it ({n})"),
    "explore.documents_capped": ("提及它的文档（共 {n} 份，列出提及最多的 {shown} 份）",
                                 "Documents that mention it ({n}; the {shown} that mention it most)"),
    "explore.generic": ("（类别，非具体实例）", "(a kind, not an instance)"),
    # timeline
    "timeline.kinds": ("文档类型", "Document kinds"),
    "timeline.years": ("年份范围", "Years"),
    "timeline.chart": ("各课题时间线", "Timeline per direction"),
    "timeline.undated": ("日期不详的文档（{n}）", "Undated documents ({n})"),
    "timeline.list": ("{direction}：{n} 份文档", "{direction}: {n} documents"),
    "timeline.lineage": ("引用脉络（CITES）", "Citation lineage (CITES)"),
    "timeline.by_year_window": ("年份轴上显示 {start}–{end} 年的引用文档（上方时间轴的年份范围）",
                                "on the year axis: the citing documents of {start}–{end} (the timeline's years above)"),
    "timeline.by_year": ("按年份排列（每列一年，从左到右）", "On a year axis (a column a year, left to right)"),
    "timeline.citations": ("引用关系（{n}）", "Citations ({n})"),
    "timeline.lineage_help": (
        "箭头从引用文档指向被引政策；被引政策若本身已入库（或有入库的报道），就画成该文档，于是能看到引用链条。",
        "Arrows go from a citing document to the cited policy; a policy that is itself in the graph (or reported "
        "by a document in it) is drawn as that document, so chains of citation show.",
    ),
    "timeline.capped": ("显示最近的 {shown} 份引用文档的引用关系，共 {total} 份（可按课题或年份范围缩小）",
                        "Showing the citations of the {shown} most recent citing documents of {total} (narrow by direction "
                        "or years)"),
    "timeline.no_citations": ("没有引用关系。", "No citations."),
    "timeline.same_as": ("即", "is"),
    # lists
    "lists.intro": ("按类型列出实体，或逐条列出某类关系事实；点击列名排序，输入文字筛选，可下载 CSV。已否决的事实不计入。",
                    "Entities of one type, or the facts of one relationship, one row each; click a column to sort, "
                    "type to filter, download as CSV. Rejected facts are left out."),
    "lists.view": ("查看", "Show"),
    "lists.view.entities": ("实体列表", "Entities"),
    "lists.view.facts": ("关系列表", "Relationship facts"),
    "lists.type": ("实体类型", "Entity type"),
    "lists.rel": ("关系", "Relationship"),
    "lists.rel.UNDERTAKES": ("学会 × 承接的职能", "Societies × functions undertaken"),
    "lists.rel.RUNS": ("人才项目 × 主办方", "Programmes × who runs them"),
    "lists.rel.PARTY_ORG_OF": ("党组织 × 所属组织", "Party bodies × owners"),
    "lists.rel.BRANCH_OF": ("分支机构 × 所属学会", "Branches × society"),
    "lists.rel.SUPERVISED_BY": ("学会 × 业务主管单位", "Societies × supervising agency"),
    "lists.rel.ISSUED": ("机构 × 发布的政策", "Agencies × policies issued"),
    "lists.filter": ("筛选", "Filter"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "lists.filter_entities": ("名称、别名或编号中的文字", "text in the name, aliases or id"),
    "lists.filter_facts": ("主体或客体名称中的文字", "text in a head or tail name"),
    "lists.aliases": ("别名", "Aliases"),
    "lists.generic": ("泛称", "Generic"),
    "lists.generic_help": ("类别名称（如“全国学会”），非具体实例", "the name of a kind (e.g. 全国学会), not an instance"),
    "lists.directions": ("研究课题", "Research directions"),
    "lists.first_year": ("首见年份", "First year"),
    "lists.last_year": ("末见年份", "Last year"),
    "lists.year_help": ("据文档日期；空白表示相关文档均无日期", "from the documents' dates; blank when none of them is dated"),
    "lists.head": ("主体", "Head"),
    "lists.tail": ("客体", "Tail"),
    "lists.head_type": ("主体类型", "Head type"),
    "lists.tail_type": ("客体类型", "Tail type"),
    "lists.relationship": ("关系", "Relationship"),
    "lists.passages": ("出处段落数", "Passages"),
    "lists.passages_help": ("陈述这一事实的段落数", "passages that state the fact"),
    "lists.link_help": ("在“图谱探索”中打开", "open on the explore page"),
    "lists.count.out": ("{rel}（作为主体）", "{rel} (as head)"),
    "lists.count.in": ("{rel}（作为客体）", "{rel} (as tail)"),
    "lists.count.UNDERTAKES.out": ("承接职能数", "Functions undertaken"),
    "lists.count.UNDERTAKES.in": ("承接学会数", "Societies undertaking it"),
    "lists.count.RUNS.out": ("主办项目数", "Programmes run"),
    "lists.count.RUNS.in": ("主办方数", "Run by"),
    "lists.count.BRANCH_OF.out": ("所属学会数", "Societies it belongs to"),
    "lists.count.BRANCH_OF.in": ("分支机构数", "Branches"),
    "lists.count.PARTY_ORG_OF.out": ("所属组织数", "Bodies it belongs to"),
    "lists.count.PARTY_ORG_OF.in": ("党组织数", "Party bodies"),
    "lists.count.SUPERVISED_BY.out": ("业务主管单位数", "Supervising agencies"),
    "lists.count.SUPERVISED_BY.in": ("主管学会数", "Societies supervised"),
    "lists.count.ISSUED.out": ("发布政策数", "Policies issued"),
    "lists.count.ISSUED.in": ("发布机构数", "Issued by"),
    "lists.rows": ("显示 {shown} / {total} 行", "Showing {shown} of {total} rows"),
    "lists.capped": ("列表最多 {n} 行", "lists stop at {n} rows"),
    "lists.entities_capped": ("具体名称在前、泛称在后，按提及次数列出前 {shown} 个，共 {total} 个",
                              "named ones before generic kinds, each the most mentioned first: {shown} of {total}"),
    "lists.mentions": ("提及次数", "Mentions"),
    "lists.none": ("没有符合条件的行。", "No rows match."),
    "lists.csv": ("下载 CSV（表中 {n} 行）", "Download CSV (the {n} rows shown)"),
    "lists.csv_help": ("下载表中显示的行（筛选后）；列表只显示了前若干行时，先点“显示更多”再下载其余行",
                       "the rows the table shows (after the filter); when the list shows only the first rows, "
                       "“Show more” before downloading the rest"),
    # reader
    "reader.intro": ("逐段阅读一篇文档：高亮其中提及的实体，列出每段陈述的关系事实（已否决的不列），标出从中提取的建议，"
                     "以及它引用的政策和引用它的文档。",
                     "Read one document passage by passage: the entities it mentions highlighted, the relationship "
                     "facts each passage states (rejected ones left out), the recommendations drawn from it, the "
                     "policies it cites and the documents that cite it."),
    "reader.document": ("文档（最新在前）", "Document (most recent first)"),
    "reader.no_documents": ("图谱中还没有文档。", "The graph holds no documents yet."),
    "trace.missing": ("网址中的建议 {id} 不在图谱中（其文档已被移除或改动后重新导入）；下面显示的是另一条建议。",
                      "The recommendation {id} of the address is not in the graph (its document was removed, or changed "
                      "and read again); another one is shown below."),
    "explore.missing": ("网址中的实体 {id} 不在图谱中（已被合并、否决，或文档改动后名称不同）；下面显示的是另一个实体。",
                        "The entity {id} of the address is not in the graph (merged, rejected, or named otherwise since its "
                        "documents changed); another one is shown below."),
    "reader.not_found": ("图谱中没有这篇文档（地址中的编号有误，或文档已被移除）。",
                         "No such document in the graph (a wrong id in the address, or the document was removed)."),
    "reader.passage_count": ("段落数", "Passages"),
    "reader.passages": ("正文（{n} 段）", "Text (passages: {n})"),
    "reader.no_passages": ("这篇文档没有段落。", "This document has no passages."),
    "reader.facts": ("本段陈述的关系", "Facts stated here"),
    "reader.rec": ("从本段提取的建议", "Recommendation drawn from this passage"),
    "reader.shown": ("已显示 {shown} / {total} 段", "Showing {shown} of {total} passages"),
    "reader.more": ("再显示 {n} 段", "Show {n} more"),
    "reader.citations": ("引用", "Citations"),
    "reader.citations_help": ("被引政策若本身已入库，可点开阅读；“引用本文”指引用了与本文标题同名政策的文档。",
                              "A cited policy that is itself in the graph links to it; \"cited by\" lists the "
                              "documents that cite a policy named by this document's title."),
    "reader.cites": ("本文引用（{n}）", "Cites ({n})"),
    "reader.cited_by": ("引用本文（{n}）", "Cited by ({n})"),
    "reader.own": ("即本文", "this document"),
    "reader.in_graph": ("阅读", "read"),
    # cypher
    "cypher.intro": ("只读 Cypher 控制台：写操作（CREATE、MERGE、SET、DELETE …）会被数据库拒绝。",
                     "Read-only Cypher console: writes (CREATE, MERGE, SET, DELETE …) are refused by the store."),
    "cypher.library": ("命名查询库（点击即运行）", "Named query library (click to run)"),
    "cypher.query": ("Cypher 查询", "Cypher query"),
    "cypher.params": ("参数（JSON）", "Parameters (JSON)"),
    "cypher.run": ("运行", "Run"),
    "cypher.bad_params": ("参数必须是 JSON 对象，例如 {{\"limit\": 10}}：{error}",
                          "Parameters must be a JSON object such as {{\"limit\": 10}}: {error}"),
    "cypher.readonly": ("已拒绝：控制台只读，不能修改图谱（CREATE、MERGE、SET、DELETE 等写操作不被允许）。",
                        "Refused: the console is read-only and cannot change the graph (CREATE, MERGE, SET, DELETE … "
                        "are not allowed)."),
    "cypher.error": ("查询出错：{error}", "Query error: {error}"),
    "cypher.rows": ("{n} 行", "{n} rows"),
    "cypher.truncated": ("只显示前 {n} 行。", "Showing the first {n} rows."),
    "cypher.no_rows": ("查询成功，没有返回行。", "The query ran and returned no rows."),
    "cypher.csv": ("下载 CSV", "Download CSV"),
    "cypher.not_in_url": ("查询与参数超过 {n} 个字符，未写入网址：复制网址不能重现这次结果。",
                          "The query and its parameters are longer than {n} characters and are not in the address: "
                          "a copied address does not give this result."),
    "cypher.graph": ("结果图", "Result graph"),
    "cypher.empty": ("请输入查询。", "Type a query."),
}

# node labels and relationship types: their names come from the vocabulary (schema/vocabulary.py);
# the rows below are the views' own (a document's issuer, the Entity super-label, reversed edges)
LABELS: dict[str, tuple[str, str]] = {n.name: (n.zh, n.en) for n in vocabulary.NODE_TYPES} | {
    "Issuer": ("发文机关", "Issuer"),
    "Entity": ("实体", "Entity"),
}

KINDS: dict[str, tuple[str, str]] = {
    "policy": ("政策文件", "policy"),
    "case": ("案例", "case"),
    "report": ("报告", "report"),
    "speech": ("讲话", "speech"),
    "news": ("新闻", "news"),
    "guide": ("申报指南", "guide"),
}

RELS: dict[str, tuple[str, str]] = {r.name: (r.zh, r.en) for r in vocabulary.RELATIONSHIP_TYPES} | {
    "ISSUED_BY": ("发文机关", "issued by"),
    "MENTIONED_IN": ("提及于", "mentioned in"),
    "SAME_AS": ("即", "is"),
}


def current() -> Lang:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if get_script_run_ctx(suppress_warning=True) is None:  # outside a Streamlit run (tests, exports)
        return DEFAULT
    import streamlit as st

    value = st.session_state.get(STATE_KEY, DEFAULT)
    return value if value in LANGS else DEFAULT


def _pick(pair: tuple[str, str], lang: Lang | None) -> str:
    return pair[0] if (lang or current()) == "zh" else pair[1]


def t(key: str, lang: Lang | None = None, **fmt: object) -> str:
    text = _pick(MESSAGES[key], lang)
    return text.format(**fmt) if fmt else text


def label_name(label: str | None, lang: Lang | None = None) -> str:
    return _pick(LABELS[label], lang) if label in LABELS else str(label or "")


def kind_name(kind: str | None, lang: Lang | None = None) -> str:
    return _pick(KINDS[kind], lang) if kind in KINDS else str(kind or "")


def rel_name(rel: str | None, lang: Lang | None = None) -> str:
    return _pick(RELS[rel], lang) if rel in RELS else str(rel or "")


def colon(lang: Lang | None = None) -> str:
    """The colon after a label: full-width in Chinese."""
    return "：" if (lang or current()) == "zh" else ": "


def direction_name(code: object, lang: Lang | None = None) -> str:
    return t("direction", lang, code=code)


# --- the guide's items in English ----------------------------------------------------------------
# The guide is Chinese; its directions, research contents and indicators have English glosses written
# for the project (seed_data/lexicon/guide_en.tsv, the project's own translations, not official ones).
GUIDE_LABELS = ("ResearchDirection", "ResearchContent", "Indicator")
GUIDE_COLUMNS = ["code", "label", "english", "note"]
_CODE = {"ResearchDirection": re.compile(r"[1-9]"), "ResearchContent": re.compile(r"[1-9]\.c[1-9]\d*"),
         "Indicator": re.compile(r"[1-9]\.[1-9]\d*")}


def read_guide_glosses(path: Path) -> dict[str, str]:
    """code -> English gloss from a `code, label, english, note` TSV (lines starting with # are
    comments); DataError naming the file and line of a bad row (wrong header, a code that does not fit
    its label, a label of no guide item, an empty gloss, Chinese in the gloss, a code twice)."""
    require(path, "the English names of the guide")
    glosses: dict[str, str] = {}
    header_seen = False
    with path.open(encoding="utf-8", newline="") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            where = f"{path}:{number}"
            if not header_seen:
                if cells[:len(GUIDE_COLUMNS)] != GUIDE_COLUMNS:
                    raise DataError(f"{where}: the header must be {'<TAB>'.join(GUIDE_COLUMNS)}, got {cells}")
                header_seen = True
                continue
            if len(cells) < 3:
                raise DataError(f"{where}: a row needs code<TAB>label<TAB>english[<TAB>note], got {cells}")
            code, label, english = (c.strip() for c in cells[:3])
            if label not in _CODE:
                raise DataError(f"{where}: label must be one of {', '.join(GUIDE_LABELS)}, got {label!r}")
            if not _CODE[label].fullmatch(code):
                raise DataError(f"{where}: {code!r} is not the code of a {label} (e.g. 1, 1.c3, 1.4)")
            if not english:
                raise DataError(f"{where}: {code} has no English gloss")
            if re.search(r"[\u4e00-\u9fff]", english):
                raise DataError(f"{where}: the gloss of {code} is not English: {english!r}")
            if code in glosses:
                raise DataError(f"{where}: {code} is glossed twice")
            glosses[code] = english
    if not header_seen:
        raise DataError(f"{path}:1: empty, the header {'<TAB>'.join(GUIDE_COLUMNS)} is missing")
    return glosses


@cache
def guide_glosses() -> dict[str, str]:
    return read_guide_glosses(resource("lexicon", "guide_en.tsv", check=False))


def guide_name(code: object, chinese_name: str | None, lang: Lang | None = None) -> str:
    """The name of a guide item (direction "1", research content "1.c3", indicator "1.4") as shown:
    the guide's Chinese in Chinese mode, the project's English gloss (marked as a translation by
    `guide_note`) in English mode; a code without a gloss shows its Chinese (the bundled guide has
    a gloss for every item, a test checks it)."""
    if (lang or current()) == "zh":
        return str(chinese_name or "")
    return guide_glosses().get(str(code), str(chinese_name or ""))


def guide_note(lang: Lang | None = None) -> str:
    """A caption under a place that shows guide items' English names ("" in Chinese mode)."""
    return "" if (lang or current()) == "zh" else t("guide.translated", lang)
