"""政策脉络 — documents (policies by default) on a timeline per research direction, from 2012 by default
(the year range in the address: `?from=2012&to=2024`); citation lineage (Document -CITES-> Policy) as a graph.
Only the documents of the chosen kinds and years are read (their counts per kind and year first)."""
from __future__ import annotations

from dataclasses import replace

import altair as alt
import pandas as pd
import streamlit as st

from dashboards import common, data, graphview, widgets
from dashboards.common import join, short
from dashboards.dossier import book_title
from dashboards.graphview import FONT
from dashboards.i18n import guide_note, kind_name, rel_name, t

KINDS = ("policy", "case", "report", "news", "speech")
SINCE = 2012  # the first year shown unless the address or the slider asks for older documents
LABEL_WIDTH = 12  # characters of a title written above its dot
LINEAGE_DOCUMENTS = 100  # citing documents whose citations the lineage draws (the most recent)
LABELS_PER_ROW = 6  # at most this many titles written along one direction's row (the rest: tooltips only)


def year_range(lo: int, hi: int) -> tuple[int, int]:
    """The range the address asks for (`?from=…&to=…`, each clamped to the years present), else
    SINCE (or the first year, if later) to the last year."""
    def asked(key: str, default: int) -> int:
        try:
            return min(max(int(st.query_params.get(key, "")), lo), hi)
        except ValueError:
            return default

    start, end = asked("from", min(max(SINCE, lo), hi)), asked("to", hi)
    return (start, end) if start <= end else (end, start)


def spaced_labels(frame: pd.DataFrame, per_row: int = LABELS_PER_ROW) -> pd.Series:
    """The shortened title of the dots whose label would not run into the previous label of its row
    (a label every 1/per_row of the time span at most); "" for the others, which keep their tooltip."""
    days = pd.to_datetime(frame["when"], errors="coerce")
    span = max((days.max() - days.min()).days, 365)
    gap = span / per_row
    shown = pd.Series("", index=frame.index)
    for _, row in frame.assign(day=days).sort_values("day").groupby("direction"):
        last = None
        for index, day in row["day"].items():
            if pd.isna(day):
                continue
            if last is None or (day - last).days >= gap:
                shown[index] = short(frame.at[index, "title"], LABEL_WIDTH)
                last = day
    return shown


def range_to_url(start: int, end: int) -> None:
    common.write_url(**{"from": str(start), "to": str(end)})


def when(value: str) -> str:
    """An ISO date of any precision as a full date for the time axis (YYYY -> YYYY-07-01, YYYY-MM -> YYYY-MM-15)."""
    if len(value) == 4:
        return f"{value}-07-01"
    if len(value) == 7:
        return f"{value}-15"
    return value


def timeline(counts: list[dict]) -> tuple[int, int] | None:
    """The timeline chart of the documents of the chosen kinds and years; `counts` (rows of document_years:
    documents per kind and year) give the kinds and years to choose from, so that only the documents
    shown are read (a big graph has tens of thousands). Returns the chosen year range (None when no
    document of those kinds is dated)."""
    present = [k for k in KINDS if any(c["kind"] == k for c in counts)]
    c1, c2 = st.columns([2, 2])
    kinds = widgets.multiselect(t("timeline.kinds"), present, default=[k for k in ("policy",) if k in present] or present,
                                format_func=kind_name, key="timeline_kinds", container=c1)
    years = [c["year"] for c in counts if c["kind"] in kinds and c.get("year")]
    window = None
    if years:
        lo, hi = min(years), max(years)
        start, end = year_range(lo, hi)
        if lo < hi:
            # the slider is keyed by the years present and the language; its start comes from the address
            start, end = c2.slider(t("timeline.years"), lo, hi, (start, end), key=f"timeline_years_{lo}_{hi}")
        range_to_url(start, end)
        window = (start, end)
    docs = data.query("document_timeline", kind=",".join(kinds),
                      **({"from_year": window[0], "to_year": window[1]} if window else {})) if kinds else []
    dated = [d for d in docs if d.get("year")]
    undated = [d for d in docs if not d.get("year")]
    st.subheader(t("timeline.chart"))
    names = {d.code: d.shown_name() for d in common.directions()}
    frame = pd.DataFrame([{
        "when": when(d["date"]), "date": d["date"], "direction": t("direction", code=c), "title": d["title"],
        "direction_name": names.get(str(c), ""),
        "kind": kind_name(d["kind"]), "issuers": join(d.get("issuers")), "doc_number": d.get("doc_number") or "",
    } for d in dated for c in d.get("directions") or []])
    if frame.empty:
        st.info(t("trace.none"))
    else:
        frame["label"] = spaced_labels(frame)
        tooltip = [alt.Tooltip("title:N", title=t("title")), alt.Tooltip("date:N", title=t("date")),
                   alt.Tooltip("kind:N", title=t("kind")), alt.Tooltip("issuers:N", title=t("issuers")),
                   alt.Tooltip("doc_number:N", title=t("doc_number")),
                   alt.Tooltip("direction_name:N", title=t("trace.direction"))]
        base = alt.Chart(frame).encode(
            x=alt.X("when:T", title=t("date"), axis=alt.Axis(format="%Y", labelAngle=0)),
            y=alt.Y("direction:N", title=None, sort="ascending"),
            tooltip=tooltip,
        )
        dots = base.mark_circle(size=140, opacity=0.85).encode(
            color=alt.Color("kind:N", title=t("kind"), legend=alt.Legend(orient="top")))
        # titles, shortened, written above their dots where there is room (Vega draws them as text, so a
        # title is never markup); every dot's tooltip has the whole title, date and kind
        labels = base.mark_text(align="left", dx=-4, dy=-13, fontSize=11, color="#444").encode(text="label:N")
        chart = (dots + labels).properties(height=320).configure(font=FONT)
        st.altair_chart(chart, width="stretch")
        if guide_note():
            st.caption(guide_note())
        for code in sorted({c for d in dated for c in d.get("directions") or []}):
            rows = [d for d in dated if code in (d.get("directions") or [])]
            with st.expander(t("timeline.list", direction=t("direction", code=code), n=len(rows))):
                st.dataframe(doc_table(rows), hide_index=True, width="stretch")
    if undated:
        with st.expander(t("timeline.undated", n=len(undated))):
            st.dataframe(doc_table(undated), hide_index=True, width="stretch")
    return window


