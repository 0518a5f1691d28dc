"""Evidence dossiers: recommendations with their evidence, as Markdown and Word (.docx).

Pure functions of plain data (rows of the named queries), so they are tested without Streamlit
or a store. Cited documents are numbered in order of first citation (GB/T 7714-2015 顺序编码制)
and listed as references in GB/T 7714-2015 style:

    [1] 中共中央办公厅, 国务院办公厅. 题名[EB/OL]. (2015-07-17)[2026-01-05]. https://….

Type codes: [EB/OL] when the document has a source URL on a citable page — official (government,
科协, Party and state media of record), a society's own site or a media report — so we cite the
online version; otherwise [R] for a report and [Z] for everything else. A URL of a repost (a
content farm, a document-sharing site, or a page of unknown standing) is never presented as the
source: the bibliographic facts (issuer, title, 发文字号, date) come first and the URL follows as
“转载” with the date it was read. Every reference says what kind of page its source is. A
发文字号 is given as other title information (题名: 发文字号). Documents that are summaries
written from a public source (`summary: true`, every seed document) are flagged as such.

A recommendation's dossier entry holds where it was stated (出处), then the support of other
documents grouped by kind (政策依据, 实践案例, 数据) with why, then the same measure elsewhere.
"""
from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from dashboards.i18n import guide_name
from dashboards.text import short, web_url

Lang = Literal["zh", "en"]
ACCESS_PLACEHOLDER = "访问日期"

_TEXT: dict[str, tuple[str, str]] = {
    "heading": ("证据卷宗", "Evidence dossier"),
    "generated": ("生成日期", "Generated"),
    "store": ("图谱", "Graph"),
    "scope": ("范围", "Scope"),
    "count": ("建议数", "Recommendations"),
    "summary_warning": (
        "说明：标注“摘要”的来源是据公开资料撰写的摘要，并非原文；正式引用前请核对原文。",
        "Note: sources marked “summary” are summaries written from a public source, not the original text; "
        "check the original before citing it formally.",
    ),
    "recommendation": ("建议", "Recommendation"),
    "links": ("关联（得分；匹配词）", "Linked to (score; matched terms)"),
    "concerns": ("涉及实体", "Entities concerned"),
    "evidence": ("证据", "Evidence"),
    "references": ("参考文献", "References"),
    "summary_flag": ("摘要", "summary"),
    "summary_ref": ("注：据公开资料撰写的摘要，非原文。", "Note: a summary written from a public source, not the original text."),
    "none": ("无", "none"),
    "source_line": ("来源", "Source"),
    "provenance": ("出处", "Stated in"),
    "support": ("佐证（其他文档）", "Support from other documents"),
    "support.policy": ("政策依据", "policy basis"),
    "support.case": ("实践案例", "case in practice"),
    "support.data": ("数据", "data"),
    "why": ("关联原因", "why"),
    "cluster": ("同类建议（其他文档提出的同一举措）", "The same measure in other documents"),
    "also_support": ("已列于上方佐证·{kind}", "listed above as support: {kind}"),
    "weak": ("弱/未匹配，不计入覆盖", "weak/unmatched, not counted as coverage"),
    "verified": ("已由起草人核实", "verified by a drafter"),
    "corrected": ("起草人更正为", "corrected by a drafter to"),
    "repost": ("转载", "repost"),
    "kind.official": ("来源类型：官方发布", "source: official page"),
    "kind.society": ("来源类型：学会网站", "source: society's own page"),
    "kind.media": ("来源类型：媒体报道", "source: media report"),
    "kind.repost": ("来源类型：转载页面，非官方来源", "source: a repost, not the official source"),
    "kind.none": ("来源类型：未知", "source: unknown"),
}
CITABLE_KINDS = ("official", "society", "media")  # pages cited as the online version [EB/OL]


def _t(key: str, lang: Lang) -> str:
    zh, en = _TEXT[key]
    return zh if lang == "zh" else en


# --- the data ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Source:
    doc_id: str
    title: str
    kind: str | None = None
    issuers: tuple[str, ...] = ()
    date: str | None = None
    doc_number: str | None = None
    source_url: str | None = None
    path: str | None = None
    summary: bool = False
    source_kind: str | None = None  # official / society / media / repost
    retrieved: str | None = None  # when the source page was read

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "Source":
        return cls(doc_id=row["doc_id"], title=row.get("title") or "", kind=row.get("doc_kind") or row.get("kind"),
                   issuers=tuple(row.get("issuers") or ()), date=row.get("date"),
                   doc_number=row.get("doc_number") or None, source_url=row.get("source_url") or None,
                   path=row.get("path"), summary=bool(row.get("summary")),
                   source_kind=row.get("source_kind"), retrieved=row.get("retrieved"))


