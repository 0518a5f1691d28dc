"""First pipeline stage: a source file -> `RawDocument` (normalised text + metadata + sha256).

Every later offset (`start`/`end` of passages, mentions, evidence) points into `RawDocument.text`,
so the normalisation below is deliberately minimal and must stay stable.

Normalisation, in this order (`normalise_text`):
1. decode the bytes (text files: see "Encoding detection"; .docx/.pdf/.html: see "Formats");
2. turn CRLF and lone CR into LF;
3. drop NUL and the other C0 control characters except LF and TAB (U+0000-U+001F);
4. drop zero-width characters: U+200B, U+200C, U+200D, U+2060 and U+FEFF (a BOM anywhere);
5. for .md/.markdown: keep only the body after the YAML front matter;
6. `.strip()` the whole text (Python's notion of whitespace, so U+3000 at either end goes too).
Nothing else changes: full-width punctuation, traditional characters, pinyin glosses, `——` bullets,
indentation and blank lines inside the text stay as they are (later stages keep an offset map for
their own conversions). For a seed .md file this gives exactly `body.strip()` (docs/ANNOTATION.md).

Encoding detection for .txt/.md/.markdown/.html/.htm (`decode_text`), never assumed:
1. a BOM (UTF-8, UTF-16 LE/BE) decides;
2. UTF-16 without BOM when NUL bytes sit almost only at odd (LE) or even (BE) offsets;
   this runs before UTF-8 because UTF-16 text with ASCII in it is often *valid* UTF-8 too
   ("2015年" in UTF-16-LE is the valid UTF-8 "2\\x000\\x001\\x005\\x00t^");
3. strict UTF-8, unless the bytes look binary (C0 control bytes other than TAB, LF, VT, FF,
   CR, ESC make up more than 5% of the first 64 KiB);
4. UTF-16 without BOM and without NULs (Chinese with no ASCII at all), LE then BE, if the result
   looks Chinese (its low bytes often look like control bytes, hence before the binary verdict);
5. binary content -> ReadError "not a text file (binary content)";
6. strict GB18030 (a superset of GBK and GB2312) if the result looks Chinese;
7. charset-normalizer's best guess;
8. else ReadError "cannot detect the text encoding".
"Looks Chinese" (`looks_chinese`), on the first 4,000 characters: there are CJK ideographs, at
least 90% of the non-ASCII, non-space characters are ideographs, in GB2312 (CJK punctuation,
full-width forms, ①, pinyin letters …) or general punctuation (——, “”, …), and at least 70% of the ideographs are common ones (in
GB2312). Short Chinese texts fool statistical detectors; this test does not, and mis-decoded bytes
(Latin-1 read as GBK, GBK read as UTF-16) fail it because they give rare ideographs or Hangul.

Formats:
- .docx (python-docx): body paragraphs and tables in document order, one paragraph a line, a
  table row a line with its cells joined by TAB (a merged cell once; line breaks inside a cell
  become spaces). Headers, footers, text boxes, footnotes and comments are not read.
- .pdf (pdfplumber): pages in order; a page number alone on a page's first or last line is dropped; a line break
  is removed (joined with a space between two Latin letters/digits, else with nothing) unless
  the line ends with sentence-final punctuation (。！？；：!?;: maybe followed by closing quotes or
  brackets), stops short of the right margin (a paragraph's end, a title, 发文字号, a signature),
  or the next line is heading-like (一、 （一） 第一条 1. ① 附件 ——) or indented (a paragraph's first
  line, a centred line). No text layer at all -> ReadError (OCR is not supported). Multi-column
  pages are read line by line across the columns.
- .html/.htm (selectolax/lexbor): <main>, else a single <article>, else <body>, without nav,
  header, footer, aside, form, script, style and similar; block elements and <br> end lines,
  table cells are joined by TAB, runs of ASCII whitespace become one space (none where a source
  line break sits between two CJK characters), empty lines are dropped. NBSP and U+3000 stay.

Metadata (`RawDocument.metadata`): the front matter's fields where given (empty strings count as
missing; issuer "A、B" or "A B" -> ["A", "B"]; a YAML date -> ISO; an unknown kind is inferred,
with a warning), else inferred from the text:
- title: the first non-empty line (skipping "附件1"), if ≤ 80 characters and title-like (no
  sentence punctuation at its end, not just a date or 发文字号); else the file name's stem;
- date: the first full date (2015年7月17日, 2015-07-17, 2015.7.17, 二〇一五年七月十七日), else the first
  year-month (2015年7月), else the first year (2015年), as ISO 'YYYY-MM-DD' / 'YYYY-MM' / 'YYYY';
- doc_number: the first 发文字号 (国办发〔2015〕51号, 国务院令第250号; brackets 〔〕[]［］()（）【】),
  exactly as written;
- issuers: the organisations named before 关于/印发/发布 in the title, split on 、 and spaces;
- kind: by cue words in the title (通知/意见/方案… policy, 讲话/致辞 speech, 案例 case,
  召开/举办/举行/报道/获评 news, 指南 guide, else report).
"""
from __future__ import annotations

