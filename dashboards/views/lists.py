"""列表 — the lists an analyst asks for, as sortable, filterable tables with a CSV download each:
the entities of one type (aliases, how many entities each relationship joins them to, the research
directions, first and last year and number of the documents that mention them), and one row per fact of
a relationship ("societies × functions undertaken", "programmes × who runs them", …). Facts a drafter
rejected are left out. Names link to the explore page. The view lives in the address
(`?view=entities&type=Society`, `?view=facts&rel=RUNS`)."""
from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboards import common, data, widgets
from dashboards.i18n import MESSAGES, current, label_name, rel_name, t
from schema import vocabulary

LIMIT = 2000  # rows a list shows at most (the queries' bound)
ENTITY_STEP = 200  # entities listed at first and added by each "show more" (the most mentioned first)
VIEWS = ("entities", "facts")
# the relationship lists, the four an analyst asks for first; then the other relationships between entities
FACT_TYPES = ("UNDERTAKES", "RUNS", "PARTY_ORG_OF", "BRANCH_OF") + tuple(
    r for r in vocabulary.TRIGGERED_TYPES
    if r not in ("UNDERTAKES", "RUNS", "PARTY_ORG_OF", "BRANCH_OF")
    and set(vocabulary.RELATIONSHIPS[r].heads) <= set(vocabulary.ENTITY_LABELS)
    and set(vocabulary.RELATIONSHIPS[r].tails) & set(vocabulary.ENTITY_LABELS))
NAME_IN_LINK = r"[?&]name=([^&#]*)"  # the link column shows the name carried in its own address


def explore_link(entity_id: str, name: str) -> str:
    """The explore page's address for an entity; the name comes first so the column sorts by it."""
    return common.page_href("explore", name=name or entity_id, entity=entity_id)


URL_KEYS = ("view", "type", "rel", "q")


def from_url() -> None:
    """The address names the view (a shared link, a reload): `view`, `type`, `rel`, and the filter's text `q`."""
    state = tuple(st.query_params.get(k) for k in URL_KEYS)
    if st.session_state.get("lists_url_state") == state:
        return
    st.session_state["lists_url_state"] = state
    view, label, rel, text = state
    if view in VIEWS:
        st.session_state["lists_view"] = view
    if label in vocabulary.ENTITY_LABELS:
        st.session_state["lists_type"] = label
    if rel in FACT_TYPES:
        st.session_state["lists_rel"] = rel
    st.session_state[f"lists_q_{st.session_state.get('lists_view', 'entities')}"] = text or ""


def to_url(**wanted: str) -> None:
    """Write the view into the address (only what changed)."""
    common.write_url(**wanted)
    st.session_state["lists_url_state"] = tuple(st.query_params.get(k) for k in URL_KEYS)


def count_columns(label: str) -> list[tuple[str, str]]:
    """(relationship key as entity_list returns it, column title) for the relationships an entity of
    `label` may take part in: `UNDERTAKES>` (it is the head), `BRANCH_OF<` (the tail)."""
    out = []
    for r in vocabulary.RELATIONSHIP_TYPES:
        if r.name not in vocabulary.TRIGGERED_TYPES:
            continue
        for way, labels in ((">", r.heads), ("<", r.tails)):
            if label in labels:
                key = f"lists.count.{r.name}{'.out' if way == '>' else '.in'}"
                title = t(key) if key in MESSAGES else (
                    t("lists.count.out", rel=rel_name(r.name)) if way == ">" else t("lists.count.in", rel=rel_name(r.name)))
                out.append((f"{r.name}{way}", title))
    return out


def year(value: object) -> str:
    """A year as text; blank when no dated document says it (a blank cell, not "None")."""
    return str(value) if value is not None else ""


def entities_view(label: str, text: str) -> None:
    # the filter is the query's: the whole label is searched, not only the rows shown so far
    limit_key = f"lists_limit_{label}_{text}"
    limit = st.session_state.get(limit_key, ENTITY_STEP)
    rows = data.query("entity_list", label=label, text=text, limit=limit)
    total = rows[0]["total"] if rows else 0
    sep = "、" if current() == "zh" else ", "
    counts = count_columns(label)
    records = []
    for r in rows:
        by_rel = {c["rel"]: c["n"] for c in r.get("relations") or [] if c}
        record = {
            "link": explore_link(r["id"], r["name"]),
            t("name"): r["name"],
            t("lists.aliases"): sep.join(a for a in r.get("aliases") or [] if a != r["name"]),
            t("lists.generic"): bool(r.get("generic")),
        }
        record |= {title: int(by_rel.get(key, 0)) for key, title in counts}
        record |= {
            t("lists.directions"): sep.join(str(d) for d in r.get("directions") or []),
            t("lists.first_year"): year(r.get("first_year")),
            t("lists.last_year"): year(r.get("last_year")),
            t("documents"): int(r.get("documents") or 0),
            t("lists.mentions"): int(r.get("mentions") or 0),
            "id": r["id"],
        }
        records.append(record)
    columns = ["link", t("name"), t("lists.aliases"), t("lists.generic")] + [title for _, title in counts] + [
        t("lists.directions"), t("lists.first_year"), t("lists.last_year"), t("documents"), t("lists.mentions"), "id"]
    frame = pd.DataFrame(records, columns=columns)
    if total > len(rows):
        st.caption(t("lists.entities_capped", shown=f"{len(rows):,}", total=f"{total:,}"))
    table(frame, total, False, f"{label}", "lists_entities_csv",
          {"link": st.column_config.LinkColumn(t("name"), display_text=NAME_IN_LINK, help=t("lists.link_help"),
                                               pinned=True),
           t("name"): None, "id": None,
           t("lists.generic"): st.column_config.CheckboxColumn(help=t("lists.generic_help"), width=48),
           t("lists.first_year"): st.column_config.TextColumn(width=72, help=t("lists.year_help")),
           t("lists.last_year"): st.column_config.TextColumn(width=72, help=t("lists.year_help"))})
    if len(rows) < total and limit < LIMIT:
        more = min(ENTITY_STEP, total - len(rows), LIMIT - limit)
        st.button(t("show_more", n=more), key=f"more_{limit_key}", icon=":material/add:",
                  on_click=lambda: st.session_state.__setitem__(limit_key, limit + more))


