"""Plain text (.txt) and Markdown (.md, .markdown; may start with YAML front matter): the bytes
decoded as `extractors.encoding` detects; Markdown markup is kept as written."""
from __future__ import annotations

from extractors.encoding import decode_text
from extractors.readers.registry import register


def read_text(name: str, data: bytes) -> str:
    return decode_text(data, name)


register(".txt")(read_text)
register(".md", ".markdown", front_matter=True)(read_text)
