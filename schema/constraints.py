"""Store-side schema: uniqueness of `id` for every label, lookup indexes, full-text indexes.

Both stores get the same statements except where an engine differs, and each difference is
spelled out here, once:

* Full-text analyzer. Chinese has no spaces, so every searchable node carries a `search` field
  holding its text segmented into words (see `extractors.segment`), lower-cased, punctuation
  removed, joined by single spaces. Neo4j's default analyzer would split CJK text into single
  characters, so Neo4j indexes with the `whitespace` analyzer; kglite's only tokenizer
  (standard-no-stop-words) splits on spaces and punctuation, which on such a field yields the
  same tokens. Same field + same tokens = same hits on both stores.
* kglite's full-text index covers one node label (its primary type); entity nodes are therefore
  created as `:Entity` and given their type label as a second label, on both stores.
"""
from __future__ import annotations

from typing import Literal

from schema.vocabulary import NODE_TYPES

Dialect = Literal["neo4j", "embedded"]

# Full-text indexes: name -> (label, property). Named queries call them by these names.
FULLTEXT_INDEXES: dict[str, tuple[str, str]] = {
    "passage_search": ("Passage", "search"),
    "entity_search": ("Entity", "search"),
}

# Lookup indexes: (label, property)
LOOKUP_INDEXES: tuple[tuple[str, str], ...] = (
    ("Passage", "doc_id"),
    ("Recommendation", "doc_id"),
    ("Entity", "name"),
    ("Document", "sha256"),
    ("Document", "year"),
    ("Indicator", "code"),
    ("ResearchDirection", "code"),
    ("Recommendation", "fact_key"),
    ("Entity", "fact_key"),
    ("Review", "fact_key"),
)

UNIQUE_ID_LABELS: tuple[str, ...] = ("Entity",) + tuple(n.name for n in NODE_TYPES)


def schema_statements(dialect: Dialect) -> list[str]:
    """The Cypher statements that create constraints and indexes (idempotent: IF NOT EXISTS)."""
    statements = [
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in UNIQUE_ID_LABELS
    ]
    statements += [
        f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
        for label, prop in LOOKUP_INDEXES
    ]
    for name, (label, prop) in FULLTEXT_INDEXES.items():
        statement = f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR (n:{label}) ON EACH [n.{prop}]"
        if dialect == "neo4j":
            statement += " OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}"
        statements.append(statement)
    return statements