import datetime as _dt
import errno
import hashlib
import io
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import yaml

from extractors.sources import SOURCE_KINDS
from schema.model import DOCUMENT_KINDS

__all__ = ["ReadError", "RawDocument", "SUPPORTED_SUFFIXES", "read_document", "iter_paths",
           "decode_text", "normalise_text", "looks_chinese", "split_front_matter", "build_metadata",
           "join_pdf_lines", "html_to_text", "infer_date", "infer_doc_number", "infer_title",
           "infer_issuers", "infer_kind"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm")
_MARKDOWN = (".md", ".markdown")


# --- the types ------------------------------------------------------------------------------

class ReadError(Exception):
    """A file that cannot be ingested. str(exc) == f"{path}: {reason}", one line, no traceback."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = " ".join(str(reason).split())  # one clean line
        super().__init__(self.path, self.reason)  # args round-trip through pickle

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class RawDocument:
    path: str  # the input path exactly as given
    text: str  # canonical normalised text; every later offset points into it
    sha256: str  # of the file's bytes
    metadata: dict = field(default_factory=dict)  # id, title, kind, issuers, date, doc_number, source_url, summary
    warnings: tuple[str, ...] = ()


# --- normalisation --------------------------------------------------------------------------

_LINE_END = re.compile("\r\n?")
_DROPPED_CHARS = re.compile("[\x00-\x08\x0b-\x1f\u200b-\u200d\u2060\ufeff]")


def normalise_text(text: str) -> str:
    """Line ends to LF, drop C0 controls (but LF, TAB) and zero-width characters. No strip."""
    return _DROPPED_CHARS.sub("", _LINE_END.sub("\n", text))


# --- encoding detection ---------------------------------------------------------------------

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_BINARY_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r\x1b")  # C0 but text ones


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_bom(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], codec)
    return None


def _decode_utf16_by_nuls(data: bytes) -> str | None:
    """UTF-16 without BOM, told by NULs (the high byte of ASCII) at one parity only."""
    sample = data[: 8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    enough = max(2, len(sample) // 100)
    if odd >= enough and odd > 4 * even:
        return _strict(data, "utf-16-le")
    if even >= enough and even > 4 * odd:
        return _strict(data, "utf-16-be")
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[: 65536]
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    return controls > 0.05 * len(sample)


def _is_hanzi(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _in_gb2312(ch: str) -> bool:
    """Common simplified hanzi, CJK and full-width punctuation, pinyin letters, ①, №, …"""
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def looks_chinese(text: str) -> bool:
    """True if the non-ASCII characters of the text's start read as Chinese: some ideographs,
    ≥ 90% ideographs or GB2312 characters, and ≥ 70% of the ideographs common (GB2312) ones."""
    chars = [c for c in text[:4000] if c > "\x7f" and not c.isspace()]
    hanzi = [c for c in chars if _is_hanzi(c)]
    if not hanzi:
        return False
    common = sum(1 for c in hanzi if _in_gb2312(c))
    chinese = len(hanzi) + sum(1 for c in chars if not _is_hanzi(c)
                               and ("\u2010" <= c <= "\u2027" or _in_gb2312(c)))
    return chinese >= 0.9 * len(chars) and common >= 0.7 * len(hanzi)


def _decode_if_chinese(data: bytes, codec: str) -> str | None:
    """Strictly decoded text if its start looks Chinese (checked on a sample first: cheap)."""
    if not looks_chinese(data[:8192].decode(codec, "ignore")):
        return None
    return _strict(data, codec)


def _decode_utf16_chinese(data: bytes) -> str | None:
    """UTF-16 without BOM and without NULs (no ASCII at all): LE, then BE, if it looks Chinese."""
    for codec in ("utf-16-le", "utf-16-be"):
        if (text := _decode_if_chinese(data, codec)) is not None:
            return text
    return None


def _decode_gb18030(data: bytes) -> str | None:
    return _decode_if_chinese(data, "gb18030")


def _decode_best_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


def decode_text(data: bytes, path: str | Path = "<bytes>") -> str:
    """Decode a text file's bytes in the documented order; ReadError if that fails."""
    for step in (_decode_bom, _decode_utf16_by_nuls):
        if (text := step(data)) is not None:
            return text
    binary = _looks_binary(data)
    if not binary and (text := _strict(data, "utf-8")) is not None:
        return text
    if (text := _decode_utf16_chinese(data)) is not None:
        return text
    if binary:
        raise ReadError(path, "not a text file (binary content)")
    for step in (_decode_gb18030, _decode_best_guess):
        if (text := step(data)) is not None:
            return text
    raise ReadError(path, "cannot detect the text encoding")


# --- front matter ---------------------------------------------------------------------------

_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*\n")
_CLOSING_LINE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


MAX_FRONT_MATTER_CHARS = 64 * 1024  # a real front matter is a dozen short lines


class FrontMatterRefused(ValueError):
    """A front matter that is refused outright (not merely malformed): the file is rejected."""


class _NoAliasLoader(yaml.SafeLoader):
    """yaml.SafeLoader without anchors and aliases: `*alias` can make a 2 KB front matter expand
    to gigabytes ("billion laughs"), and no document's metadata needs them."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise FrontMatterRefused(f"YAML alias *{event.anchor} (line {event.start_mark.line + 2}): "
                                     "anchors and aliases are not allowed in front matter")
        return super().compose_node(parent, index)


def split_front_matter(text: str) -> tuple[dict, str, list[str]]:
    """(front matter fields, body, warnings). A malformed front matter never loses the body.

    Raises FrontMatterRefused for a front matter larger than MAX_FRONT_MATTER_CHARS or one that
    uses YAML aliases (the shape of a memory bomb); the caller rejects the file with that reason."""
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return {}, text, []
    closing = _CLOSING_LINE.search(text, opening.end(), opening.end() + MAX_FRONT_MATTER_CHARS)
    if closing is None:
        if _CLOSING_LINE.search(text, opening.end()):
            raise FrontMatterRefused(f"front matter longer than {MAX_FRONT_MATTER_CHARS // 1024} KiB")
        return {}, text, ["front matter has no closing '---' line: kept the whole text as body"]
    body = text[closing.end():].removeprefix("\n")
    try:
        fields = yaml.load(text[opening.end():closing.start()], Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader
    except FrontMatterRefused:
        raise
    except Exception as exc:  # YAMLError, ValueError (2015-02-30), RecursionError: all "malformed"
        return {}, body, [f"malformed front matter ignored, body kept: {_yaml_problem(exc)}"]
    if fields is None:
        return {}, body, []
    if not isinstance(fields, dict):
        return {}, body, ["malformed front matter ignored, body kept: not a key: value mapping"]
    return fields, body, []


def _yaml_problem(exc: Exception) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    return f"{problem} (line {mark.line + 2})" if mark is not None else problem


# --- formats --------------------------------------------------------------------------------

def _read_text_file(name: str, data: bytes) -> str:
    return decode_text(data, name)


# Readers are bounded by what a file declares and by what it inflates to, so one hostile file
# cannot stall or kill a batch (a 265 KB .docx can inflate to 50 MB of XML, ~150x that in a DOM).
MAX_DOCX_XML_BYTES = int(os.environ.get("KG_MAX_DOCX_XML_MB", "16")) * 1024 * 1024  # word/document.xml
MAX_ZIP_TOTAL_BYTES = 4 * MAX_DOCX_XML_BYTES  # every entry of the .docx together
MAX_ZIP_ENTRIES = 2000
MAX_PDF_PAGES = int(os.environ.get("KG_MAX_PDF_PAGES", "2000"))
MAX_HTML_DEPTH = 4000  # nested elements; lexbor's parse time grows with the square of the depth
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
        if depth > MAX_HTML_DEPTH:
            return True
    return False


def _check_zip(name: str, data: bytes) -> None:
    """Refuse a .docx whose entries declare more than the limits (zipfile enforces the declared
    sizes while inflating, so a lying header cannot slip past)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReadError(name, f"not a valid .docx file (corrupt or truncated: {_first_line(exc)})") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ReadError(name, f".docx has {len(entries)} parts (limit {MAX_ZIP_ENTRIES})")
    body = next((e for e in entries if e.filename == "word/document.xml"), None)
    if body is not None and body.file_size > MAX_DOCX_XML_BYTES:
        raise ReadError(name, f".docx text inflates to {body.file_size / 2**20:.0f} MB of XML "
                              f"(limit {MAX_DOCX_XML_BYTES // 2**20} MB; KG_MAX_DOCX_XML_MB raises it)")
    total = sum(e.file_size for e in entries)
    if total > MAX_ZIP_TOTAL_BYTES:
        raise ReadError(name, f".docx inflates to {total / 2**20:.0f} MB (limit {MAX_ZIP_TOTAL_BYTES // 2**20} MB)")


def _read_docx(name: str, data: bytes) -> str:
    import docx  # python-docx
    from docx.table import Table

    _check_zip(name, data)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_rows(block))
            else:
                lines.append(block.text)
    except Exception as exc:  # python-docx/zipfile/lxml raise many types; all mean "not readable"
        raise ReadError(name, f"not a valid .docx file (corrupt or truncated: {_first_line(exc)})")
    return "\n".join(lines)