def facts_view(rel: str, text: str) -> None:
    rows = data.query("relation_list", rel=rel, text=text, limit=LIMIT)
    head, tail = t("lists.head"), t("lists.tail")
    records = [{
        "head_link": explore_link(r["head_id"], r["head"]), head: r["head"],
        t("lists.head_type"): label_name(r["head_label"]),
        t("lists.relationship"): rel_name(r["rel"]),
        "tail_link": explore_link(r["tail_id"], r["tail"]), tail: r["tail"],
        t("lists.tail_type"): label_name(r["tail_label"]),
        t("lists.passages"): int(r["passages"]), t("documents"): int(r["documents"]),
        t("lists.first_year"): year(r.get("first_year")),
        "head_id": r["head_id"], "tail_id": r["tail_id"],
    } for r in rows]
    columns = ["head_link", head, t("lists.head_type"), t("lists.relationship"), "tail_link", tail,
               t("lists.tail_type"), t("lists.passages"), t("documents"), t("lists.first_year"), "head_id", "tail_id"]
    frame = pd.DataFrame(records, columns=columns)
    table(frame, len(frame), len(rows) >= LIMIT, rel.lower(), "lists_facts_csv",
          {"head_link": st.column_config.LinkColumn(head, display_text=NAME_IN_LINK, help=t("lists.link_help"),
                                                    pinned=True),
           "tail_link": st.column_config.LinkColumn(tail, display_text=NAME_IN_LINK, help=t("lists.link_help")),
           head: None, tail: None, "head_id": None, "tail_id": None,
           t("lists.relationship"): st.column_config.TextColumn(width=80),
           t("lists.passages"): st.column_config.NumberColumn(help=t("lists.passages_help")),
           t("lists.first_year"): st.column_config.TextColumn(help=t("lists.year_help"))})


def table(frame: pd.DataFrame, total: int, capped: bool, slug: str, key: str, config: dict) -> None:
    """The table (st.dataframe escapes every cell; columns sort on a click) and its CSV: the names,
    not the links, and the ids last."""
    st.caption(t("lists.rows", shown=len(frame), total=total) + (f" · {t('lists.capped', n=LIMIT)}" if capped else ""))
    if frame.empty:
        st.info(t("lists.none"), icon=":material/search_off:")
    else:
        st.dataframe(frame, hide_index=True, width="stretch", height=min(640, 38 + 35 * len(frame)),
                     column_config=config)
    export = frame[[c for c in frame.columns if not c.endswith("link")]]
    # a tick box on the page, words in the file (泛称: 是 / 否, not True / False)
    export = export.map(lambda v: t("yes") if v is True else t("no") if v is False else v)
    st.download_button(t("lists.csv", n=f"{len(export):,}"), data=common.csv_bytes(export), file_name=f"kg-{slug}.csv",
                       mime="text/csv", on_click="ignore", icon=":material/download:", key=key,
                       help=t("lists.csv_help"))  # the rows shown: a capped list says so above it


def filter_text(view: str, box: Any) -> str:
    """The filter of the view (its own box, so each view keeps its text), stripped."""
    return box.text_input(t("lists.filter"), key=f"lists_q_{view}", placeholder=t(f"lists.filter_{view}")).strip()


def render() -> None:
    st.title(t("page.lists"))
    st.caption(t("lists.intro"))
    from_url()
    c1, c2, c3 = st.columns([1, 1, 1], vertical_alignment="bottom")
    view = widgets.radio(t("lists.view"), list(VIEWS), key="lists_view", horizontal=True, container=c1,
                         format_func=lambda v: t(f"lists.view.{v}"))
    if view == "facts":
        rel = widgets.selectbox(t("lists.rel"), list(FACT_TYPES), key="lists_rel", container=c2,
                                format_func=lambda r: t(f"lists.rel.{r}") if f"lists.rel.{r}" in MESSAGES
                                else rel_name(r))
        text = filter_text(view, c3)
        to_url(view=view, rel=rel, q=text)
        facts_view(rel, text)
    else:
        label = widgets.selectbox(t("lists.type"), list(vocabulary.ENTITY_LABELS), key="lists_type", container=c2,
                                  format_func=label_name)
        text = filter_text(view, c3)
        to_url(view=view, type=label, q=text)
        entities_view(label, text)


render()
