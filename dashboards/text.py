"""Text shortened to fit a small place (a label, an option, a heading), and a document's address checked before it is
shown as one."""
from __future__ import annotations

import re


def web_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address that can be shown as a link or cited as an online source, else None
    (javascript:, data: and the like from a document's front matter are never made clickable nor cited [EB/OL])."""
    url = str(url or "").strip()
    return url if re.fullmatch(r"https?://[^\s()<>\[\]\"'`]+", url) else None


def short(text: str | None, width: int = 40) -> str:
    """`text` with its whitespace runs made single spaces, cut to `width` characters ending in …"""
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