@dataclass(frozen=True)
class Link:
    code: str
    name: str = ""
    score: float | None = None
    terms: tuple[str, ...] = ()
    matched: bool = True  # False: a weak link, not counted as coverage


@dataclass(frozen=True)
class Evidence:
    passage: str
    doc_id: str


@dataclass(frozen=True)
class Support:
    kind: str  # policy / case / data
    passage: str
    doc_id: str
    why: str  # shared words, entities, score


@dataclass(frozen=True)
class Same:
    text: str
    doc_id: str
    also: str = ""  # the kind of support its sentence is listed as already (a policy passage that states the measure)


@dataclass(frozen=True)
class Item:
    rec_id: str
    text: str
    links: tuple[Link, ...] = ()
    concerns: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()  # where it is stated (出处)
    support: tuple[Support, ...] = ()  # passages of other documents that back it
    same: tuple[Same, ...] = ()  # the same measure in other documents
    review: str | None = None  # a drafter's decision: verified / corrected (rejected ones are not exported)
    corrected: str | None = None  # the corrected text


@dataclass(frozen=True)
class Dossier:
    title: str
    scope: str
    items: tuple[Item, ...]
    sources: dict[str, Source] = field(default_factory=dict)
    generated: date = field(default_factory=date.today)
    store: str = ""

    def numbering(self) -> dict[str, int]:
        """Document id -> reference number, in order of first citation."""
        numbers: dict[str, int] = {}
        for item in self.items:
            for doc_id in [e.doc_id for e in item.evidence] + [s.doc_id for s in item.support] + \
                    [s.doc_id for s in item.same]:
                if doc_id not in numbers:
                    numbers[doc_id] = len(numbers) + 1
        return numbers

    @property
    def has_summaries(self) -> bool:
        return any(self.sources[d].summary for d in self.numbering() if d in self.sources)


# --- building from query rows -------------------------------------------------------------------
def support_kind_of(row: dict[str, Any], supporting: Sequence[dict[str, Any]]) -> str:
    """The kind of support under which a same-measure recommendation's sentence is listed already — a passage of
    its document that holds it — or "": the same text is then marked, not left to look like a second finding."""
    def flat(value: object) -> str:
        return " ".join(str(value or "").split())

    text = flat(row.get("recommendation"))
    return next((s["kind"] for s in supporting
                 if s.get("doc_id") == row.get("doc_id") and text and text in flat(s.get("passage"))), "")


def same_items(same: Sequence[dict[str, Any]], supporting: Sequence[dict[str, Any]]) -> tuple[Same, ...]:
    return tuple(Same(text=r["recommendation"], doc_id=r["doc_id"], also=support_kind_of(r, supporting)) for r in same)


def support_why(row: dict[str, Any]) -> str:
    bits = ["、".join(row.get("terms") or [])]
    if row.get("entities"):
        bits.append("、".join(row["entities"]))
    if row.get("score") is not None:
        bits.append(f"{float(row['score']):.2f}")
    return "; ".join(b for b in bits if b)