def _table_rows(table: Any) -> Iterator[str]:
    """One line per row, cells joined by TAB; merged cells (same cell repeated) once."""
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(" ".join(cell.text.split("\n")))
        yield "\t".join(cells)


_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—–－\s]*$")


def _read_pdf(name: str, data: bytes) -> str:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise ReadError(name, f"PDF has {len(pdf.pages)} pages (limit {MAX_PDF_PAGES}; KG_MAX_PDF_PAGES raises it)")
            lines: list[dict] = []
            for page in pdf.pages:
                lines.extend(_pdf_page_lines(page))
                page.close()
    except ReadError:
        raise
    except Exception as exc:  # pdfminer raises many types for broken files
        raise ReadError(name, f"not a valid PDF file (corrupt or unreadable: {_first_line(exc)})")
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


def _read_html(name: str, data: bytes) -> str:
    from selectolax.lexbor import LexborHTMLParser

    html = decode_text(data, name)
    if _html_too_deep(html):
        raise ReadError(name, f"HTML nests elements more than {MAX_HTML_DEPTH} deep (a hostile or broken page)")
    try:
        tree = LexborHTMLParser(html)
        tree.strip_tags(_HTML_DROP)
        return html_to_text(_html_main(tree))
    except Exception as exc:  # the parser is forgiving; guard anyway
        raise ReadError(name, f"cannot parse HTML ({_first_line(exc)})")


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
    return bool(ch) and (_is_hanzi(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")


_READERS: dict[str, Callable[[str, bytes], str]] = {
    ".txt": _read_text_file, ".md": _read_text_file, ".markdown": _read_text_file,
    ".docx": _read_docx, ".pdf": _read_pdf, ".html": _read_html, ".htm": _read_html,
}


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


# --- metadata inference ---------------------------------------------------------------------

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_DATE = re.compile(  # the leading look-ahead lets the regex engine skip fast (50 MB files)
    r"(?=[\d〇零○一二三四五六七八九])(?:(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    r"|(?<![\d.\-/])(?P<y2>\d{4})(?P<sep>[-./])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d)"
    r"|(?P<y3>[〇零○一二三四五六七八九]{4})年(?P<m3>[一二三四五六七八九十]{1,2})月"
    r"(?:(?P<d3>[一二三四五六七八九十]{1,3})[日号])?"
    r"|(?<!\d)(?P<y4>\d{4})\s*年\s*(?P<m4>\d{1,2})\s*月"
    r"|(?<!\d)(?P<y5>\d{4})\s*年)")


def _cn_number(text: str) -> int:
    """一 .. 三十一 (small Chinese numerals as used in dates)."""
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _date_parts(m: re.Match) -> tuple[int, int | None, int | None]:
    g = m.groupdict()
    if g["y3"]:
        year = int("".join(str(_CN_DIGITS[c]) for c in g["y3"]))
        return year, _cn_number(g["m3"]), _cn_number(g["d3"]) if g["d3"] else None
    y, mo, d = (g["y"] or g["y2"] or g["y4"] or g["y5"], g["m"] or g["m2"] or g["m4"], g["d"] or g["d2"])
    return int(y), int(mo) if mo else None, int(d) if d else None


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    if not 1900 <= year <= 2100 or (month is not None and not 1 <= month <= 12):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}" if month else f"{year:04d}"
    try:
        return _dt.date(year, month or 1, day).isoformat()
    except ValueError:
        return None


