"""建议溯源 — direction → indicator → recommendation: why it is linked (weak links marked), where it was
stated (出处) with its mentions highlighted and each document's metadata and source kind, the support
of other documents by kind, the same measure elsewhere, the entities it concerns, a small evidence
graph, ✓ / ✗ / ✎ and the shortlist, and a dossier export (.docx / .md). The view lives in the address."""
from __future__ import annotations

import html
from datetime import date

import streamlit as st

from dashboards import common, data, dossier, graphview, highlight, widgets
from dashboards.i18n import colon, current, guide_name, guide_note, kind_name, label_name, rel_name, t
from dashboards.reviewing import correct_bar, review_bar, show_message, show_rejected
from dashboards.text import short

PICK_LIMIT = 200  # recommendations the picker holds (the strongest); the others are found by their text


def from_url() -> None:
    """The address names the view (a shared link, a reload): `?direction=2&indicator=2.4&rec=<id>`
    (direction and indicator default to the recommendation's first direction, all indicators), `backed=1` the
    switch that keeps the recommendations other documents back, and `list=<id>,<id>` the shortlist."""
    if "trace_list" not in st.session_state:
        st.session_state["trace_list"] = [r for r in (st.query_params.get("list") or "").split(",") if r]
    wanted = st.query_params.get("rec")
    direction, indicator = st.query_params.get("direction"), st.query_params.get("indicator", "")
    backed = st.query_params.get("backed") == "1"
    state = (wanted, direction, indicator, backed)
    if st.session_state.get("trace_url_state") == state:
        return
    st.session_state["trace_url_state"] = state
    st.session_state["trace_backed"] = backed
    links = data.query("recommendation_links", rec_id=wanted) if wanted else []
    if wanted and not links:  # a dead link (its document removed or changed): say so, show the direction's first
        st.session_state["trace_missing"] = wanted
        wanted = None
    if wanted and not direction:
        codes = [str(l["code"]) for l in (links[0]["links"] if links else []) if l and "." not in str(l["code"])]
        direction, indicator = (codes[0], "") if codes else (None, "")
    if direction:
        st.session_state["trace_direction"] = direction
        st.session_state[f"trace_indicator_{direction}"] = indicator
        if wanted:
            st.session_state[f"trace_rec_{direction}_{indicator}"] = wanted


def to_url(direction: str, indicator: str, rec_id: str | None, backed: bool) -> None:
    """Write the view into the address (only what changed, so the browser history stays calm)."""
    common.write_url(direction=direction, indicator=indicator, rec=rec_id or "", backed="1" if backed else "")
    st.session_state["trace_url_state"] = (rec_id or None, direction, indicator, backed)


def shortlist_bar(rec_id: str) -> None:
    """☆ / ★: keep the recommendation on the shortlist (in the address too, so it can be shared)."""
    chosen: list[str] = st.session_state.setdefault("trace_list", [])

    def toggle() -> None:
        if rec_id in chosen:
            chosen.remove(rec_id)
        else:
            chosen.append(rec_id)
        st.query_params["list"] = ",".join(chosen)

    on = rec_id in chosen
    st.button(t("shortlist.remove") if on else t("shortlist.add"), key=f"shortlist_{rec_id}", on_click=toggle,
              type="tertiary", help=t("shortlist.help", n=len(chosen)))


