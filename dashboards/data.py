"""Store access for the pages: one store per configuration and server process, named queries only.

* `connection()` opens the configured store once (`st.cache_resource`); a failure is not cached,
  so a store that comes back is picked up on the next page run.
* `Connection.refresh()` runs at the top of every page run: the embedded reader reloads when
  `kg ingest` has written a newer checkpoint, and the query cache moves to a new generation.
* `query(name, **params)` runs a named query from `kg/queries/` (results cached briefly per
  generation); `read(cypher, params)` is for the Cypher console only.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from kg import queries
from kg.stores import GraphStore, open_store
from kg.stores.base import BoundedRows, QueryLimits
from schema.settings import Settings, load_settings

QUERY_TTL_SECONDS = 60  # Neo4j can change under us; the embedded store bumps the generation instead


@dataclass
class Connection:
    store: GraphStore
    key: tuple
    generation: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def refresh(self) -> None:
        with self._lock:
            if self.store.refresh():
                self.generation += 1

    def describe(self) -> str:
        return self.store.describe()


def settings_key(settings: Settings) -> tuple:
    return (settings.kg_store, str(settings.graph_path.resolve()), settings.neo4j_uri, settings.neo4j_user,
            settings.neo4j_database)


@st.cache_resource(show_spinner=False)
def _open(key: tuple, _settings: Settings) -> Connection:
    return Connection(store=open_store(_settings), key=key)


def connection() -> Connection:
    """The store of the current configuration (raises StoreError with a user-facing message)."""
    settings = load_settings()
    return _open(settings_key(settings), settings)


def query(name: str, **params: Any) -> list[dict[str, Any]]:
    conn = connection()
    return _cached(conn.key, conn.generation, name, tuple(sorted(params.items())))


@st.cache_data(ttl=QUERY_TTL_SECONDS, show_spinner=False, max_entries=1024)
def _cached(key: tuple, generation: int, name: str, params: tuple) -> list[dict[str, Any]]:
    return queries.run(connection().store, name, timeout_s=load_settings().kg_query_timeout_s, **dict(params))


def read(cypher: str, params: dict[str, Any] | None = None, max_rows: int | None = None) -> BoundedRows:
    """Run user Cypher read-only and bounded (time, rows, memory: KG_QUERY_*): the engine refuses
    writes with ReadOnlyViolation; at most `max_rows` rows come back (what the page shows)."""
    settings = load_settings()
    limits = QueryLimits.from_settings(settings, **({"max_rows": min(max_rows, settings.kg_query_max_rows)} if max_rows else {}))
    return connection().store.read_bounded(cypher, params or {}, limits)


def prepare_read() -> None:
    """Have the store get ready for `read` (the embedded store loads the graph in the child process
    typed reads run in, in the background: seconds on a large graph), so the first typed read does
    not wait for it."""
    prepare = getattr(connection().store, "prepare_bounded", None)
    if prepare is not None:
        prepare(QueryLimits.from_settings(load_settings()))


def library() -> dict[str, queries.NamedQuery]:
    return queries.library()


@contextmanager
def writing() -> Iterator[GraphStore]:
    """The dashboard's only writes (review decisions, merges) go through here: a writer store for the
    moment of the write — on the embedded store it takes the writer lease, so it fails with a plain
    message while `kg ingest` holds it — then a checkpoint, and the readers and the query cache move on.
    The Cypher console never comes here: it stays read-only."""
    writer = open_store(load_settings(), writer=True)
    try:
        yield writer
        writer.checkpoint()
    finally:
        writer.close()
    conn = connection()
    conn.refresh()
    conn.generation += 1  # every cached query result predates the write


def record(fact_key: str, status: str, *, value: str | None = None, note: str = "", by: str = "") -> None:
    """A drafter's decision about a fact (`status` verified / rejected / corrected, or `clear` to
    remove it), through `kg.review` with parameters only."""
    from kg.review import Decision, clear_decision, set_decision

    with writing() as writer:
        if status == "clear":
            clear_decision(writer, fact_key)
        else:
            set_decision(writer, Decision(fact_key=fact_key, status=status, value=value, note=note,  # type: ignore[arg-type]
                                          by=by))


def resolve(action: str, label: str, name: str, into: str = "", by: str = "") -> None:
    """Entity resolution: merge `name` into `into`, or split `name` off again (`kg.resolution`:
    recorded with who and when, and the documents that name them read again from their files)."""
    from kg.resolution import merge_entities, split_entity

    with writing() as writer:
        if action == "merge":
            merge_entities(writer, label, name, into, by=by)
        else:
            split_entity(writer, label, name)
