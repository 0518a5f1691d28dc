"""审核 — every decision drafters have made (with orphaned ones marked), and queues of facts worth a
look that nobody has decided yet; each item opens on the trace page, where ✓ / ✗ record a decision."""
from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dashboards import common, data
from dashboards.i18n import LABELS, label_name, rel_name, t
from dashboards.reviewing import MESSAGE, review_bar, reviewer, show_message
from dashboards.text import short
from kg.merges import MergeError, candidates, merges
from kg.review import present_keys
from kg.stores import StoreError

QUEUE_LIMIT = 50  # items a review queue lists (its first, by the queue's order)


ARROW = re.compile(r"—([A-Z_]+)→")  # head —RUNS→ tail: the log's text of a relationship fact (kg/review.py)


def fact_kind(kind: str | None) -> str:
    """A decision's kind of fact in the page's language: a node label (推荐 …) or a relationship type (主办 …)."""
    return label_name(kind) if kind in LABELS else rel_name(kind)


def fact_text(text: str | None) -> str:
    """A decision's text with the relationship type of `head —TYPE→ tail` in the page's language."""
    return ARROW.sub(lambda m: f"—{rel_name(m.group(1))}→", text or "")


def decisions() -> None:
    rows = data.query("review_decisions")
    st.subheader(t("review.decisions", n=len(rows)))
    if not rows:
        st.info(t("review.none"), icon=":material/rule:")
        return
    counts = {status: sum(r["status"] == status for r in rows) for status in ("verified", "rejected", "corrected")}
    cols = st.columns(3)
    for col, (status, n) in zip(cols, counts.items()):
        col.metric(t(f"review.status.{status}"), n)
    present = present_keys(data.connection().store, (r["fact_key"] for r in rows))
    table = pd.DataFrame([{
        t("review.col_status"): t(f"review.status.{r['status']}")
        + ("" if r["fact_key"] in present else f" · {t('review.orphaned')}"),
        t("review.col_kind"): fact_kind(r["kind"]), t("review.col_text"): fact_text(r["text"]),
        t("review.col_note"): r["note"] or "",
        t("review.col_by"): r["by"] or "", t("review.col_at"): r["at"], "fact_key": r["fact_key"],
    } for r in rows])
    st.table(table.set_index("fact_key"))  # an HTML table: every decision readable and searchable on the page


def queue(name: str, title_key: str) -> None:
    rows = data.query("review_queue", queue=name, limit=QUEUE_LIMIT)
    # the queue is read up to QUEUE_LIMIT items: a full one says so ("the first 50"), not a total
    with st.expander(t(title_key, n=t("review.first_n", n=len(rows)) if len(rows) >= QUEUE_LIMIT else len(rows))):
        for r in rows:
            link = common.page_href("trace", rec=r["rec_id"])
            line = f"- [{common.md_text(short(r['text'], 70))}]({link})"
            if r.get("passage"):
                line += f"  \n  :gray[{common.md_text(short(r['passage'], 70))} · {float(r['score']):.2f}]"
            st.markdown(line)


def names() -> None:
    """Names no gazetteer knows: ✓ a real name (it can then go into a gazetteer), ✗ a junk one."""
    rows = data.query("review_names", limit=50)
    with st.expander(t("review.queue_names", n=len(rows))):
        for i, r in enumerate(rows):
            line = st.container(horizontal=True)
            line.markdown(f"[{common.md_text(r['name'])}]({common.page_href('explore', entity=r['id'])}) "
                          f":gray[{label_name(r['label'])} · {t('explore.mentions')} {r['mentions']}]")
            with line:
                review_bar(r["fact_key"], None, f"name{i}")


def _resolve(action: str, label: str, name: str, into: str = "") -> None:
    try:
        data.resolve(action, label, name, into, by=reviewer())
        st.session_state[MESSAGE] = ("ok", t(f"merge.done_{action}", name=name, into=into))
    except (StoreError, MergeError, ValueError) as exc:
        st.session_state[MESSAGE] = ("error", t("review.busy", error=exc))


def entities() -> None:
    """Candidate duplicates (merge) and the merges made (split), with who and when."""
    store = data.connection().store
    made = merges(store)
    with st.expander(t("merge.made", n=len(made)), expanded=bool(made)):
        for m in made:
            row = st.container(horizontal=True)
            row.markdown(common.md_text(t("merge.line", label=label_name(m.label), name=m.name, into=m.into,
                                          by=m.by or "—", at=m.at or "—")))
            row.button(t("merge.split"), key=f"split_{m.label}_{m.name}", on_click=_resolve,
                       args=("split", m.label, m.name), type="tertiary")
    found = candidates(store, limit=50)
    with st.expander(t("merge.candidates", n=len(found))):
        for c in found:
            row = st.container(horizontal=True)
            row.markdown(common.md_text(t("merge.candidate", label=label_name(c["label"]), name=c["name"],
                                          into=c["into"], reason=t(f"merge.reason.{c['reason']}"))))
            row.button(t("merge.merge"), key=f"merge_{c['label']}_{c['name']}_{c['into']}", on_click=_resolve,
                       args=("merge", c["label"], c["name"], c["into"]), type="tertiary")


def render() -> None:
    st.title(t("page.review"))
    st.caption(t("review.intro"))
    show_message()  # the outcome of the last ✓ / ✗, merge or split
    decisions()
    queue("weak", "review.queue_weak")
    queue("support", "review.queue_support")
    names()
    entities()


render()