def pick_recommendation(directions: list[common.Direction]) -> tuple[common.Direction, str, str | None]:
    """The three selectors; returns (direction, indicator code or "", recommendation id or None)."""
    from_url()
    missing = st.session_state.pop("trace_missing", None)
    if missing:
        st.warning(t("trace.missing", id=missing), icon=":material/link_off:")
    by_code = {d.code: d for d in directions}
    coverage = {str(r["indicator"]): r for r in data.query("coverage")}
    c1, c2 = st.columns([1, 1])
    code = widgets.selectbox(t("trace.direction"), list(by_code), key="trace_direction", container=c1,
                             format_func=lambda c: short(by_code[c].label(), 60 if current() == "zh" else 140))
    direction = by_code[code]
    names = direction.indicator_names()
    width = 34 if current() == "zh" else 240
    indicator = widgets.selectbox(
        t("trace.indicator"), [""] + list(names), key=f"trace_indicator_{code}", container=c2,
        format_func=lambda c: t("indicator.all") if not c else
        f"{c} {short(names[c], width)}{indicator_counts(coverage.get(c) or {})}")
    if guide_note():
        st.caption(guide_note())
    # the picker holds the PICK_LIMIT strongest recommendations; the others are found by their text, on demand
    text = st.text_input(t("trace.rec_filter"), key=f"trace_rec_q_{code}_{indicator}",
                         help=t("trace.rec_filter_help")).strip()
    backed = st.toggle(t("trace.backed"), key="trace_backed", help=t("trace.backed_help"))
    rows = data.query("recommendations_by_indicator", direction=code, indicator=indicator,
                      show_rejected=show_rejected(), text=text, backed=backed, limit=PICK_LIMIT)
    total = rows[0]["total"] if rows else 0
    recs: dict[str, dict] = {}
    wanted = st.query_params.get("rec")
    if wanted and wanted == st.session_state.get(f"trace_rec_{code}_{indicator}") and \
            not any(r["rec_id"] == wanted for r in rows):
        row = linked_row(wanted, code, indicator)
        if row and (not text or text in row["recommendation"]) and (not backed or row["support"] or row["same"]):
            recs[wanted] = row  # kept while it passes the filters typed and switched since
    for r in rows:
        recs.setdefault(r["rec_id"], r)
    if text and backed:
        st.caption(t("trace.rec_found_backed", total=f"{total:,}", shown=len(rows)) if rows
                   else t("trace.rec_none_found_backed", text=common.md_text(text)))
    elif text:
        st.caption(t("trace.rec_found", total=f"{total:,}", shown=len(rows)) if rows
                   else t("trace.rec_none_found", text=common.md_text(text)))  # typed text shown as text
    elif backed:
        st.caption(t("trace.backed_found", total=f"{total:,}", shown=len(rows)) if rows else t("trace.backed_none"))
    elif total > len(rows):
        st.caption(t("trace.rec_capped", shown=len(rows), total=f"{total:,}"))
    if not recs:
        if (coverage.get(indicator) or {}).get("deliverable"):
            st.info(t("trace.deliverable"), icon=":material/assignment:")  # not a gap: the research delivers it
        elif not text and not backed:
            st.info(t("trace.none"), icon=":material/search_off:")
        to_url(code, indicator, None, backed)
        return direction, indicator, None
    rec_id = widgets.selectbox(
        t("trace.recommendation"), list(recs), key=f"trace_rec_{code}_{indicator}",
        format_func=lambda rid: rec_option(recs[rid]))
    to_url(code, indicator, rec_id, backed)  # the address names what is shown: a link can be shared
    return direction, indicator, rec_id


def indicator_counts(row: dict) -> str:
    """An indicator's counts in its picker, as the overview's matrix shows them: the recommendations on matched
    terms (coverage), the weak links beside them (the list below holds both), or 研究交付物 for a deliverable."""
    if row.get("deliverable"):
        return t("trace.indicator_deliverable")
    weak = row.get("weak") or 0
    return t("trace.indicator_counts_weak", n=row.get("recommendations") or 0, weak=weak) if weak \
        else t("trace.indicator_counts", n=row.get("recommendations") or 0)


def linked_row(rec_id: str, code: str, indicator: str) -> dict | None:
    """The picker's row of a recommendation the list does not hold — a shared link to one beyond the first
    PICK_LIMIT, or rejected (shown anyway, marked): found by its text; its marks count what the sections below
    list (rejected links only with the switch for rejected facts)."""
    found = data.query("trace_recommendation", rec_id=rec_id)
    if not found:
        return None
    same = [r for r in data.query("recommendations_by_indicator", direction=code, indicator=indicator,
                                  show_rejected=True, text=found[0]["recommendation"], limit=PICK_LIMIT)
            if r["rec_id"] == rec_id]
    row = same[0] if same else {"rec_id": rec_id, "recommendation": found[0]["recommendation"], "score": 0.0,
                                "matched": False, "review": found[0].get("review")}
    return {**row,
            "support": len(data.query("recommendation_support", rec_id=rec_id, show_rejected=show_rejected())),
            "same": len(data.query("measure_cluster", rec_id=rec_id, show_rejected=show_rejected()))}


