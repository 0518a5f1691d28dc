"""PDF (pdfplumber): pages in order; a page number alone on a page's first or last line is dropped;
a line break is removed (joined with a space between two Latin letters/digits, else with nothing)
unless the line ends with sentence-final punctuation (。！？；：!?;: maybe followed by closing quotes
or brackets), stops short of the right margin (a paragraph's end, a title, 发文字号, a signature),
or the next line is heading-like (一、 （一） 第一条 1. ① 附件 ——) or indented (a paragraph's first
line, a centred line). No text layer at all -> ReadError (OCR is not supported). Multi-column
pages are read line by line across the columns. More pages than `limits.MAX_PDF_PAGES` -> ReadError.
"""
from __future__ import annotations

import io
import re
from typing import Any

from extractors.read_error import ReadError, first_line
from extractors.readers import limits
from extractors.readers.registry import register

_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—–－\s]*$")


@register(".pdf")
def read_pdf(name: str, data: bytes) -> str:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > limits.MAX_PDF_PAGES:
                raise ReadError(name, f"PDF has {len(pdf.pages)} pages (limit {limits.MAX_PDF_PAGES}; KG_MAX_PDF_PAGES raises it)")
            lines: list[dict] = []
            for page in pdf.pages:
                lines.extend(_pdf_page_lines(page))
                page.close()
    except ReadError:
        raise
    except Exception as exc:  # pdfminer raises many types for broken files
        raise ReadError(name, f"not a valid PDF file (corrupt or unreadable: {first_line(exc)})")
    if not lines:
        raise ReadError(name, "PDF has no text layer (a scanned image?); OCR is not supported")
    return join_pdf_lines(lines)


def _pdf_page_lines(page: Any) -> list[dict]:
    """The page's text lines without a page number at its top or bottom, each marked `full` when
    it reaches the right margin (within two characters) and `indented` when it starts right of
    the left margin (a paragraph's first line, a centred title or 发文字号)."""
    lines = [ln for ln in page.extract_text_lines(return_chars=False) if ln["text"].strip()]
    for end in (-1, 0):
        if lines and _PAGE_NUMBER.match(lines[end]["text"]):
            del lines[end]
    left = min((ln["x0"] for ln in lines), default=0.0)
    right = max((ln["x1"] for ln in lines), default=0.0)
    for ln in lines:
        char_width = (ln["x1"] - ln["x0"]) / max(len(ln["text"]), 1)
        ln["full"] = ln["x1"] >= right - 2 * char_width
        ln["indented"] = ln["x0"] > left + char_width
    return lines


_SENTENCE_END = re.compile(r"[。！？；：!?;:][”’」』）)》\s]*$")
_HEADING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[章节条部分编篇]|[一二三四五六七八九十]+[、．.]"
    r"|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、．.](?!\d)|[①-⑳]|附件|——)")
_LATIN_END = re.compile(r"(?:[A-Za-z0-9,)\]]|[A-Za-z]\.)$")  # word, "word," or "word."
_LATIN_START = re.compile(r"^[A-Za-z0-9]")


def join_pdf_lines(lines: list[dict]) -> str:
    """Join lines broken inside a paragraph (see the module docstring for the rule)."""
    out: list[str] = []
    keep_break = True
    for ln in lines:
        text = ln["text"]
        if keep_break or ln.get("indented") or _HEADING.match(text):
            out.append(text)
        else:
            joiner = " " if _LATIN_END.search(out[-1]) and _LATIN_START.match(text) else ""
            out[-1] += joiner + text
        keep_break = not ln.get("full", True) or bool(_SENTENCE_END.search(text))
    return "\n".join(out)
