"""Text normalisation: the minimal, stable rewrite every later offset depends on.

Line ends become LF (CRLF and lone CR); NUL and the other C0 controls but LF and TAB
(U+0000-U+001F) are dropped, as are zero-width characters (U+200B-U+200D, U+2060, U+FEFF: a BOM
anywhere). Nothing else changes, and nothing is stripped here (`read_document` strips the body).
"""
from __future__ import annotations

import re

_LINE_END = re.compile("\r\n?")
_DROPPED_CHARS = re.compile("[\x00-\x08\x0b-\x1f\u200b-\u200d\u2060\ufeff]")


def normalise_text(text: str) -> str:
    """Line ends to LF, drop C0 controls (but LF, TAB) and zero-width characters. No strip."""
    return _DROPPED_CHARS.sub("", _LINE_END.sub("\n", text))