def rec_option(row: dict) -> str:
    """A recommendation in the picker: its score (or 弱) and how much other documents back it, then its text
    (the marks first: a long text is cut at the picker's edge)."""
    marks = (t("trace.rec_option_support", n=row["support"]) if row.get("support") else "") + \
        (t("trace.rec_option_same", n=row["same"]) if row.get("same") else "")
    text = short(row["recommendation"], 80)
    if row.get("matched"):
        return t("trace.rec_option", score=f"{row['score']:.2f}", marks=marks, text=text)
    return t("trace.rec_option_weak", marks=marks, text=text)


def why_linked(links_row: dict | None) -> None:
    st.markdown(f"**{t('trace.why')}**")
    links = [l for l in (links_row or {}).get("links") or [] if l]
    if not links:
        st.caption(t("none"))
        return
    items = []
    for l in links:
        code = str(l["code"])
        target = t("indicator", code=code) if "." in code else t("direction", code=code)
        terms = "、".join(l.get("terms") or []) or t("none")
        weak = "" if l.get("matched") else (
            f' <span class="kg-weak" title="{html.escape(t("trace.weak_help"), quote=True)}" style="color:#8a6d00;'
            f'background:#fff4d6;border-radius:8px;padding:0 6px;font-size:0.85em">{html.escape(t("trace.weak"))}</span>')
        items.append(
            f'<li style="margin-bottom:6px"><b>{html.escape(target)}</b> {html.escape(guide_name(code, l.get("name")))}{weak}'
            f'<br><span style="color:#555">{html.escape(t("trace.score"))} {float(l["score"] or 0):.3f} · '
            f'{html.escape(t("trace.terms") + colon())}{html.escape(terms)}</span></li>')
    st.html(f'<ul style="padding-left:1.2em;margin:0">{"".join(items)}</ul>')


def concerns(links_row: dict | None) -> None:
    entities = [c for c in (links_row or {}).get("concerns") or [] if c]
    st.markdown(f"**{t('trace.concerns')}**")
    if not entities:
        st.caption(t("none"))
        return
    chips = "".join(
        f'<a href="{html.escape(common.page_href("explore", entity=e["id"]), quote=True)}" target="_self" '
        f'style="display:inline-block;margin:0 6px 6px 0;padding:2px 10px;border-radius:12px;text-decoration:none;'
        f'color:#222;background:{graphview.colour(e["label"])}26;border:1px solid {graphview.colour(e["label"])}">'
        f'{html.escape(e["name"])} <span style="color:#666;font-size:0.8em">{html.escape(label_name(e["label"]))}'
        f'</span></a>' for e in entities)
    st.html(f"<div>{chips}</div>")


def evidence(trace: list[dict], mentions: list[dict], metas: dict[str, dict]) -> None:
    st.subheader(t("trace.evidence", n=len(trace)))
    labels = sorted({m["label"] for m in mentions if m.get("label")})
    if labels:
        graphview.legend(labels)
    for i, row in enumerate(trace, start=1):
        meta = metas.get(row["doc_id"], {})
        with st.container(border=True):
            st.markdown(f"**{t('trace.passage_of', n=i)}** · {common.md_text(dossier.book_title(row['title']))}")
            spans = highlight.spans_from_rows(mentions, row["passage_id"])
            st.html(f'<div class="kg-passage" style="font-size:1.05rem;line-height:1.9">'
                    f'{highlight.to_html(row["passage"], spans)}</div>')
            st.markdown(document_lines(row, meta))