def infer_date(text: str) -> str | None:
    """The first full date in the text as ISO; else the first year-month; else the first year."""
    best: dict[int, str] = {}
    for match in _DATE.finditer(text):
        iso = _iso(*_date_parts(match))
        if iso is None:
            continue
        precision = iso.count("-")
        best.setdefault(precision, iso)
        if precision == 2:
            break
    return best[max(best)] if best else None


_DOC_NUMBER_TAIL = re.compile(
    r"(?:[〔［\[（(【]\s*\d{4}\s*[〕］\]）)】]|(?<=令)第)\s*\d{1,5}\s*号")
_CODE_CHARS = re.compile(r"[\u4e00-\u9fff]{1,12}$")
_NOT_IN_CODE = re.compile(r".*[以据照按依的及与是为在将对由见即于自从把向年月日号]")


def infer_doc_number(text: str) -> str | None:
    """The first 发文字号 (国办发〔2015〕51号, 国务院令第250号 …), exactly as written."""
    for match in _DOC_NUMBER_TAIL.finditer(text):
        code = _CODE_CHARS.search(text, max(0, match.start() - 12), match.start())
        if code is None:
            continue
        agency = _NOT_IN_CODE.sub("", code.group())  # "…办公厅以科协办发调字" -> "科协办发调字"
        if agency and agency != "令":
            return text[match.start() - len(agency): match.end()]
    return None


