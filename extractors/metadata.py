"""A document's metadata as one validated type, from its front matter where given, else inferred.

The front matter's fields win where given: empty strings (and empty lists) count as missing,
a field that is not a single value is ignored with a warning, issuer "A、B" or "A B" -> ["A", "B"],
a YAML date -> ISO, an unknown kind is inferred from the title and an unknown source_kind dropped
(each with a warning). What the front matter does not give is inferred from the text
(`extractors.inference`); the title falls back to the file name's stem.
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from extractors.inference import infer_date, infer_doc_number, infer_issuers, infer_kind, infer_title, iso_date
from extractors.sources import SOURCE_KINDS
from schema.model import DOCUMENT_KINDS

_ISO = r"^\d{4}(?:-\d{2}){0,2}$"


class DocumentMetadata(BaseModel):
    """What a reader knows about a document besides its text (`RawDocument.metadata`)."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    id: str | None = None  # the front matter's id; None: the caller keys the document by file name
    title: str = ""  # empty: the file name's stem stands in
    kind: Literal[DOCUMENT_KINDS] = "report"
    issuers: list[str] = []
    date: str | None = Field(default=None, pattern=_ISO)  # YYYY-MM-DD, YYYY-MM or YYYY
    doc_number: str | None = None  # 发文字号, exactly as written
    source_url: str | None = None
    source_kind: Literal[SOURCE_KINDS] | None = None
    retrieved: str | None = Field(default=None, pattern=_ISO)  # the date the source page was read
    summary: bool = False  # a summary written from a public source, not the original text
    synthetic: bool = False  # generated for benchmarks/tests


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
        return iso_date(parts[0], *(parts[1:] + [None, None])[:2])
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


def build_metadata(front: dict, text: str, path: Path) -> tuple[DocumentMetadata, list[str]]:
    """Metadata from the front matter where given, inferred from the text otherwise, and the
    warnings about ignored fields. Raises pydantic.ValidationError if the result breaks the type."""
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
    metadata = DocumentMetadata(
        id=str(doc_id) if doc_id is not None else None,
        title=title,
        kind=kind or infer_kind(title),
        issuers=_split_issuers(issuer) if issuer is not None else infer_issuers(title),
        # a front matter that names the field (even empty) has spoken: the body of a summary
        # mentions other documents' dates and numbers, which must not become this one's
        date=date if date or "date" in front else infer_date(text),
        doc_number=(str(doc_number) if doc_number is not None
                    else None if "doc_number" in front else infer_doc_number(text)),
        source_url=str(url) if url is not None else None,
        source_kind=_source_kind(_field(front, "source_kind"), warnings),
        retrieved=_front_date(_field(front, "retrieved")) if _field(front, "retrieved") is not None else None,
        summary=_truthy(front.get("summary", False)),
        synthetic=_truthy(front.get("synthetic", False)),
    )
    return metadata, warnings