SUPPORT_KINDS = ("policy", "case", "data")


def support(rows: list[dict]) -> None:
    """Passages of other documents that back the recommendation, grouped by kind, each with why."""
    st.subheader(t("trace.support", n=len(rows)))
    st.caption(t("trace.support_help"))
    if not rows:
        st.info(t("trace.support_none"), icon=":material/search_off:")
        return
    for kind in SUPPORT_KINDS:
        group = [r for r in rows if r["kind"] == kind]
        if not group:
            continue
        st.markdown(f"##### {t('trace.support_kind', kind=t('support.' + kind), n=len(group))}")
        for i, row in enumerate(group):
            why = "、".join(row.get("terms") or [])
            if row.get("entities"):
                why += f" · {t('support.entities')}{colon()}" + "、".join(row["entities"])
            why += f" · {t('trace.score')} {float(row.get('score') or 0):.2f}"
            rejected = row.get("review") == "rejected"
            with st.container(border=True):
                st.html(f'<div class="kg-support" data-kind="{html.escape(kind, quote=True)}" '
                        f'data-review="{html.escape(row.get("review") or "", quote=True)}" '
                        f'style="line-height:1.8{";text-decoration:line-through;color:#888" if rejected else ""}"><span style="display:inline-block;margin-right:8px;padding:0 8px;'
                        f'border-radius:8px;background:#eef3fb;color:#1d4f91;font-size:0.85em">'
                        f'{html.escape(t("support." + kind))}</span>'
                        f'{html.escape(row["passage"])}'
                        f'<div style="color:#555;font-size:0.85em">{html.escape(t("trace.support_why", why=why))}</div>'
                        f'</div>')
                st.markdown(document_lines({**row, "kind": row.get("doc_kind")}, row))
                review_bar(row.get("fact_key"), row.get("review"), f"support_{kind}{i}")


def cluster(rows: list[dict], supporting: list[dict]) -> None:
    """Recommendations of other documents that propose the same measure: repeated policy or new; one whose sentence
    is listed as support above says so (a policy passage that states the measure is both)."""
    st.subheader(t("trace.cluster", n=len(rows)))
    if not rows:
        st.caption(t("trace.cluster_none"))
        return
    docs = {r["doc_id"] for r in rows}
    years = sorted({r["year"] for r in rows if r.get("year")})
    issuers = sorted({i for r in rows for i in r.get("issuers") or []})
    known = ([t("trace.cluster_years", years="–".join(dict.fromkeys(str(y) for y in (years[0], years[-1]))))]
             if years else []) + ([t("trace.cluster_issuers", issuers="、".join(issuers[:6]))] if issuers else [])
    st.markdown(common.md_text(t("trace.cluster_summary", docs=len(docs),
                                 when=("；" if current() == "zh" else "; ").join(known) or t("trace.cluster_undated"))))
    for row in rows:
        also = dossier.support_kind_of(row, supporting)
        st.markdown(f"- {common.md_text(row['recommendation'])}  \n"
                    f"  :gray[{common.md_text(dossier.book_title(row['title']))} · {row.get('date') or t('unknown')}"
                    f" · {t('trace.terms')}{colon()}{common.md_text('、'.join(row.get('terms') or []))}"
                    + (f" · {t('trace.also_support', kind=t('support.' + also))}" if also else "") + "]")


def document_lines(row: dict, meta: dict) -> str:
    unknown, sep = t("unknown"), colon()
    source_md = common.source_md(row, 70)
    lines = [
        f"- {t('kind')}{sep}{kind_name(row.get('kind'))}",
        f"- {t('issuers')}{sep}{common.md_text(common.join(row.get('issuers'))) if row.get('issuers') else unknown}",
        f"- {t('date')}{sep}{row.get('date') or unknown}",
        f"- {t('doc_number')}{sep}{common.md_text(row.get('doc_number')) or unknown}",
        f"- {t('source')}{sep}{source_md}"
        + f" · :orange[{t('source_kind.' + (meta.get('source_kind') or 'none'))}]",
    ]
    if meta.get("summary"):
        lines.append(f"- :orange[{t('summary_note')}]")
    return "\n".join(lines)


