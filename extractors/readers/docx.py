"""Word .docx (python-docx): body paragraphs and tables in document order, one paragraph a line,
a table row a line with its cells joined by TAB (a merged cell once; line breaks inside a cell
become spaces). Headers, footers, text boxes, footnotes and comments are not read.

The zip is checked against `limits` before it is parsed (a zip bomb is refused by its sizes)."""
from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from extractors.read_error import ReadError, first_line
from extractors.readers import limits
from extractors.readers.registry import register


def _check_zip(name: str, data: bytes) -> None:
    """Refuse a .docx whose entries declare more than the limits (zipfile enforces the declared
    sizes while inflating, so a lying header cannot slip past)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReadError(name, f"not a valid .docx file (corrupt or truncated: {first_line(exc)})") from None
    if len(entries) > limits.MAX_ZIP_ENTRIES:
        raise ReadError(name, f".docx has {len(entries)} parts (limit {limits.MAX_ZIP_ENTRIES})")
    # every part, whatever it is called: python-docx follows the package's relationships to the main part, which need
    # not be word/document.xml nor end in .xml (a 200 KB file named its 60 MB body word/body.xml, then word/body.dat,
    # and passed a check of the name); an image inflating past the bound is refused too (KG_MAX_DOCX_XML_MB raises it)
    body = max(entries, key=lambda e: e.file_size, default=None)
    if body is not None and body.file_size > limits.MAX_DOCX_XML_BYTES:
        raise ReadError(name, f".docx text inflates to {body.file_size / 2**20:.0f} MB of XML ({body.filename}; "
                              f"limit {limits.MAX_DOCX_XML_BYTES // 2**20} MB; KG_MAX_DOCX_XML_MB raises it)")
    total = sum(e.file_size for e in entries)
    if total > limits.MAX_ZIP_TOTAL_BYTES:
        raise ReadError(name, f".docx inflates to {total / 2**20:.0f} MB "
                              f"(limit {limits.MAX_ZIP_TOTAL_BYTES // 2**20} MB)")


@register(".docx")
def read_docx(name: str, data: bytes) -> str:
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
    except MemoryError:  # not a fault of the file's form: the caller names it (extractors.documents)
        raise
    except Exception as exc:  # python-docx/zipfile/lxml raise many types; all mean "not readable"
        raise ReadError(name, f"not a valid .docx file (corrupt or truncated: {first_line(exc)})")
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
