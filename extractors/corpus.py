"""The seed corpus as data: the front matter of every summary in `seed_data/documents/`, validated.

A corpus document is a Markdown summary written for the project from one public page (see
`seed_data/README.md`). Its front matter names the page (`source_url`), what kind of page it is
(`source_kind`: official / society / media / repost), when it was read (`retrieved`) and the research
directions it bears on. The 36 documents of the shared corpus predate `source_kind` and
`retrieved`; every later one must have both. `title_source: written` marks a title written
from the content because the page showed none. `load_corpus` fails with the file and the reason on
the first invalid document.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from seed_data import require, resource

DOCUMENTS = resource("documents", check=False)  # the bundled seed documents; checked when loaded
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


class CorpusError(ValueError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")


class CorpusEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    kind: Literal["policy", "case", "news", "report", "speech"]
    issuer: str
    date: str
    doc_number: str
    directions: tuple[int, ...]
    source_url: str
    summary: bool
    note: str
    source_kind: Literal["official", "society", "media", "repost"] | None = None
    retrieved: str | None = None
    title_source: Literal["written"] | None = None  # the page shows no usable title: this one was written

    @field_validator("date", "retrieved")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        if value and not _DATE.fullmatch(value):
            raise ValueError(f"not YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
        return value

    @field_validator("directions")
    @classmethod
    def _directions(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if not value or any(d not in (1, 2, 3, 4) for d in value) or len(set(value)) != len(value):
            raise ValueError(f"directions must be distinct numbers 1-4, got {list(value)}")
        return value

    @field_validator("source_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if value and not re.fullmatch(r"https?://\S+", value):
            raise ValueError(f"not an http(s) URL: {value!r}")
        return value


    @model_validator(mode="after")
    def _provenance(self) -> "CorpusEntry":
        if (self.source_kind is None) != (self.retrieved is None):
            raise ValueError("source_kind and retrieved come together")
        if self.source_kind is not None and (not self.source_url or not self.retrieved):
            raise ValueError("a researched summary needs its source_url and retrieved date")
        return self

    @property
    def shared(self) -> bool:
        """One of the 36 documents of the shared corpus (they predate source_kind)."""
        return self.source_kind is None


def read_entry(path: Path) -> CorpusEntry:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
    if match is None:
        raise CorpusError(path, "no front matter")
    try:
        fields = yaml.safe_load(match.group(1))
        if not isinstance(fields, dict):
            raise CorpusError(path, "front matter is not a mapping")
        fields = {k: ("" if v is None else v) for k, v in fields.items()}
        for key in ("id", "date", "retrieved", "issuer", "doc_number"):
            if key in fields and not isinstance(fields[key], str):
                fields[key] = str(fields[key])
        entry = CorpusEntry(**fields)
    except (yaml.YAMLError, ValidationError) as exc:
        raise CorpusError(path, " ".join(str(exc).split())) from None
    if entry.id != path.stem:
        raise CorpusError(path, f"id {entry.id!r} is not the file name")
    if not text[match.end():].strip():
        raise CorpusError(path, "no body")
    return entry


def load_corpus(folder: Path = DOCUMENTS) -> list[CorpusEntry]:
    """Every document of the corpus in id order; CorpusError at the first invalid one."""
    return [read_entry(p) for p in sorted(require(folder, "the corpus").glob("*.md"))]