def chain_graph(rec_id: str, trace: list[dict], supporting: list[dict]) -> None:
    st.subheader(t("trace.graph"))
    nodes = [graphview.Node(rec_id, "Recommendation", trace[0]["recommendation"], focus=True, level=0,
                            tooltip=trace[0]["recommendation"])]
    edges = []
    for row in trace:
        nodes.append(graphview.Node(row["passage_id"], "Passage", row["passage"], tooltip=row["passage"], level=1))
        nodes.append(graphview.Node(row["doc_id"], "Document", row["title"], tooltip=row["title"], level=2))
        edges.append(graphview.Edge(rec_id, row["passage_id"], rel_name("SUPPORTED_BY")))
        edges.append(graphview.Edge(row["passage_id"], row["doc_id"], rel_name("PART_OF")))
        for issuer in row.get("issuers") or []:
            nodes.append(graphview.Node(f"issuer:{issuer}", "Issuer", issuer, level=3))
            edges.append(graphview.Edge(row["doc_id"], f"issuer:{issuer}", rel_name("ISSUED_BY")))
    for row in supporting:
        nodes.append(graphview.Node(row["passage_id"], "Passage", row["passage"], tooltip=row["passage"], level=1))
        nodes.append(graphview.Node(row["doc_id"], "Document", row["title"], tooltip=row["title"], level=2))
        edges.append(graphview.Edge(rec_id, row["passage_id"], f"{rel_name('EVIDENCED_BY')}·{t('support.' + row['kind'])}"))
        edges.append(graphview.Edge(row["passage_id"], row["doc_id"], rel_name("PART_OF")))
    nodes = list({n.id: n for n in nodes}.values())
    graphview.legend(dict.fromkeys(n.label for n in nodes))
    widest = max(len({n.id for n in nodes if n.level == level}) for level in range(4))
    height = min(520, 120 + 70 * widest)
    graphview.show(graphview.to_html(nodes, edges, height=height, left_to_right=True), height=height)


def export(direction: common.Direction, rec_id: str, trace: list[dict], links_row: dict | None,
           metas: dict[str, dict], supporting: list[dict]) -> None:
    st.subheader(t("trace.export"))
    lang = current()
    c1, c2 = st.columns([2, 1])
    chosen = st.session_state.get("trace_list") or []
    scopes = ["current", "direction"] + (["shortlist"] if chosen else [])
    scope = widgets.radio(t("trace.export_scope"), scopes, horizontal=True, key="trace_export_scope",
                          container=c1, format_func=lambda s: t(f"trace.export_{s}", n=len(chosen)))
    accessed = c2.date_input(t("trace.accessed"), value=date.today(), key="trace_accessed")
    store = data.connection().describe()
    if scope == "current":
        if trace[0].get("review") == "rejected":  # shown struck through with 显示已否决的事实; never exported
            st.info(t("trace.export_rejected"), icon=":material/block:")
            return
        d = dossier.from_trace(trace, links_row, metas, title=short(trace[0]["recommendation"], 30),
                               scope=t("trace.export_current"), store=store,
                               supporting=[r for r in supporting if r.get("review") != "rejected"],
                               same=data.query("measure_cluster", rec_id=rec_id))
        slug = rec_id
    elif scope == "shortlist":
        parts = [p for p in (dossier_of(r, store) for r in chosen) if p is not None]
        if len(parts) < len(chosen):
            st.caption(t("trace.export_shortlist_rejected", n=len(chosen) - len(parts)))
        d = dossier.combine(parts, title=t("shortlist.title", n=len(parts)),
                            scope=t("trace.export_shortlist", n=len(parts)), store=store)
        slug = "shortlist"
    else:
        rows = data.query("direction_evidence", direction=direction.code)
        rec_ids = list(dict.fromkeys(r["rec_id"] for r in rows))
        d = dossier.from_direction(rows, direction=direction.code, direction_name=direction.name,
                                   title=direction.label(), scope=t("trace.export_direction"),
                                   indicator_names=dict(direction.indicators), store=store,
                                   supporting={r: data.query("recommendation_support", rec_id=r) for r in rec_ids},
                                   same={r: data.query("measure_cluster", rec_id=r) for r in rec_ids})
        slug = f"direction-{direction.code}"
    buttons = st.container(horizontal=True)
    buttons.download_button(t("trace.download_docx"), data=lambda: dossier.to_docx(d, accessed, lang),
                       file_name=dossier.filename(slug, d.generated, "docx"), on_click="ignore",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       icon=":material/description:", key="trace_docx")
    buttons.download_button(t("trace.download_md"), data=lambda: dossier.to_markdown(d, accessed, lang).encode("utf-8"),
                       file_name=dossier.filename(slug, d.generated, "md"), mime="text/markdown",
                       on_click="ignore", icon=":material/article:", key="trace_md")