def from_trace(trace_rows: Sequence[dict[str, Any]], links_row: dict[str, Any] | None,
               metas: dict[str, dict[str, Any]], *, title: str, scope: str, store: str = "",
               generated: date | None = None, supporting: Sequence[dict[str, Any]] = (),
               same: Sequence[dict[str, Any]] = ()) -> Dossier:
    """One recommendation: rows of `trace_recommendation`, the row of `recommendation_links`,
    `document_meta` rows by document id, and rows of `recommendation_support` and `measure_cluster`."""
    if not trace_rows:
        return Dossier(title=title, scope=scope, items=(), store=store, generated=generated or date.today())
    first = trace_rows[0]
    links = tuple(Link(code=str(l.get("code")), name=l.get("name") or "", score=l.get("score"),
                       terms=tuple(l.get("terms") or ()), matched=bool(l.get("matched", True)))
                  for l in (links_row or {}).get("links") or [] if l)
    concerns = tuple(c["name"] for c in (links_row or {}).get("concerns") or [] if c)
    evidence = tuple(Evidence(passage=r["passage"], doc_id=r["doc_id"]) for r in trace_rows)
    sources = {r["doc_id"]: Source.from_row({**r, **metas.get(r["doc_id"], {})}) for r in trace_rows}
    for r in list(supporting) + list(same):
        sources.setdefault(r["doc_id"], Source.from_row(r))
    item = Item(rec_id=first["rec_id"], text=first["recommendation"], links=links, concerns=concerns,
                evidence=evidence, review=first.get("review"), corrected=first.get("corrected"),
                support=tuple(Support(kind=r["kind"], passage=r["passage"], doc_id=r["doc_id"], why=support_why(r))
                              for r in supporting),
                same=same_items(same, supporting))
    return Dossier(title=title, scope=scope, items=(item,), sources=sources, store=store,
                   generated=generated or date.today())


def from_direction(rows: Sequence[dict[str, Any]], *, direction: str, direction_name: str, title: str,
                   scope: str, indicator_names: dict[str, str] | None = None, store: str = "",
                   generated: date | None = None, supporting: dict[str, Sequence[dict[str, Any]]] | None = None,
                   same: dict[str, Sequence[dict[str, Any]]] | None = None) -> Dossier:
    """All recommendations of a direction: rows of `direction_evidence` (one per evidence passage),
    and by recommendation id the rows of `recommendation_support` and `measure_cluster`."""
    items: dict[str, dict[str, Any]] = {}
    sources: dict[str, Source] = {}
    for r in rows:
        item = items.setdefault(r["rec_id"], {
            "text": r["recommendation"], "concerns": tuple(r.get("concerns") or ()), "evidence": [],
            "review": r.get("review"), "corrected": r.get("corrected"),
            "links": [Link(code=direction, name=direction_name, score=r.get("score"),
                           terms=tuple(r.get("terms") or ()), matched=bool(r.get("matched", True)))]
            + [Link(code=str(c), name=(indicator_names or {}).get(str(c), ""))
               for c in r.get("indicators") or [] if str(c).split(".")[0] == direction],
        })
        ev = Evidence(passage=r["passage"], doc_id=r["doc_id"])
        if ev not in item["evidence"]:
            item["evidence"].append(ev)
        sources.setdefault(r["doc_id"], Source.from_row(r))
    supporting, same = supporting or {}, same or {}
    for r in [row for rows_ in list(supporting.values()) + list(same.values()) for row in rows_]:
        sources.setdefault(r["doc_id"], Source.from_row(r))
    return Dossier(
        title=title, scope=scope, store=store, generated=generated or date.today(), sources=sources,
        items=tuple(Item(rec_id=rid, text=v["text"], links=tuple(v["links"]), concerns=v["concerns"],
                         evidence=tuple(v["evidence"]), review=v["review"], corrected=v["corrected"],
                         support=tuple(Support(kind=r["kind"], passage=r["passage"], doc_id=r["doc_id"],
                                               why=support_why(r)) for r in supporting.get(rid, ())),
                         same=same_items(same.get(rid, ()), supporting.get(rid, ())))
                    for rid, v in items.items()),
    )


def combine(parts: Sequence[Dossier], *, title: str, scope: str, store: str = "",
            generated: date | None = None) -> Dossier:
    """Several dossiers as one (a drafter's shortlist): their items in order, their sources together."""
    sources: dict[str, Source] = {}
    for part in parts:
        sources.update(part.sources)
    return Dossier(title=title, scope=scope, items=tuple(i for part in parts for i in part.items), sources=sources,
                   store=store, generated=generated or date.today())


# --- GB/T 7714-2015 ----------------------------------------------------------------------------
_ISSUING_HEADLINE = re.compile(r"^[^《》]*?(?:印发|发布|出台)《(?P<title>[^《》]+)》$")


def reference_type(source: Source) -> str:
    if web_url(source.source_url) and (source.source_kind in CITABLE_KINDS):
        return "EB/OL"
    if source.kind == "report":
        return "R"
    return "Z"


def cited_title(source: Source) -> str:
    """The title to cite: a policy reported as “X印发《Y》” is cited as Y; a 发文字号 follows a colon."""
    title = " ".join(source.title.split())
    if source.kind == "policy" and (m := _ISSUING_HEADLINE.match(title)):
        title = m.group("title")
    if source.doc_number:
        title = f"{title}: {source.doc_number}"
    return title


