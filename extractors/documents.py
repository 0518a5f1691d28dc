"""First pipeline stage: a source file -> `RawDocument` (normalised text + metadata + sha256).

Every later offset (`start`/`end` of passages, mentions, evidence) points into `RawDocument.text`,
so the steps below are deliberately minimal and must stay stable. `read_document`:
1. reads the file's bytes (sha256 of them) and turns them into text with the reader registered
   for its suffix (`extractors.readers`, one module a format; text and HTML are decoded as
   `extractors.encoding` detects);
2. normalises the text (`extractors.normalise`: LF line ends, no C0 controls but LF and TAB, no
   zero-width characters);
3. for a format with front matter (.md/.markdown), keeps only the body after it
   (`extractors.frontmatter`);
4. `.strip()`s the whole text (Python's notion of whitespace, so U+3000 at either end goes too);
5. builds the metadata from the front matter and the text (`extractors.metadata`).
Nothing else changes: full-width punctuation, traditional characters, pinyin glosses, `——` bullets,
indentation and blank lines inside the text stay as they are (later stages keep an offset map for
their own conversions). For a seed .md file this gives exactly `body.strip()` (docs/ANNOTATION.md).

`iter_paths` (`extractors.paths`) lists the files to read; `ReadError` is the one exception both
raise or yield for a file that cannot be ingested.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from extractors.frontmatter import FrontMatterRefused, split_front_matter
from extractors.metadata import DocumentMetadata, build_metadata
from extractors.normalise import normalise_text
from extractors.paths import iter_paths
from extractors.read_error import ReadError, os_reason
from extractors.readers import limits, reader_for, suffixes

__all__ = ["ReadError", "RawDocument", "read_document", "iter_paths"]


@dataclass(frozen=True)
class RawDocument:
    path: str  # the input path exactly as given
    text: str  # canonical normalised text; every later offset points into it
    sha256: str  # of the file's bytes
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)  # front matter and what the text says
    warnings: tuple[str, ...] = ()


def _read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes in one read; a fifo or folder is refused before opening (no hang)."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(name, "cannot read: a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(name, "cannot read: not a regular file")
        size = info.st_size
        if size > limits.MAX_FILE_BYTES:
            raise ReadError(name, f"the file is {size / 2**20:,.0f} MB (limit {limits.MAX_FILE_BYTES // 2**20:,} MB; "
                                  "KG_MAX_FILE_MB raises it)")
        with open(path, "rb") as handle:
            return handle.read()
    except (OSError, ValueError) as exc:
        raise ReadError(name, f"cannot read: {os_reason(exc)}") from None


def read_document(path: str | Path) -> RawDocument:
    """Read, decode and normalise one file; ReadError (never another exception) if impossible."""
    given, path = str(path), Path(path)
    suffix = path.suffix.lower()
    fmt = reader_for(path)
    if fmt is None:
        raise ReadError(given, f"unsupported file type {suffix or '(no suffix)'!r}; "
                               f"supported: {' '.join(suffixes())}")
    data = _read_bytes(path, given)
    sha256 = hashlib.sha256(data).hexdigest()
    if not data:
        raise ReadError(given, "empty file")
    try:
        text = fmt.read(given, data)
        del data  # a 50 MB file: free the bytes before making the normalised copy
        text = normalise_text(text)
    except MemoryError:
        raise ReadError(given, "out of memory while reading it (too large or too deeply nested to read)") from None
    try:
        front, body, warnings = split_front_matter(text) if fmt.front_matter else ({}, text, [])
    except FrontMatterRefused as exc:
        raise ReadError(given, f"front matter refused: {exc}") from None
    where = " after the front matter" if len(body) != len(text) else ""
    text = body.strip()
    del body
    if not text:
        raise ReadError(given, f"empty (no text{where})")
    try:
        metadata, more_warnings = build_metadata(front, text, path)
    except ValidationError as exc:  # the metadata type is the boundary: name the file and the field
        problem = exc.errors()[0]
        raise ReadError(given, f"invalid metadata: {'.'.join(map(str, problem['loc']))}: {problem['msg']}") from None
    return RawDocument(given, text, sha256, metadata, tuple(warnings + more_warnings))
