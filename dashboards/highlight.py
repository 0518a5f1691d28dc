"""Evidence passages as HTML with their mentions highlighted (a colour per label)."""
from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from dashboards.graphview import colour
from dashboards.i18n import Lang, colon, label_name


@dataclass(frozen=True)
class Span:
    start: int  # offsets into the passage text
    end: int
    label: str
    name: str = ""


def spans_from_rows(rows: Iterable[dict], passage_id: str) -> list[Span]:
    """Spans of one passage from rows of the `passage_mentions` query."""
    return [Span(r["start"], r["end"], r.get("label") or "", r.get("name") or "")
            for r in rows if r["passage_id"] == passage_id]


def choose(spans: Iterable[Span], length: int) -> list[Span]:
    """Non-overlapping spans inside the text, longest first where they overlap (the longest name wins)."""
    chosen: list[Span] = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if 0 <= s.start < s.end <= length and all(s.end <= c.start or s.start >= c.end for c in chosen):
            chosen.append(s)
    return sorted(chosen, key=lambda s: s.start)


def to_html(text: str, spans: Iterable[Span], lang: Lang | None = None) -> str:
    out: list[str] = []
    pos = 0
    for s in choose(spans, len(text)):
        out.append(html.escape(text[pos:s.start]))
        tip = html.escape(f"{label_name(s.label, lang)}{colon(lang)}{s.name or text[s.start:s.end]}", quote=True)
        out.append(f'<mark class="kg-mention" data-label="{html.escape(s.label, quote=True)}" title="{tip}" '
                   f'style="background:{colour(s.label)}33;border-bottom:2px solid {colour(s.label)};'
                   f'padding:0 2px;border-radius:3px">{html.escape(text[s.start:s.end])}</mark>')
        pos = s.end
    out.append(html.escape(text[pos:]))
    return "".join(out)