def citation(source: Source, accessed: date | None = None, lang: Lang = "zh") -> str:
    """One reference entry (without its number) in GB/T 7714-2015 style (a repost's label in the dossier's language)."""
    parts: list[str] = []
    if source.issuers:
        parts.append(", ".join(source.issuers) + ". ")
    code = reference_type(source)
    parts.append(f"{cited_title(source)}[{code}]. ")
    seen = accessed.isoformat() if accessed else ACCESS_PLACEHOLDER
    if code == "EB/OL":
        when = f"({source.date})" if source.date else ""
        parts.append(f"{when}[{seen}]. {source.source_url}.")
    else:
        if source.date:
            parts.append(f"{source.date}. ")
        if web_url(source.source_url):  # a repost: never presented as the source, labelled with when it was read
            parts.append(f"{_t('repost', lang)}: {source.source_url} [{source.retrieved or seen}].")
    return "".join(parts).strip()


def _paren(text: str, lang: Lang) -> str:
    """A remark after a reference: full-width brackets in Chinese, a space and half-width ones in English."""
    return f"（{text}）" if lang == "zh" else f" ({text})"


def kind_label(source: Source, lang: Lang) -> str:
    return _t(f"kind.{source.source_kind}" if source.source_kind in ("official", "society", "media", "repost")
              else "kind.none", lang)


def references(dossier: Dossier, accessed: date | None = None, lang: Lang = "zh") -> list[tuple[int, Source, str]]:
    return [(n, dossier.sources[doc_id], f"[{n}] {citation(dossier.sources[doc_id], accessed, lang)}")
            for doc_id, n in dossier.numbering().items() if doc_id in dossier.sources]


def _link_text(link: Link, lang: Lang) -> str:
    """课题3「name」（得分 6.5；匹配词：科技评估、技术标准） / Direction 3 “name” (score 6.5; terms: …)."""
    is_indicator = "." in link.code
    if lang == "zh":
        head = f"考核指标 {link.code}" if is_indicator else f"课题{link.code}"
        head += f"「{link.name}」" if link.name else ""
        extras = ([f"得分 {link.score:g}"] if link.score is not None else []) + \
                 ([f"匹配词：{'、'.join(link.terms)}"] if link.terms else []) + \
                 ([_t("weak", lang)] if not link.matched else [])
        return head + (f"（{'；'.join(extras)}）" if extras else "")
    head = f"Indicator {link.code}" if is_indicator else f"Direction {link.code}"
    head += f" “{guide_name(link.code, link.name, lang)}” (translation)" if link.name else ""
    extras = ([f"score {link.score:g}"] if link.score is not None else []) + \
             ([f"terms: {', '.join(link.terms)}"] if link.terms else []) + \
             ([_t("weak", lang)] if not link.matched else [])
    return head + (f" ({'; '.join(extras)})" if extras else "")


# --- Markdown ----------------------------------------------------------------------------------
# a link or an image needs its parenthesis (`[x](…)`, `![x](…)`), an autolink or HTML its angle bracket: escaped with
# emphasis, code, tables, strike-through and maths; square brackets stay as they are (the references' [1], [EB/OL])
_MD_MARKUP = re.compile(r"([\\`*_{}()<>|~!$])")


def _md_inline(text: str) -> str:
    """One line of a document's text for the Markdown dossier, every character that makes markup escaped: a
    `[x](javascript:…)` or `![x](https://…)` in a title or passage stays text in any renderer."""
    return _MD_MARKUP.sub(r"\\\1", " ".join(str(text).split()))


