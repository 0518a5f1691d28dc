"""Gazetteers: real names and aliases from `seed_data/gazetteers/*.tsv`, matched with an
Aho–Corasick automaton over the simplified shadow text.

Each TSV has the header `name	aliases	generic	note`; aliases are separated by `|`. The folder is
the bundled `seed_data/gazetteers`, or the one KG_GAZETTEER_DIR names. A missing file or folder
and a bad row fail loudly with the path (and line): RulesError, as for every rules-as-data file,
never an empty or partial gazetteer.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from extractors.rules import RulesError, tsv_rows
from extractors.shadow import to_simplified
from schema.vocabulary import GAZETTEER_FILES  # file name -> label
from schema.settings import load_settings
from seed_data import require, resource



def gazetteer_dir() -> Path:
    return load_settings().kg_gazetteer_dir or resource("gazetteers")


@dataclass(frozen=True)
class Entry:
    label: str
    canonical: str  # the entity's canonical name
    generic: bool
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    start: int  # in the shadow text
    end: int
    surface: str
    entry: Entry


class Gazetteer:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.by_name: dict[str, Entry] = {}
        for entry in entries:  # canonical names first, so an alias never shadows a name
            self.by_name.setdefault(to_simplified(entry.canonical), entry)
        for entry in entries:
            for alias in entry.aliases:
                self.by_name.setdefault(to_simplified(alias), entry)
        self._automaton = ahocorasick.Automaton()
        for name, entry in self.by_name.items():
            self._automaton.add_word(name, (name, entry))
        if self.by_name:
            self._automaton.make_automaton()

    def all_names(self) -> Iterator[str]:
        return iter(self.by_name)

    def lookup(self, name: str) -> Entry | None:
        return self.by_name.get(to_simplified(name))

    def find(self, shadow: str) -> list[Hit]:
        """Every occurrence of every name (overlaps included; the caller picks the longest)."""
        if not self.by_name:
            return []
        hits = []
        for end_index, (name, entry) in self._automaton.iter(shadow):
            start = end_index - len(name) + 1
            end = end_index + 1
            if name.isascii() and not _ascii_bounded(shadow, start, end):
                continue
            hits.append(Hit(start, end, name, entry))
        return hits


def _ascii_bounded(text: str, start: int, end: int) -> bool:
    """An ASCII name stands alone: no letter or digit touches it, nor a hyphen joining it to one (CAST-USA)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    joined_after = after == "-" and text[end + 1:end + 2].isascii() and text[end + 1:end + 2].isalnum()
    joined_before = before == "-" and start > 1 and text[start - 2].isascii() and text[start - 2].isalnum()
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum()) \
        and not joined_after and not joined_before


def read_tsv(path: Path, label: str) -> list[Entry]:
    """The entries of one gazetteer file; RulesError (`file:line: reason`) for a missing file, a
    wrong header or a bad row (columns, an empty name, `generic` not true or false)."""
    entries = []
    for where, row in tsv_rows(path, ["name", "aliases", "generic"], "the gazetteer"):
        if not 3 <= len(row) <= 4:
            raise RulesError(f"{where}: expected name, aliases, generic (and a note), got {len(row)} columns")
        name, aliases, generic = row[0].strip(), row[1], row[2].strip().lower()
        if not name:
            raise RulesError(f"{where}: empty name")
        if generic not in ("true", "false"):
            raise RulesError(f"{where}: generic must be true or false, got {row[2]!r}")
        entries.append(Entry(label=label, canonical=name, generic=generic == "true",
                             aliases=tuple(a.strip() for a in aliases.split("|") if a.strip())))
    return entries


@cache
def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    directory = require(directory or gazetteer_dir(), "the gazetteer")
    entries: list[Entry] = []
    for filename, label in GAZETTEER_FILES.items():
        entries.extend(read_tsv(directory / filename, label))
    return Gazetteer(entries)