def doc_table(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{t("date"): d["date"] or t("unknown"), t("title"): d["title"], t("kind"): kind_name(d["kind"]),
                          t("issuers"): join(d.get("issuers")), t("doc_number"): d.get("doc_number") or ""}
                         for d in rows])


def lineage_graph(rows: list[dict], titles: dict[str, str], years: dict[str, int | None] | None = None
                  ) -> tuple[list[graphview.Node], list[graphview.Edge]]:
    """Documents and the policies they cite. A cited policy that is itself an ingested document (or is
    reported by one) is drawn as that document, so chains of citation show; a document's citation of
    its own title is left out; agencies that issued a policy not in the graph point to it.

    With `years` (document id -> year), the graph is laid out on a year axis: every document in the
    column of its year (one column a year that has documents; its label starts with the year), a
    policy not in the graph one column before the first document that cites it, its issuers with it,
    undated cited documents in the first column."""
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
    out = list(nodes.values())
    if years is not None:
        out = on_year_axis(out, list(edges.values()), years)
    return out, list(edges.values())


def on_year_axis(nodes: list[graphview.Node], edges: list[graphview.Edge], years: dict[str, int | None]
                 ) -> list[graphview.Node]:
    """Each node in the column (level) of its year; see `lineage_graph`."""
    dated = [y for n in nodes if n.label == "Document" and (y := years.get(n.id))]
    if not dated:
        return nodes
    column = {y: i + 1 for i, y in enumerate(sorted(set(dated)))}  # a column a year that has documents
    level: dict[str, int] = {}
    for n in nodes:
        if n.label == "Document":
            level[n.id] = column.get(years.get(n.id) or 0, 0)
    cited: dict[str, int] = {}
    for e in edges:  # a policy not in the graph: a column before its first citing document
        if e.target not in level and e.source in level:
            cited[e.target] = min(cited.get(e.target, level[e.source]), level[e.source])
    level.update({policy: first_citing - 1 for policy, first_citing in cited.items()})
    for e in edges:  # its issuers beside it
        if e.source not in level and e.target in level:
            level[e.source] = level[e.target]
    out = []
    for n in nodes:
        year = years.get(n.id) if n.label == "Document" else None
        name = f"{year} · {n.name}" if year else n.name
        out.append(replace(n, name=name, level=max(level.get(n.id, 0), 0)))
    return out


def lineage(window: tuple[int, int] | None = None) -> None:
    st.subheader(t("timeline.lineage"))
    st.caption(t("timeline.lineage_help"))
    c1, c2 = st.columns([2, 2])
    direction = widgets.selectbox(t("explore.filter_direction"), [0, 1, 2, 3, 4], key="lineage_direction",
                                  container=c1,
                                  format_func=lambda d: t("direction.all") if d == 0 else t("direction", code=d))
    by_year = widgets.toggle(t("timeline.by_year"), key="lineage_by_year", value=True, container=c2)
    in_window = by_year and window  # on the year axis: only the citing documents of the chosen years
    rows = data.query("citation_lineage", direction=direction, limit=LINEAGE_DOCUMENTS,
                      **({"from_year": window[0], "to_year": window[1]} if in_window else {}))
    if in_window:
        c2.caption(t("timeline.by_year_window", start=window[0], end=window[1]))
    if not rows:
        st.info(t("timeline.no_citations"))
        return
    citing, total = len({r["doc_id"] for r in rows}), rows[0].get("citing_documents") or 0
    if total > citing:
        st.caption(t("timeline.capped", shown=f"{citing:,}", total=f"{total:,}"))
    titles, years = documents_of(rows)
    nodes, edges = lineage_graph(rows, titles, years if by_year else None)
    if not edges:
        st.info(t("timeline.no_citations"))
        return
    graphview.legend(dict.fromkeys(n.label for n in nodes))
    graphview.show(graphview.to_html(nodes, edges, height=640, columns=by_year), height=640)
    with st.expander(t("timeline.citations", n=len(rows))):
        st.dataframe(pd.DataFrame([{t("date"): r["date"] or t("unknown"), t("title"): short(r["title"], 60),
                                    rel_name("CITES"): book_title(r["policy"]),
                                    t("issuers"): join(r.get("policy_issuers"))} for r in rows]),
                     hide_index=True, width="stretch")


def documents_of(rows: list[dict]) -> tuple[dict[str, str], dict[str, int | None]]:
    """The title and year of every document a lineage draws (the citing ones and those that are a cited
    policy), by id, from the rows of citation_lineage."""
    titles: dict[str, str] = {}
    years: dict[str, int | None] = {}
    for r in rows:
        titles[r["doc_id"]], years[r["doc_id"]] = r["title"], r.get("year")
        for doc_id, title, year in zip(r.get("policy_documents") or [], r.get("policy_document_titles") or [],
                                       r.get("policy_document_years") or []):
            titles[doc_id], years[doc_id] = title, year
    return titles, years


def render() -> None:
    st.title(t("page.timeline"))
    window = timeline(data.query("document_years"))
    st.divider()
    lineage(window)


render()