_TITLE_END_PUNCT = tuple("。，；：、！？,;:!?")
_ATTACHMENT_LINE = re.compile(r"^附件\s*\d*\s*[:：]?$")


def infer_title(text: str) -> str | None:
    """The first non-empty line, if short (≤ 80 characters) and title-like."""
    for line in text.split("\n", 20)[:20]:
        line = line.strip().lstrip("#").strip()
        if not line or _ATTACHMENT_LINE.match(line):
            continue
        title_like = (len(line) <= 80 and not line.endswith(_TITLE_END_PUNCT)
                      and len(re.findall(r"[\u4e00-\u9fffA-Za-z]", line)) >= 2
                      and not _DATE.fullmatch(line) and infer_doc_number(line) != line)
        return line if title_like else None
    return None


_ISSUER_PREFIX = re.compile(r"^(?P<who>[\u4e00-\u9fff、 \u3000（）()]+?)(?:联合)?(?:关于|印发|发布|颁布)")
_ORG_ENDINGS = ("办公厅", "办公室", "中央", "国务院", "政府", "委员会", "部", "委", "局", "院",
                "会", "协", "厅", "署", "办", "党组", "司", "银行")
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[）)]$")  # 中国科协机关党委(学会党建办公室)


def infer_issuers(title: str | None) -> list[str]:
    """Issuers named before 关于/印发/发布 in a title, split on 、 and spaces; organisations only."""
    match = _ISSUER_PREFIX.match(title or "")
    if match is None:
        return []
    names = [n for n in re.split(r"[、\s]+", match.group("who")) if n]
    return [n for n in names if _TRAILING_NOTE.sub("", n).endswith(_ORG_ENDINGS)]


_KIND_CUES = (
    ("policy", ("通知", "意见", "方案", "办法", "条例", "规定", "规划", "纲要", "决定", "细则")),
    ("speech", ("讲话", "致辞")),
    ("case", ("案例",)),
    ("news", ("召开", "举办", "举行", "报道", "获评")),
    ("guide", ("指南",)),
)


