"""Text shortened to fit a small place: a label, an option, a heading."""
from __future__ import annotations


def short(text: str | None, width: int = 40) -> str:
    """`text` with its whitespace runs made single spaces, cut to `width` characters ending in …"""
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
