"""HTML (.html, .htm; selectolax/lexbor), decoded as `extractors.encoding` detects: <main>, else a
single <article>, else <body>, without nav, header, footer, aside, form, script, style and
similar; block elements and <br> end lines, table cells are joined by TAB, runs of ASCII
whitespace become one space (none where a source line break sits between two CJK characters),
empty lines are dropped. NBSP and U+3000 stay. Pages nested deeper than `limits.MAX_HTML_DEPTH`
elements are refused before parsing.
"""
from __future__ import annotations

import re
from typing import Any

from extractors.encoding import decode_text, is_hanzi
from extractors.read_error import ReadError, first_line
from extractors.readers import limits
from extractors.readers.registry import register

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")
# elements that close themselves or are closed implicitly: they do not deepen a real page
_FLAT_TAGS = frozenset("area base br col embed hr img input link meta source track wbr p li dt dd tr td th "
                       "option optgroup rb rt rp colgroup tbody thead tfoot".split())


def _html_too_deep(html: str) -> bool:
    """True when elements nest deeper than MAX_HTML_DEPTH (one linear pass over the tags)."""
    depth = 0
    for m in _TAG.finditer(html):
        tag = m.group(2).lower()
        if tag in _FLAT_TAGS or m.group(3):
            continue
        depth = max(depth - 1, 0) if m.group(1) else depth + 1
        if depth > limits.MAX_HTML_DEPTH:
            return True
    return False


_HTML_DROP = ["script", "style", "nav", "header", "footer", "aside", "form", "noscript",
              "template", "iframe", "svg", "canvas", "button", "select", "textarea", "input",
              "object", "embed", "dialog", "menu"]
_HTML_BLOCK = frozenset(
    "address article blockquote body caption center dd details div dl dt fieldset figcaption "
    "figure h1 h2 h3 h4 h5 h6 hr li main ol p pre section summary table tbody tfoot thead tr ul "
    "hgroup".split())
_HTML_CELL = frozenset({"td", "th"})
_NEWLINE_RUN = re.compile(r"[ \t\n\r\f]*\n[ \t\n\r\f]*")
_SPACE_RUN = re.compile(r"[ \t\r\f]+")


@register(".html", ".htm")
def read_html(name: str, data: bytes) -> str:
    from selectolax.lexbor import LexborHTMLParser

    html = decode_text(data, name)
    if _html_too_deep(html):
        raise ReadError(name, f"HTML nests elements more than {limits.MAX_HTML_DEPTH} deep (a hostile or broken page)")
    try:
        tree = LexborHTMLParser(html)
        tree.strip_tags(_HTML_DROP)
        return html_to_text(_html_main(tree))
    except Exception as exc:  # the parser is forgiving; guard anyway
        raise ReadError(name, f"cannot parse HTML ({first_line(exc)})")


def _html_main(tree: Any) -> Any:
    main = tree.css_first("main")
    if main is not None:
        return main
    articles = tree.css("article")
    if len(articles) == 1:
        return articles[0]
    return tree.body if tree.body is not None else tree.root


def html_to_text(root: Any) -> str:
    """Text of an HTML node: block elements and <br> end lines, cells are TAB-separated."""
    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:  # iterative walk: deeply nested pages must not hit the recursion limit
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            parts.append("\n" if tag in _HTML_BLOCK else "")
        elif node.is_text_node:
            parts.append(_collapse_html_space(node.text(deep=False)))
        elif tag == "br":
            parts.append("\n")
        elif node.is_element_node:
            parts.append("\n" if tag in _HTML_BLOCK else "\t" if tag in _HTML_CELL else "")
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    lines = ("".join(parts)).split("\n")
    return "\n".join(line.strip(" \t") for line in lines if line.strip())


def _collapse_html_space(text: str) -> str:
    def newline(match: re.Match) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        return "" if _is_wide(before) and _is_wide(after) else " "

    return _SPACE_RUN.sub(" ", _NEWLINE_RUN.sub(newline, text))


def _is_wide(ch: str) -> bool:
    return bool(ch) and (is_hanzi(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
