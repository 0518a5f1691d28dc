"""Small helpers the pages share: the research directions and their indicators, short labels."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

import streamlit as st

from dashboards import data
from dashboards.i18n import DEFAULT, colon, current, guide_name, t
from dashboards.text import short, web_url


@dataclass(frozen=True)
class Direction:
    code: str
    name: str
    indicators: tuple[tuple[str, str], ...]  # (code, name)

    def shown_name(self) -> str:
        """The name as shown: the guide's Chinese, or the project's English gloss in English mode."""
        return guide_name(self.code, self.name)

    def indicator_names(self) -> dict[str, str]:
        """indicator code -> its name as shown (see shown_name)."""
        return {code: guide_name(code, name) for code, name in self.indicators}

    def label(self) -> str:
        return f"{t('direction', code=self.code)}{colon()}{self.shown_name()}"


def directions() -> list[Direction]:
    return [Direction(code=str(r["code"]), name=r["name"] or "",
                      indicators=tuple((str(i["code"]), i["name"] or "") for i in r["indicators"] or [] if i.get("code")))
            for r in data.query("directions")]


# Markdown, and Streamlit's own: $…$ maths and :red[…] colour directives (a price or a ratio in a title is text)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


# Streamlit turns :material/name: and :shortcode: into icons and emoji in the text the Markdown parser leaves, after
# the backslashes are gone: a word joiner (U+2060, shown as nothing) after the colon keeps them text
_SHORTCODE_COLON = re.compile(r"(?<=:)(?=[A-Za-z_])")
WORD_JOINER = "\u2060"


def md_text(text: str | None) -> str:
    """Document text shown through st.markdown as literal text: Markdown syntax (links, images,
    emphasis) in a title or name written by a document's author does nothing, nor do Streamlit's
    icon and emoji shortcodes (:material/home:, :smile:)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text or "").split()))
    return _SHORTCODE_COLON.sub(WORD_JOINER, escaped)


def source_md(doc: dict[str, Any], width: int = 90) -> str:
    """A document's source as Markdown: a link when `source_url` is a web address, else the
    address or path as text (cut to `width`), or 未知."""
    source = web_url(doc.get("source_url"))
    if source:
        return f"[{md_text(short(source, width))}]({source})"
    return md_text(short(doc.get("source_url") or doc.get("path") or t("unknown"), width))


def join(values: list | tuple | None, sep: str = "、") -> str:
    return sep.join(str(v) for v in values or [] if v) or t("none")


def write_url(**values: str) -> None:
    """Put a page's view into the address (a reload or a shared link reproduces it), touching only
    what changed so the browser history stays calm; an empty value removes its key."""
    for key, value in values.items():
        if (st.query_params.get(key) or "") != value:
            if value:
                st.query_params[key] = value
            elif key in st.query_params:
                del st.query_params[key]


# a cell a spreadsheet would take for a formula (=HYPERLINK(…), +cmd|…, -2+3, @SUM(…)), or one beginning with a tab or a
# carriage return: OWASP's list for CSV injection
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def page_href(path: str, **params: str) -> str:
    """The address of another page of the app with its parameters, in the language shown (a link opens a new
    session, which reads the language from the address): `page_href("explore", entity=id)`. Not escaped for HTML."""
    lang = current()
    query = {**params, **({"lang": lang} if lang != DEFAULT else {})}
    return f"{path}?{urlencode(query, quote_via=quote, safe='')}" if query else path


def csv_cell(value: Any) -> Any:
    """A text cell a spreadsheet could run as a formula, written as text (a leading '); anything else as it is.
    Documents are untrusted, and their names and sentences reach the lists' and the Cypher page's downloads."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(frame: Any) -> bytes:
    """A table (pandas) as CSV in UTF-8 with a BOM, so that Excel opens Chinese text right, no text cell a formula
    (`csv_cell`)."""
    safe = frame.map(csv_cell)
    safe.columns = [csv_cell(str(c)) for c in frame.columns]  # a Cypher alias is a header: `=HYPERLINK(…)` too
    return safe.to_csv(index=False).encode("utf-8-sig")