def infer_kind(title: str | None) -> str:
    """policy/speech/case/news/guide by cue words in the title (first cue group wins), else report."""
    for kind, cues in _KIND_CUES:
        if any(cue in (title or "") for cue in cues):
            return kind
    return "report"


# --- metadata from front matter + text ------------------------------------------------------

def _field(front: dict, key: str) -> Any:
    """A front matter value, with empty strings (and empty lists) counted as missing."""
    value = front.get(key)
    if isinstance(value, str):
        value = value.strip()
    return None if value in ("", [], None) else value


def _front_date(value: Any) -> str | None:
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", text):
        parts = [int(p) for p in text.split("-")]
        return _iso(parts[0], *(parts[1:] + [None, None])[:2])
    return infer_date(text)


def _split_issuers(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [name for item in items for name in re.split(r"[、\s]+", str(item)) if name]




def _source_kind(value: Any, warnings: list[str]) -> str | None:
    """official / society / media / repost, or None (with a warning for anything else)."""
    if value is None:
        return None
    kind = str(value).strip().lower()
    if kind not in SOURCE_KINDS:
        warnings.append(f"unknown source_kind {value!r} in front matter (one of {', '.join(SOURCE_KINDS)}): ignored")
        return None
    return kind


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "是")
    return bool(value)


def build_metadata(front: dict, text: str, path: Path) -> tuple[dict, list[str]]:
    """Metadata from the front matter where given, inferred from the text otherwise."""
    warnings: list[str] = []
    for key in ("id", "title", "kind", "date", "doc_number", "source_url", "source_kind"):
        if isinstance(front.get(key), (dict, list)):
            warnings.append(f"front matter field {key!r} is not a single value: ignored")
            front = {k: v for k, v in front.items() if k != key}
    title = _field(front, "title")
    title = str(title) if title is not None else (infer_title(text) or path.stem)
    kind = _field(front, "kind")
    kind = str(kind).strip().lower() if kind is not None else None
    if kind is not None and kind not in DOCUMENT_KINDS:
        warnings.append(f"unknown kind {kind!r} in front matter: inferred from the title")
        kind = None
    date = _field(front, "date")
    if date is not None:
        iso = _front_date(date)
        if iso is None:
            warnings.append(f"unrecognised date {date!r} in front matter: left unknown")
        date = iso
    issuer = _field(front, "issuer") or _field(front, "issuers")
    doc_id, doc_number, url = (_field(front, k) for k in ("id", "doc_number", "source_url"))
    metadata = {
        "id": str(doc_id) if doc_id is not None else None,
        "title": title,
        "kind": kind or infer_kind(title),
        "issuers": _split_issuers(issuer) if issuer is not None else infer_issuers(title),
        # a front matter that names the field (even empty) has spoken: the body of a summary
        # mentions other documents' dates and numbers, which must not become this one's
        "date": date if date or "date" in front else infer_date(text),
        "doc_number": (str(doc_number) if doc_number is not None
                       else None if "doc_number" in front else infer_doc_number(text)),
        "source_url": str(url) if url is not None else None,
        "source_kind": _source_kind(_field(front, "source_kind"), warnings),
        "retrieved": _front_date(_field(front, "retrieved")) if _field(front, "retrieved") is not None else None,
        "summary": _truthy(front.get("summary", False)),
        "synthetic": _truthy(front.get("synthetic", False)),  # generated for benchmarks/tests
    }
    return metadata, warnings


# --- reading --------------------------------------------------------------------------------

def _os_reason(exc: OSError | ValueError) -> str:
    if isinstance(exc, ValueError):  # e.g. a NUL byte in the path
        return f"invalid path ({exc})"
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    return (exc.strerror or type(exc).__name__).lower()


