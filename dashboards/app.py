"""Entry of the dashboard: `streamlit run dashboards/app.py` (or `kg serve`).

Sets the page frame (language switch, connected store) and hands over to one of the pages under
`dashboards/views/`. If the store cannot be opened, every page shows one plain message instead.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:  # `streamlit run dashboards/app.py` puts only dashboards/ on the path
    sys.path.insert(0, str(HERE.parent))

import streamlit as st  # noqa: E402
from streamlit.navigation.page import StreamlitPage  # noqa: E402

from dashboards import data, i18n  # noqa: E402
from dashboards.i18n import t  # noqa: E402

if TYPE_CHECKING:
    from PIL import Image
from dashboards.pages import PAGES  # noqa: E402
from kg.stores import StoreError  # noqa: E402

HOME = "overview"  # the default page: its address is the root, `/`
# old addresses that open a page whose address changed: `/overview` (the overview is at the root)
ALIASES = {"overview": HOME}


def main() -> None:
    asked = st.query_params.get("lang")  # ?lang=en: a shared link opens in its language
    st.session_state.setdefault(i18n.STATE_KEY, asked if asked in i18n.LANGS else i18n.DEFAULT)
    st.set_page_config(page_title=t("app.title"), page_icon=favicon(), layout="wide")
    pages = {key: st.Page(str(HERE / path), title=t(f"page.{key}"), icon=icon,
                          url_path=f"{key}-home" if key == HOME else key, default=key == HOME)
             for key, path, icon in PAGES}
    aliases = [st.Page(redirect(pages[target]), title=t(f"page.{target}"), url_path=old, visibility="hidden")
               for old, target in ALIASES.items()]
    page = st.navigation(list(pages.values()) + aliases)
    if page in aliases:
        page.run()  # switches to the page (its address and query string kept), nothing else runs
        return
    with st.sidebar:
        st.radio(t("app.language"), options=list(i18n.LANGS), format_func=i18n.LANGS.get, key=i18n.STATE_KEY,
                 horizontal=True)
        st.text_input(t("app.reviewer"), key="reviewer", max_chars=60, placeholder=t("app.reviewer_placeholder"),
                      help=t("app.reviewer_help"))
    lang = st.session_state[i18n.STATE_KEY]
    if lang != i18n.DEFAULT and st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang
    elif lang == i18n.DEFAULT and "lang" in st.query_params:
        del st.query_params["lang"]
    try:
        conn = data.connection()
        conn.refresh()
    except StoreError as exc:
        store_down(page.title, exc)
        return
    st.sidebar.caption(t("app.store", store=conn.describe()))
    try:
        if page.url_path != "cypher" and not data.query("type_counts"):
            st.info(t("app.empty"), icon=":material/info:")
        page.run()
    except StoreError as exc:  # e.g. Neo4j went away while the page ran
        store_down(page.title, exc)


def redirect(target: StreamlitPage) -> Callable[[], None]:
    """A hidden page at an old address: it switches to `target`, keeping the query string (?lang=en …)."""
    def go() -> None:
        st.switch_page(target, query_params=st.query_params.to_dict())

    go.__name__ = f"to_{target.url_path or HOME}"
    return go


@st.cache_resource(show_spinner=False)
def favicon() -> Image.Image:
    """Drawn here, so the browser fetches no icon from elsewhere (`:material/…:` favicons come from a font CDN)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    points = [(32, 14), (14, 48), (50, 48)]
    for a in points:
        for b in points:
            draw.line([a, b], fill=(120, 120, 120, 255), width=4)
    for (x, y), fill in zip(points, [(31, 119, 180), (214, 39, 40), (44, 160, 44)]):
        draw.ellipse([x - 10, y - 10, x + 10, y + 10], fill=fill + (255,))
    return img


def store_down(title: str, exc: Exception) -> None:
    """One plain message, in both languages, and no stack trace."""
    st.title(title)
    st.error(f"{t('app.store_down', 'zh')}\n\n{t('app.store_down', 'en')}\n\n{exc}", icon=":material/cloud_off:")


main()