def dossier_of(rec_id: str, store: str) -> dossier.Dossier | None:
    """One recommendation's dossier entry, as the current trace builds it; None for one a drafter rejected (a
    dossier holds no rejected fact, whatever the page shows)."""
    trace = data.query("trace_recommendation", rec_id=rec_id)
    if not trace or trace[0].get("review") == "rejected":
        return None
    links = data.query("recommendation_links", rec_id=rec_id)
    metas = {d: (data.query("document_meta", doc_id=d) or [{}])[0] for d in dict.fromkeys(r["doc_id"] for r in trace)}
    return dossier.from_trace(trace, links[0] if links else None, metas, title="", scope="", store=store,
                              supporting=data.query("recommendation_support", rec_id=rec_id),
                              same=data.query("measure_cluster", rec_id=rec_id))


def render() -> None:
    st.title(t("page.trace"))
    st.caption(t("trace.intro"))
    st.toggle(t("review.show_rejected"), key="show_rejected")
    directions = common.directions()
    if not directions:
        return
    direction, _indicator, rec_id = pick_recommendation(directions)
    if rec_id is None:
        return
    trace = data.query("trace_recommendation", rec_id=rec_id)
    if not trace:
        st.info(t("trace.none"))
        return
    links = data.query("recommendation_links", rec_id=rec_id)
    links_row = links[0] if links else None
    mentions = data.query("passage_mentions", rec_id=rec_id)
    metas = {}
    for doc_id in dict.fromkeys(r["doc_id"] for r in trace):
        found = data.query("document_meta", doc_id=doc_id)
        metas[doc_id] = found[0] if found else {}

    show_message()
    first = trace[0]
    with st.container(border=True):
        st.markdown(f"#### {t('trace.recommendation')}")
        struck = ";text-decoration:line-through;color:#888" if first.get("review") == "rejected" else ""
        st.html(f'<blockquote class="kg-rec" data-review="{html.escape(first.get("review") or "", quote=True)}" '
                f'style="margin:0;padding:4px 14px;border-left:4px solid '
                f'{graphview.colour("Recommendation")};font-size:1.1rem;line-height:1.8{struck}">'
                f'{html.escape(first["recommendation"])}</blockquote>')
        if first.get("corrected"):
            st.markdown(common.md_text(t("review.corrected_to", value=first["corrected"])))
        review_bar(first.get("fact_key"), first.get("review"), "rec")
        correct_bar(first.get("fact_key"), first.get("corrected") or first["recommendation"], "rec")
        shortlist_bar(rec_id)
    left, right = st.columns([3, 2])
    with left:
        why_linked(links_row)
    with right:
        concerns(links_row)
    evidence(trace, mentions, metas)
    supporting = data.query("recommendation_support", rec_id=rec_id, show_rejected=show_rejected())
    support(supporting)
    cluster(data.query("measure_cluster", rec_id=rec_id, show_rejected=show_rejected()), supporting)
    chain_graph(rec_id, trace, supporting)
    export(direction, rec_id, trace, links_row, metas, supporting)


render()