def _read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes in one read; a fifo or folder is refused before opening (no hang)."""
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise ReadError(name, "cannot read: a folder, not a file")
        if not stat.S_ISREG(mode):
            raise ReadError(name, "cannot read: not a regular file")
        with open(path, "rb") as handle:
            return handle.read()
    except (OSError, ValueError) as exc:
        raise ReadError(name, f"cannot read: {_os_reason(exc)}") from None


def read_document(path: str | Path) -> RawDocument:
    """Read, decode and normalise one file; ReadError (never another exception) if impossible."""
    given, path = str(path), Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(given, f"unsupported file type {suffix or '(no suffix)'!r}; "
                               f"supported: {' '.join(SUPPORTED_SUFFIXES)}")
    data = _read_bytes(path, given)
    sha256 = hashlib.sha256(data).hexdigest()
    if not data:
        raise ReadError(given, "empty file")
    text = _READERS[suffix](given, data)
    del data  # a 50 MB file: free the bytes before making the normalised copy
    text = normalise_text(text)
    try:
        front, body, warnings = split_front_matter(text) if suffix in _MARKDOWN else ({}, text, [])
    except FrontMatterRefused as exc:
        raise ReadError(given, f"front matter refused: {exc}") from None
    where = " after the front matter" if len(body) != len(text) else ""
    text = body.strip()
    del body
    if not text:
        raise ReadError(given, f"empty (no text{where})")
    metadata, more_warnings = build_metadata(front, text, path)
    return RawDocument(given, text, sha256, metadata, tuple(warnings + more_warnings))


# --- expanding folders ----------------------------------------------------------------------

IGNORE_MARKER = ".kgignore"  # a folder holding this file is not part of the corpus (gazetteers, lexicons …)


def _skipped_name(name: str) -> bool:
    """Hidden files/folders, Office lock files (~$x.docx) and a folder's README inside folders."""
    return name.startswith((".", "~$")) or name.lower() in ("readme.md", "readme.txt", "readme.markdown")


def iter_paths(paths: Iterable[str | Path]) -> Iterator[tuple[Path, ReadError | None]]:
    """Files to read, each with None or the ReadError that stops it; never raises.

    A folder is expanded recursively in name order (deterministic); inside folders, files with
    unsupported suffixes, hidden files and folders (".x"), Office lock files ("~$x.docx"), a
    folder's README.md and folders that hold a `.kgignore` file (the project's own data kept beside
    a corpus, such as seed_data/gazetteers) are skipped silently. A file named explicitly with an
    unsupported suffix, a missing path, an unreadable file or folder and a symlink loop yield
    (path, ReadError)."""
    for given in paths:
        path = Path(given)
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except (OSError, ValueError) as exc:
            yield path, ReadError(path, f"cannot read: {_os_reason(exc)}")
            continue
        if is_dir:
            yield from _walk(path)
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield path, ReadError(path, f"unsupported file type {path.suffix or '(no suffix)'!r}")
        else:
            yield path, _access_error(path)


def _access_error(path: Path) -> ReadError | None:
    return None if os.access(path, os.R_OK) else ReadError(path, "cannot read: permission denied")


def _walk(root: Path) -> Iterator[tuple[Path, ReadError | None]]:
    """Depth-first in name order, without recursion. A folder reached again from inside itself
    (through a symlink) is a loop and yields a ReadError; one reached again from elsewhere is
    skipped, so no file is yielded twice. Unsupported files are skipped silently."""
    visited: set[tuple[int, int]] = set()
    stack: list[tuple[Path, frozenset]] = [(root, frozenset())]
    while stack:
        path, ancestors = stack.pop()
        supported = path.suffix.lower() in SUPPORTED_SUFFIXES
        try:
            info = os.stat(path)
        except OSError as exc:  # dangling symlink, symlink to itself, vanished file
            if supported or exc.errno == errno.ELOOP:
                yield path, ReadError(path, f"cannot read: {_os_reason(exc)}")
            continue
        if stat.S_ISREG(info.st_mode):
            if supported:
                yield path, _access_error(path)
            continue
        if not stat.S_ISDIR(info.st_mode):
            continue  # fifo, socket, device
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            yield path, ReadError(path, "symlink loop (a folder that contains itself)")
            continue
        if key in visited:
            continue
        visited.add(key)
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            yield path, ReadError(path, f"cannot read folder: {_os_reason(exc)}")
            continue
        if IGNORE_MARKER in names and path != root:
            continue  # the project's own data beside a corpus, not documents
        inner = ancestors | {key}
        stack.extend((path / name, inner) for name in reversed(names) if not _skipped_name(name))