def to_markdown(dossier: Dossier, accessed: date | None = None, lang: Lang = "zh") -> str:
    numbers = dossier.numbering()
    out = [f"# {_t('heading', lang)}：{_md_inline(dossier.title)}" if lang == "zh"
           else f"# {_t('heading', lang)}: {_md_inline(dossier.title)}", ""]
    sep = "：" if lang == "zh" else ": "
    out.append(f"- {_t('scope', lang)}{sep}{_md_inline(dossier.scope)}")
    out.append(f"- {_t('count', lang)}{sep}{len(dossier.items)}")
    out.append(f"- {_t('generated', lang)}{sep}{dossier.generated.isoformat()}")
    if dossier.store:
        out.append(f"- {_t('store', lang)}{sep}{_md_inline(dossier.store)}")
    out.append("")
    if dossier.has_summaries:
        out += [f"> {_t('summary_warning', lang)}", ""]
    for i, item in enumerate(dossier.items, start=1):
        out += [f"## {i}. {_md_inline(short(item.text, 40))}", "", f"**{_t('recommendation', lang)}**{sep}{_md_inline(item.text)}", ""]
        if item.review == "verified":
            out += [f"✓ {_t('verified', lang)}", ""]
        if item.corrected:
            out += [f"{_t('corrected', lang)}{sep}{_md_inline(item.corrected)}", ""]
        if item.links:
            out.append(f"**{_t('links', lang)}**{sep}" + ("；" if lang == "zh" else "; ").join(
                _md_inline(_link_text(link, lang)) for link in item.links))
            out.append("")
        out.append(f"**{_t('concerns', lang)}**{sep}" + (_md_inline("、".join(item.concerns)) if item.concerns
                                                         else _t("none", lang)))
        out += ["", f"**{_t('provenance', lang)}**{sep}", ""]
        for j, ev in enumerate(item.evidence, start=1):
            src = dossier.sources.get(ev.doc_id)
            flag = _paren(_t('summary_flag', lang), lang) if src and src.summary else ""
            out.append(f"{j}. “{_md_inline(ev.passage)}”[{numbers[ev.doc_id]}]{flag}")
            if src:
                out.append(f"   — {_md_inline(_source_line(src, lang))}")
        if item.support:
            out += ["", f"**{_t('support', lang)}**{sep}", ""]
            for kind in ("policy", "case", "data"):
                for sup in (x for x in item.support if x.kind == kind):
                    out.append(f"- [{_t('support.' + kind, lang)}] “{_md_inline(sup.passage)}”[{numbers[sup.doc_id]}]"
                               f"（{_t('why', lang)}{sep}{_md_inline(sup.why)}）")
        if item.same:
            out += ["", f"**{_t('cluster', lang)}**{sep}", ""]
            out += [f"- “{_md_inline(x.text)}”[{numbers[x.doc_id]}]" + (_also(x, lang) if x.also else "")
                    for x in item.same]
        out.append("")
    out += [f"## {_t('references', lang)}", ""]
    for _, src, line in references(dossier, accessed, lang):
        out.append(_md_inline(line) + _paren(kind_label(src, lang), lang)
                   + (f"  \n  {_t('summary_ref', lang)}" if src.summary else ""))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _also(same: Same, lang: Lang) -> str:
    """The mark of a same-measure recommendation whose sentence is listed as support above."""
    return _paren(_t("also_support", lang).format(kind=_t("support." + same.also, lang)), lang)


def _source_line(src: Source, lang: Lang) -> str:
    bits = [book_title(src.title) if lang == "zh" else src.title]
    if src.issuers:
        bits.append("、".join(src.issuers))
    if src.date:
        bits.append(src.date)
    if src.doc_number:
        bits.append(src.doc_number)
    return "，".join(bits) if lang == "zh" else ", ".join(bits)


def book_title(title: str) -> str:
    """《title》, with book-title marks inside the title turned into inner ones (〈〉)."""
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


