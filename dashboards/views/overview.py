"""总览 — counts by type, the coverage matrix (4 directions × 6 indicators), documents per year per direction."""
from __future__ import annotations

import html
import altair as alt
import pandas as pd
import streamlit as st

from dashboards import common, data
from dashboards.graphview import FONT
from dashboards.i18n import colon, current, guide_name, guide_note, kind_name, label_name, t
from dashboards.text import short
from schema import vocabulary

SINCE = 2012
# the order the metrics are shown in: documents and recommendations, entities, the guide
TYPE_ORDER = tuple(n.name for kind in ("document", "fact", "entity", "guide")
                   for n in vocabulary.NODE_TYPES if n.kind == kind)

_MATRIX_CSS = """
<style>
table.kg-matrix {border-collapse: collapse; width: 100%; font-size: 0.92rem;}
table.kg-matrix th, table.kg-matrix td {border: 1px solid #e3e3e3; padding: 6px 8px; vertical-align: middle;}
table.kg-matrix th {background: #f6f6f8; font-weight: 600; text-align: center;}
table.kg-matrix th.kg-dir {text-align: left; min-width: 14rem; max-width: 26rem; font-weight: 500;}
table.kg-matrix td {text-align: center; white-space: nowrap;}
table.kg-matrix td.kg-gap {background: #fdecea; color: #b3261e; font-weight: 600;}
table.kg-matrix td.kg-deliverable {background: #f1f1f4; color: #555; font-size: 0.8rem;}
table.kg-matrix td .kg-w {display: block; color: #8a6d00; font-size: 0.75rem;}
table.kg-matrix td .kg-n {font-size: 1.15rem; font-weight: 600;}
table.kg-matrix td .kg-e {color: #666; font-size: 0.8rem;}
</style>
"""


def counts() -> None:
    rows = data.query("type_counts")
    by_type: dict[str, int] = {}
    kinds: dict[str, int] = {}
    for r in rows:
        by_type[r["type"]] = by_type.get(r["type"], 0) + r["count"]
        if r["type"] == "Document" and r["kind"]:
            kinds[r["kind"]] = r["count"]
    st.subheader(t("overview.counts"))
    shown = [k for k in TYPE_ORDER if k in by_type] + sorted(k for k in by_type if k not in TYPE_ORDER)
    per_row = 7
    for i in range(0, len(shown), per_row):
        cols = st.columns(per_row)
        for col, key in zip(cols, shown[i:i + per_row]):
            col.metric(label_name(key), f"{by_type[key]:,}")
    if kinds:
        st.caption(f"{t('overview.kinds')}{colon()}" + " · ".join(f"{kind_name(k)} {n}" for k, n in sorted(kinds.items())))


def coverage() -> None:
    st.subheader(t("overview.coverage"))
    st.caption(t("overview.coverage_help"))
    rows = data.query("coverage")
    if not rows:
        st.info(t("app.empty"))
        return
    names = {d.code: d.shown_name() for d in common.directions()}
    name_width = 30 if current() == "zh" else 160  # English says the same in about three times the letters
    cells: dict[str, dict[int, dict]] = {}
    for r in rows:
        number = int(str(r["indicator"]).split(".")[-1])
        cells.setdefault(str(r["direction"]), {})[number] = r
    width = max(max(c) for c in cells.values())
    head = "".join(f"<th>{html.escape(t('overview.indicator_col', n=n))}</th>" for n in range(1, width + 1))
    body, gaps = [], 0
    for code in sorted(cells):
        tds = []
        for n in range(1, width + 1):
            r = cells[code].get(n)
            if r is None:
                tds.append("<td></td>")
                continue
            indicator_name = guide_name(r["indicator"], r["indicator_name"])
            tip = html.escape(f"{r['indicator']} {indicator_name}", quote=True)
            weak = (f'<span class="kg-w" title="{html.escape(t("trace.weak_help"), quote=True)}">'
                    f'{html.escape(t("overview.weak", n=r["weak"]))}</span>') if r.get("weak") else ""
            if r.get("deliverable"):
                help_ = html.escape(f"{r['indicator']} {indicator_name} — {t('overview.deliverable_help')}", quote=True)
                tds.append(f'<td class="kg-deliverable" title="{help_}">{html.escape(t("overview.deliverable"))}</td>')
            elif r["recommendations"] == 0:
                gaps += 1
                tds.append(f'<td class="kg-gap" title="{tip}">{html.escape(t("overview.gap"))}{weak}</td>')
            else:
                tds.append(f'<td title="{tip}"><span class="kg-n">{r["recommendations"]}</span> '
                           f'<span class="kg-e">/ {r["evidence"]}</span>{weak}</td>')
        label = f"<b>{html.escape(t('direction', code=code))}</b> {html.escape(short(names.get(code, ''), name_width))}"
        body.append(f'<tr><th class="kg-dir">{label}</th>{"".join(tds)}</tr>')
    # in English the names are the project's translations: marked in the column head and under the table
    corner = html.escape(t("trace.direction") + ("" if current() == "zh" else " " + t("guide.mark")))
    st.html(f'{_MATRIX_CSS}<table class="kg-matrix"><thead><tr><th class="kg-dir">{corner}</th>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')
    if guide_note():
        st.caption(guide_note())
    if gaps:
        st.warning(t("overview.gaps", n=gaps), icon=":material/report:")
    with st.expander(t("overview.indicators")):
        table = pd.DataFrame([{t("trace.indicator"): r["indicator"], t("name"): guide_name(r["indicator"], r["indicator_name"]),
                               t("recommendations"): r["recommendations"], t("trace.weak"): r.get("weak", 0),
                               t("evidence_passages"): r["evidence"],
                               t("overview.deliverable"): "✓" if r.get("deliverable") else ""}
                              for r in rows])
        st.dataframe(table, hide_index=True, width="stretch")


def per_year() -> None:
    st.subheader(t("overview.per_year"))
    rows = data.query("policy_timeline", since=SINCE)
    if not rows:
        st.info(t("overview.no_years"))
        return
    last = max(max(r["year"] for r in rows), SINCE)
    codes = sorted({int(r["direction"]) for r in rows} | {1, 2, 3, 4})
    found = {(int(r["direction"]), int(r["year"])): r["documents"] for r in rows}
    frame = pd.DataFrame([{"year": str(y), "direction": t("direction", code=c), "documents": found.get((c, y), 0)}
                          for c in codes for y in range(SINCE, last + 1)])
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=t("year"), axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("direction:N"),
            y=alt.Y("documents:Q", title=t("documents"), axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("direction:N", title=t("trace.direction"),
                            scale=alt.Scale(scheme="tableau10"), legend=alt.Legend(orient="top")),
            tooltip=[alt.Tooltip("year:O", title=t("year")), alt.Tooltip("direction:N", title=t("trace.direction")),
                     alt.Tooltip("documents:Q", title=t("documents"))],
        )
        .properties(height=300)
        .configure(font=FONT)
    )
    st.altair_chart(chart, width="stretch")


def render() -> None:
    st.title(t("page.overview"))
    counts()
    st.divider()
    coverage()
    st.divider()
    per_year()


render()
