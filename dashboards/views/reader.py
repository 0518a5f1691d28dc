"""文档 — read one document: its metadata (title, issuers, 发文字号, date, kind, source), then its passages
in order with their mentions highlighted (a colour per label), under each passage the relationship facts
it states (rejected ones left out) and a mark for every recommendation cut from it (a link to the trace
page), then the policies it cites and the documents that cite it. The document lives in the address
(`?doc=<document id>`); passages come 200 at a time ("show more")."""
from __future__ import annotations

import html

import streamlit as st

from dashboards import common, data, graphview, highlight, widgets
from dashboards.dossier import book_title
from dashboards.i18n import colon, kind_name, rel_name, t

STEP = 200  # passages shown at a time
DOC_LIMIT = 500  # documents offered in the picker
CITATION_LIMIT = 200  # citations shown each way


def from_url() -> None:
    """The address names the document (a shared link, a reload): `?doc=<id>`."""
    wanted = st.query_params.get("doc")
    if st.session_state.get("reader_url_state") == wanted:
        return
    st.session_state["reader_url_state"] = wanted
    if wanted:
        st.session_state["reader_doc"] = wanted


def to_url(doc_id: str) -> None:
    common.write_url(doc=doc_id)
    st.session_state["reader_url_state"] = doc_id


def link(path: str, key: str, value: str, text: str, cls: str = "") -> str:
    """An escaped link to another page of the app (relative, same tab)."""
    href = html.escape(common.page_href(path, **{key: value}), quote=True)
    return f'<a href="{href}" target="_self"{f" class={cls!r}" if cls else ""}>{html.escape(text)}</a>'


def metadata(meta: dict) -> None:
    unknown, sep = t("unknown"), colon()
    source_md = common.source_md(meta)
    st.subheader(common.md_text(book_title(meta.get("title") or meta["doc_id"])))
    lines = [
        f"- {t('issuers')}{sep}{common.md_text(common.join(meta.get('issuers'))) if meta.get('issuers') else unknown}",
        f"- {t('doc_number')}{sep}{common.md_text(meta.get('doc_number')) or unknown}",
        f"- {t('date')}{sep}{common.md_text(meta.get('date')) or unknown}",
        f"- {t('kind')}{sep}{common.md_text(kind_name(meta.get('kind')))}",
        f"- {t('source')}{sep}{source_md}"
        + f" · :orange[{t('source_kind.' + (meta.get('source_kind') or 'none'))}]",
        f"- {t('reader.passage_count')}{sep}{int(meta.get('passages') or 0)}",
    ]
    if meta.get("summary"):
        lines.append(f"- :orange[{t('summary_note')}]")
    st.markdown("\n".join(lines))


def fact_html(f: dict) -> str:
    return (f'<li class="kg-fact" data-rel="{html.escape(f["rel"], quote=True)}">'
            f'{link("explore", "entity", f["head_id"], f["head"] or f["head_id"])} — '
            f'<b>{html.escape(rel_name(f["rel"]))}</b> — '
            f'{link("explore", "entity", f["tail_id"], f["tail"] or f["tail_id"])}</li>')


def passage_html(n: int, row: dict) -> str:
    spans = [highlight.Span(m["start"], m["end"], m.get("label") or "", m.get("name") or "")
             for m in row.get("mentions") or [] if m]
    parts = [f'<div class="kg-passage" data-passage="{html.escape(row["passage_id"], quote=True)}" '
             f'style="font-size:1.05rem;line-height:1.9">'
             f'<span style="color:#888;font-size:0.8em;margin-right:8px">§{n}</span>'
             f'{highlight.to_html(row["text"] or "", spans)}</div>']
    facts = [f for f in row.get("facts") or [] if f]
    if facts:
        parts.append(f'<div style="color:#555;font-size:0.9em;margin-top:4px">{html.escape(t("reader.facts"))}'
                     f'{html.escape(colon())}<ul style="margin:0 0 0 1.2em;padding:0">'
                     + "".join(fact_html(f) for f in facts) + "</ul></div>")
    recs = [r for r in row.get("recommendations") or [] if r]
    if recs:
        marks = " ".join(link("trace", "rec", r, f"★ {t('reader.rec')}", "kg-rec-mark") for r in recs)
        parts.append(f'<div style="font-size:0.9em;margin-top:4px">{marks}</div>')
    return "".join(parts)