# --- Word --------------------------------------------------------------------------------------
def to_docx(dossier: Dossier, accessed: date | None = None, lang: Lang = "zh") -> bytes:
    from docx import Document as Docx
    from docx.shared import Pt, RGBColor

    numbers = dossier.numbering()
    doc = Docx()
    _a4(doc)
    _chinese_fonts(doc)
    sep = "：" if lang == "zh" else ": "
    doc.add_heading(f"{_t('heading', lang)}{sep}{dossier.title}", level=0)
    meta = [(_t("scope", lang), dossier.scope), (_t("count", lang), str(len(dossier.items))),
            (_t("generated", lang), dossier.generated.isoformat())]
    if dossier.store:
        meta.append((_t("store", lang), dossier.store))
    for key, value in meta:
        p = doc.add_paragraph()
        p.add_run(f"{key}{sep}").bold = True
        p.add_run(value)
    if dossier.has_summaries:
        p = doc.add_paragraph()
        run = p.add_run(_t("summary_warning", lang))
        run.italic = True
        run.font.color.rgb = RGBColor(0x8A, 0x4B, 0x00)
    for i, item in enumerate(dossier.items, start=1):
        doc.add_heading(f"{i}. {short(item.text, 40)}", level=1)
        p = doc.add_paragraph()
        p.add_run(f"{_t('recommendation', lang)}{sep}").bold = True
        p.add_run(item.text)
        if item.review == "verified":
            p.add_run(f"（✓ {_t('verified', lang)}）").italic = True
        if item.corrected:
            doc.add_paragraph(f"{_t('corrected', lang)}{sep}{item.corrected}")
        if item.links:
            p = doc.add_paragraph()
            p.add_run(f"{_t('links', lang)}{sep}").bold = True
            p.add_run(("；" if lang == "zh" else "; ").join(_link_text(link, lang) for link in item.links))
        p = doc.add_paragraph()
        p.add_run(f"{_t('concerns', lang)}{sep}").bold = True
        p.add_run("、".join(item.concerns) if item.concerns else _t("none", lang))
        doc.add_paragraph().add_run(f"{_t('provenance', lang)}{sep}").bold = True
        for ev in item.evidence:
            src = dossier.sources.get(ev.doc_id)
            p = doc.add_paragraph(style="List Number")
            p.add_run(f"“{ev.passage}”")
            ref = p.add_run(f"[{numbers[ev.doc_id]}]")
            ref.font.superscript = True
            if src and src.summary:
                p.add_run(_paren(_t('summary_flag', lang), lang)).italic = True
            if src:
                q = doc.add_paragraph(f"— {_source_line(src, lang)}")
                q.paragraph_format.left_indent = Pt(18)
        if item.support:
            doc.add_paragraph().add_run(f"{_t('support', lang)}{sep}").bold = True
            for kind in ("policy", "case", "data"):
                for sup in (x for x in item.support if x.kind == kind):
                    p = doc.add_paragraph(style="List Bullet")
                    p.add_run(f"[{_t('support.' + kind, lang)}] ").bold = True
                    p.add_run(f"“{sup.passage}”")
                    p.add_run(f"[{numbers[sup.doc_id]}]").font.superscript = True
                    p.add_run(f"（{_t('why', lang)}{sep}{sup.why}）").italic = True
        if item.same:
            doc.add_paragraph().add_run(f"{_t('cluster', lang)}{sep}").bold = True
            for x in item.same:
                p = doc.add_paragraph(style="List Bullet")
                p.add_run(f"“{x.text}”")
                p.add_run(f"[{numbers[x.doc_id]}]").font.superscript = True
                if x.also:
                    p.add_run(_also(x, lang)).italic = True
    doc.add_heading(_t("references", lang), level=1)
    for _, src, line in references(dossier, accessed, lang):
        doc.add_paragraph(line + _paren(kind_label(src, lang), lang))
        if src.summary:
            note = doc.add_paragraph()
            note.paragraph_format.left_indent = Pt(18)
            run = note.add_run(_t("summary_ref", lang))
            run.italic = True
            run.font.size = Pt(9)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _a4(doc: Any) -> None:
    """A4 with the margins of Chinese official documents (GB/T 9704-2012: 天头 37 mm, 订口 28 mm)."""
    from docx.shared import Mm

    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)


# The usual faces of Chinese official documents: the title in 方正小标宋简体, headings in 黑体, the
# text in 仿宋_GB2312 三号 (16 pt); Word falls back to a Latin face unless the East Asian font is set.
OFFICIAL_FONTS = {"Title": ("方正小标宋简体", 22), "Heading 1": ("黑体", 16), "Heading 2": ("楷体_GB2312", 16),
                  "Normal": ("仿宋_GB2312", 16), "List Number": ("仿宋_GB2312", 16),
                  "List Bullet": ("仿宋_GB2312", 16)}


def _chinese_fonts(doc: Any) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    for name, (face, size) in OFFICIAL_FONTS.items():
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        style.font.size = Pt(size)
        if name.startswith(("Title", "Heading")):
            style.font.color.rgb = RGBColor(0, 0, 0)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), face)


# --- file names --------------------------------------------------------------------------------
def filename(slug: str, generated: date, ext: str) -> str:
    """An ASCII file name (browsers and mail clients handle it everywhere)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", slug).strip("-")[:48]
    return f"dossier-{stem + '-' if stem else ''}{generated.isoformat()}.{ext}"
