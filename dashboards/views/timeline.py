"""政策脉络 — documents (policies by default) on a timeline per research direction; citation lineage
(Document -CITES-> Policy) as a graph."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboards import data, graphview, widgets
from dashboards.common import join, short
from dashboards.dossier import book_title
from dashboards.graphview import FONT
from dashboards.i18n import kind_name, rel_name, t

KINDS = ("policy", "case", "report", "news", "speech")


def when(value: str) -> str:
    """An ISO date of any precision as a full date for the time axis (YYYY -> YYYY-07-01, YYYY-MM -> YYYY-MM-15)."""
    if len(value) == 4:
        return f"{value}-07-01"
    if len(value) == 7:
        return f"{value}-15"
    return value


def timeline() -> None:
    docs = data.query("document_timeline")
    present = [k for k in KINDS if any(d["kind"] == k for d in docs)]
    c1, c2 = st.columns([2, 2])
    kinds = widgets.multiselect(t("timeline.kinds"), present, default=[k for k in ("policy",) if k in present] or present,
                                format_func=kind_name, key="timeline_kinds", container=c1)
    chosen = [d for d in docs if d["kind"] in kinds]
    dated = [d for d in chosen if d.get("year")]
    undated = [d for d in chosen if not d.get("year")]
    if dated:
        lo, hi = min(d["year"] for d in dated), max(d["year"] for d in dated)
        if lo < hi:
            lo, hi = c2.slider(t("timeline.years"), lo, hi, (lo, hi), key=f"timeline_years_{lo}_{hi}")
        dated = [d for d in dated if lo <= d["year"] <= hi]
    st.subheader(t("timeline.chart"))
    frame = pd.DataFrame([{
        "when": when(d["date"]), "date": d["date"], "direction": t("direction", code=c), "title": d["title"],
        "kind": kind_name(d["kind"]), "issuers": join(d.get("issuers")), "doc_number": d.get("doc_number") or "",
    } for d in dated for c in d.get("directions") or []])
    if frame.empty:
        st.info(t("trace.none"))
    else:
        chart = (
            alt.Chart(frame)
            .mark_circle(size=140, opacity=0.85)
            .encode(
                x=alt.X("when:T", title=t("date"), axis=alt.Axis(format="%Y", labelAngle=0)),
                y=alt.Y("direction:N", title=None, sort="ascending"),
                color=alt.Color("kind:N", title=t("kind"), legend=alt.Legend(orient="top")),
                tooltip=[alt.Tooltip("date:N", title=t("date")), alt.Tooltip("title:N", title=t("title")),
                         alt.Tooltip("issuers:N", title=t("issuers")),
                         alt.Tooltip("doc_number:N", title=t("doc_number"))],
            )
            .properties(height=260)
            .configure(font=FONT)
        )
        st.altair_chart(chart, width="stretch")
        for code in sorted({c for d in dated for c in d.get("directions") or []}):
            rows = [d for d in dated if code in (d.get("directions") or [])]
            with st.expander(t("timeline.list", direction=t("direction", code=code), n=len(rows))):
                st.dataframe(doc_table(rows), hide_index=True, width="stretch")
    if undated:
        with st.expander(t("timeline.undated", n=len(undated))):
            st.dataframe(doc_table(undated), hide_index=True, width="stretch")


def doc_table(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{t("date"): d["date"] or t("unknown"), t("title"): d["title"], t("kind"): kind_name(d["kind"]),
                          t("issuers"): join(d.get("issuers")), t("doc_number"): d.get("doc_number") or ""}
                         for d in rows])


def lineage_graph(rows: list[dict], titles: dict[str, str]) -> tuple[list[graphview.Node], list[graphview.Edge]]:
    """Documents and the policies they cite. A cited policy that is itself an ingested document (or is
    reported by one) is drawn as that document, so chains of citation show; a document's citation of
    its own title is left out; agencies that issued a policy not in the graph point to it."""
    as_document: dict[str, str] = {}
    for r in rows:
        if r["own"]:
            as_document.setdefault(r["policy_id"], r["doc_id"])
        elif r.get("policy_documents"):
            as_document.setdefault(r["policy_id"], r["policy_documents"][0])
    nodes: dict[str, graphview.Node] = {}
    edges: dict[tuple[str, str], graphview.Edge] = {}
    for r in rows:
        if r["own"]:
            continue
        nodes[r["doc_id"]] = graphview.Node(r["doc_id"], "Document", r["title"],
                                            tooltip=f"{r['title']}（{r['date'] or t('unknown')}）")
        target = as_document.get(r["policy_id"])
        if target:
            if target == r["doc_id"]:
                continue
            name = titles.get(target, r["policy"])
            nodes.setdefault(target, graphview.Node(target, "Document", name, tooltip=f"{name} = {book_title(r['policy'])}"))
        else:
            target = r["policy_id"]
            nodes[target] = graphview.Node(target, "Policy", r["policy"], tooltip=book_title(r["policy"]))
            for issuer in r.get("policy_issuers") or []:
                nodes[f"agency:{issuer}"] = graphview.Node(f"agency:{issuer}", "Agency", issuer)
                edges[(f"agency:{issuer}", target)] = graphview.Edge(f"agency:{issuer}", target, rel_name("ISSUED"))
        edges[(r["doc_id"], target)] = graphview.Edge(r["doc_id"], target, rel_name("CITES"))
    return list(nodes.values()), list(edges.values())


def lineage() -> None:
    st.subheader(t("timeline.lineage"))
    st.caption(t("timeline.lineage_help"))
    direction = widgets.selectbox(t("explore.filter_direction"), [0, 1, 2, 3, 4], key="lineage_direction",
                                  format_func=lambda d: t("direction.all") if d == 0 else t("direction", code=d))
    rows = data.query("citation_lineage", direction=direction)
    if not rows:
        st.info(t("timeline.no_citations"))
        return
    nodes, edges = lineage_graph(rows, {d["doc_id"]: d["title"] for d in data.query("document_timeline")})
    if not edges:
        st.info(t("timeline.no_citations"))
        return
    graphview.legend(dict.fromkeys(n.label for n in nodes))
    graphview.show(graphview.to_html(nodes, edges, height=640), height=640)
    with st.expander(t("timeline.citations", n=len(rows))):
        st.dataframe(pd.DataFrame([{t("date"): r["date"] or t("unknown"), t("title"): short(r["title"], 60),
                                    rel_name("CITES"): book_title(r["policy"]),
                                    t("issuers"): join(r.get("policy_issuers"))} for r in rows]),
                     hide_index=True, width="stretch")


def render() -> None:
    st.title(t("page.timeline"))
    timeline()
    st.divider()
    lineage()


render()