def passages(doc_id: str, total: int) -> None:
    st.markdown(f"#### {t('reader.passages', n=total)}")
    shown_key = f"reader_shown_{doc_id}"
    shown = st.session_state.get(shown_key, STEP)
    rows = data.query("document_passages", doc_id=doc_id, skip=0, limit=shown)
    labels = sorted({m["label"] for r in rows for m in r.get("mentions") or [] if m and m.get("label")})
    if labels:
        graphview.legend(labels)
    if not rows:
        st.info(t("reader.no_passages"), icon=":material/info:")
    for n, row in enumerate(rows, start=1):
        with st.container(border=True):
            st.html(passage_html(n, row))
    if len(rows) < total:
        st.caption(t("reader.shown", shown=len(rows), total=total))
        if st.button(t("reader.more", n=min(STEP, total - len(rows))), key=f"reader_more_{doc_id}",
                     icon=":material/expand_more:"):
            st.session_state[shown_key] = shown + STEP
            st.rerun()


def citations(doc_id: str) -> None:
    rows = data.query("document_citations", doc_id=doc_id, limit=CITATION_LIMIT)
    row = rows[0] if rows else {}
    cites = [c for c in row.get("cites") or [] if c]
    cited_by = [c for c in row.get("cited_by") or [] if c]
    st.markdown(f"#### {t('reader.citations')}")
    st.caption(t("reader.citations_help"))
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('reader.cites', n=len(cites))}**")
        items = []
        for c in cites:
            item = html.escape(book_title(c["policy"] or c["policy_id"]))
            if c.get("own"):
                item += f' <span style="color:#888">（{html.escape(t("reader.own"))}）</span>'
            docs = [d for d in c.get("documents") or [] if d]
            if docs:
                item += " → " + "、".join(link("reader", "doc", d, t("reader.in_graph")) for d in docs[:5])
            items.append(f"<li>{item}</li>")
        st.html(f'<ul class="kg-cites">{"".join(items)}</ul>' if items
                else f'<div style="color:#888">{html.escape(t("none"))}</div>')
    with right:
        st.markdown(f"**{t('reader.cited_by', n=len(cited_by))}**")
        items = [f'<li>{link("reader", "doc", c["doc_id"], book_title(c["title"] or c["doc_id"]))}'
                 f' <span style="color:#888;font-size:0.85em">{html.escape(c.get("date") or t("unknown"))} · '
                 f'{html.escape(kind_name(c.get("kind")))}</span></li>' for c in cited_by]
        st.html(f'<ul class="kg-cited-by">{"".join(items)}</ul>' if items
                else f'<div style="color:#888">{html.escape(t("none"))}</div>')


def render() -> None:
    st.title(t("page.reader"))
    st.caption(t("reader.intro"))
    from_url()
    docs = data.query("document_list", limit=DOC_LIMIT)
    titles = {d["doc_id"]: d for d in docs}
    options = [d["doc_id"] for d in docs]
    wanted = st.session_state.get("reader_doc")
    if wanted and wanted not in titles:
        options.insert(0, wanted)  # a document beyond the picker's bound, named by the address

    def name(doc_id: str) -> str:
        d = titles.get(doc_id)
        return f"{d['title'] or doc_id} · {d['date'] or t('unknown')}" if d else doc_id

    doc_id = widgets.selectbox(t("reader.document"), options, key="reader_doc", format_func=name)
    if not doc_id:
        st.info(t("reader.no_documents"), icon=":material/info:")
        return
    to_url(doc_id)
    meta = data.query("document_meta", doc_id=doc_id)
    if not meta:
        st.warning(t("reader.not_found"), icon=":material/search_off:")
        return
    metadata(meta[0])
    passages(doc_id, int(meta[0].get("passages") or 0))
    citations(doc_id)


render()
