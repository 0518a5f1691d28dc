"""✓ / ✗ on any page: a drafter's decision about one fact, written through `data.record`
(`kg.review`, parameters only), with the fact's current decision shown beside the buttons."""
from __future__ import annotations

import streamlit as st

from dashboards import data
from dashboards.i18n import t
from kg.stores import StoreError

MESSAGE = "review_message"


def show_rejected() -> bool:
    """The page switch that shows rejected facts (struck through) instead of hiding them."""
    return bool(st.session_state.get("show_rejected"))


def reviewer() -> str:
    """Who decides: the name typed in the sidebar (审核人), recorded with every decision and merge ("" if none)."""
    return str(st.session_state.get("reviewer") or "").strip()[:60]


def _decide(fact_key: str, status: str, value: str | None = None) -> None:
    try:
        data.record(fact_key, status, value=value, by=reviewer())
        st.session_state[MESSAGE] = ("ok", t("review.saved", status=t(f"review.status.{status}")
                                             if status != "clear" else t("review.clear")))
    except (StoreError, ValueError) as exc:
        st.session_state[MESSAGE] = ("error", t("review.busy", error=exc))


def review_bar(fact_key: str | None, review: str | None, where: str) -> None:
    """✓ / ✗ (and undo) for one fact, with its current decision."""
    if not fact_key:
        return
    bar = st.container(horizontal=True)
    if review:
        colour = {"verified": "green", "rejected": "red", "corrected": "orange"}.get(review, "gray")
        bar.markdown(f":{colour}-badge[{t('review.status.' + review)}]")
    if review != "verified":
        bar.button(t("review.verify"), key=f"verify_{where}_{fact_key}", on_click=_decide, args=(fact_key, "verified"),
                   type="tertiary")
    if review != "rejected":
        bar.button(t("review.reject"), key=f"reject_{where}_{fact_key}", on_click=_decide, args=(fact_key, "rejected"),
                   type="tertiary")
    if review:
        bar.button(t("review.clear"), key=f"clear_{where}_{fact_key}", on_click=_decide, args=(fact_key, "clear"),
                   type="tertiary")


def correct_bar(fact_key: str | None, text: str, where: str) -> None:
    """✎: a drafter's corrected text for the fact (shown beside the extracted one, and in the dossier)."""
    if not fact_key:
        return
    with st.popover(t("review.edit")):
        value = st.text_area(t("review.edit_label"), value=text, key=f"edit_{where}_{fact_key}")
        st.button(t("review.edit_save"), key=f"save_{where}_{fact_key}", on_click=lambda: _decide(
            fact_key, "corrected", st.session_state.get(f"edit_{where}_{fact_key}") or value),
            disabled=not value.strip())


def show_message() -> None:
    """The outcome of the last ✓ / ✗, once."""
    if (message := st.session_state.pop(MESSAGE, None)):
        (st.success if message[0] == "ok" else st.error)(message[1])
