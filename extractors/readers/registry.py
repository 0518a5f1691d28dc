"""The document formats by file suffix: each format module registers its reader here.

A reader turns a file's bytes into text (before normalisation) and raises ReadError, never
another exception, for a file it cannot read; it gets the path as given, for its messages.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Reader = Callable[[str, bytes], str]  # (path as given, the file's bytes) -> text


@dataclass(frozen=True)
class Format:
    read: Reader
    front_matter: bool = False  # the text may start with YAML front matter (Markdown)


_FORMATS: dict[str, Format] = {}  # lower-case suffix with its dot -> format, in registration order


def register(*suffixes: str, front_matter: bool = False) -> Callable[[Reader], Reader]:
    """Decorator: `reader` reads files with these suffixes (".xyz", any case). A suffix that is
    already registered is refused (ValueError), so two formats cannot claim one silently."""
    keys = [suffix.lower() for suffix in suffixes]
    for key in keys:
        if not key.startswith("."):
            raise ValueError(f"suffix {key!r} does not start with '.'")
        if key in _FORMATS:
            raise ValueError(f"suffix {key!r} is already registered")

    def add(reader: Reader) -> Reader:
        _FORMATS.update((key, Format(reader, front_matter)) for key in keys)
        return reader
    return add


def reader_for(path: str | Path) -> Format | None:
    """The format registered for the path's suffix (any case), or None."""
    return _FORMATS.get(Path(path).suffix.lower())


def suffixes() -> tuple[str, ...]:
    """The registered suffixes, in registration order."""
    return tuple(_FORMATS)
