"""One store interface; two real implementations (embedded kglite, Neo4j 5).

Callers speak Cypher through four verbs — `read`, `write`, `write_batches`, `write_all` — and get
plain Python values back (dicts, lists, str, int, float, bool, None), the same on both stores.
Besides them: the schema (`apply_schema`, `drop_index`), `wipe`, `checkpoint`/`refresh`, `close`.
Whatever differs between the engines lives in the subclasses, nowhere else.
"""
from __future__ import annotations

import abc
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from schema.constraints import Dialect, schema_statements
from schema.settings import Settings

Row = dict[str, Any]
Statement = tuple[str, dict[str, Any]]


class StoreError(Exception):
    """A failure of the store, with a message a user can act on (no stack trace needed)."""


class StoreUnavailable(StoreError):
    """The store cannot be reached or opened (server down, wrong password, no such database)."""


class ReadOnlyViolation(StoreError):
    """A write was attempted in a read-only transaction."""


class QueryError(StoreError):
    """The engine rejected the query (syntax, unknown procedure, type error …)."""


class QueryTimeout(QueryError):
    """A read ran past its time limit and was stopped."""

    @classmethod
    def after(cls, seconds: float) -> "QueryTimeout":
        return cls(f"查询超时 / stopped: the query ran longer than {seconds:g} s (narrow it with a MATCH on an id "
                   "or name, add LIMIT, or raise KG_QUERY_TIMEOUT_S)")


class QueryTooLarge(QueryError):
    """A read needed more memory or work than a query may use, and was stopped."""

    @classmethod
    def beyond(cls, what: str, setting: str) -> "QueryTooLarge":
        """`what` the query needed more of, and the setting that raises the bound (or "")."""
        raise_it = f", or raise {setting}" if setting else ""
        return cls(f"查询过大 / stopped: the query needed more than {what} (a cartesian product or an unbounded "
                   f"path?); narrow it or add LIMIT{raise_it}")


@dataclass(frozen=True)
class QueryLimits:
    """Bounds for a read that a user typed (`kg cypher`, the dashboard's console) or that a page
    runs: wall time, rows kept, and the engine's work or memory budget. From the environment:
    KG_QUERY_TIMEOUT_S, KG_QUERY_MAX_ROWS, KG_QUERY_MAX_WORK (see schema.settings.Settings)."""

    timeout_s: float = 30.0
    max_rows: int = 10_000
    max_work: int = 50_000_000  # kglite work units (rows produced by matching); Neo4j bounds memory itself
    max_memory_mb: int = 2048  # embedded: the address space a statement's process may take beyond the loaded graph
    max_result_mb: int = 64  # embedded: serialised rows handed back

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> "QueryLimits":
        values = {"timeout_s": settings.kg_query_timeout_s, "max_rows": settings.kg_query_max_rows,
                  "max_work": settings.kg_query_max_work, "max_memory_mb": settings.kg_query_max_memory_mb}
        return cls(**(values | overrides))


@dataclass
class BoundedRows:
    rows: list[dict[str, Any]]
    truncated: bool  # more rows existed than `max_rows`; only the first `max_rows` were kept


READ_ONLY_MESSAGE = "只读模式拒绝了写操作 / refused: this is a read-only query session (use --write to change the graph)"


class GraphStore(abc.ABC):
    dialect: Dialect
    name: str

    # --- the four verbs ---------------------------------------------------------------------
    @abc.abstractmethod
    def read(self, query: str, params: dict[str, Any] | None = None, *, timeout_s: float | None = None) -> list[Row]:
        """Run `query` in a read-only transaction; the engine refuses writes (LOAD CSV,
        administration commands and unlisted procedures are refused before it reaches the engine,
        see `kg.stores.readonly`). With `timeout_s` it is stopped (QueryTimeout) when it runs longer."""

    @abc.abstractmethod
    def read_bounded(self, query: str, params: dict[str, Any] | None, limits: QueryLimits) -> BoundedRows:
        """Run a read a user typed within `limits`: stopped with QueryTimeout after
        `limits.timeout_s`, QueryTooLarge when it needs more work or memory than allowed, and at
        most `limits.max_rows` rows kept (the rest are never fetched)."""

    @abc.abstractmethod
    def write_all(self, statements: Sequence[Statement]) -> None:
        """Run the statements in one write transaction: all of them or none."""

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        """Run one statement in a write transaction and return its rows."""
        return self._write_returning(query, params or {})

    def write_batches(self, query: str, rows: Iterable[Row], batch_size: int = 5000) -> int:
        """`UNWIND $rows AS row …` in batches (one round trip per batch, never per row)."""
        batch: list[Row] = []
        total = 0
        for row in rows:
            batch.append(row)
            if len(batch) >= batch_size:
                self.write_all([(query, {"rows": batch})])
                total += len(batch)
                batch = []
        if batch:
            self.write_all([(query, {"rows": batch})])
            total += len(batch)
        return total

    @abc.abstractmethod
    def _write_returning(self, query: str, params: dict[str, Any]) -> list[Row]: ...

    # --- lifecycle --------------------------------------------------------------------------
    def apply_schema(self) -> None:
        """Create constraints and indexes (idempotent)."""
        for statement in schema_statements(self.dialect):
            self.write_all([(statement, {})])

    @abc.abstractmethod
    def drop_index(self, name: str) -> None:
        """Drop the index called `name` (full-text ones too) if it exists; `apply_schema()` creates
        the schema's indexes again. Writers only."""

    @abc.abstractmethod
    def wipe(self) -> None:
        """Delete every node and relationship; the constraints and indexes stay. Writers only."""

    def checkpoint(self) -> None:
        """Make committed writes visible to readers that load from disk (embedded); no-op on Neo4j."""

    def refresh(self) -> bool:
        """Readers: pick up a newer graph if one was written since; True if reloaded."""
        return False

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- shared reads -----------------------------------------------------------------------
    def stats(self) -> dict[str, dict[str, int]]:
        """`{"labels": {label: count}, "relationships": {type: count}}`, keys sorted."""
        labels = self.read("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count")
        rels = self.read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count")
        return {
            "labels": {r["label"]: r["count"] for r in sorted(labels, key=lambda r: r["label"])},
            "relationships": {r["type"]: r["count"] for r in sorted(rels, key=lambda r: r["type"])},
        }

    def describe(self) -> str:
        return self.name

    def content_digest(self) -> str:
        """A hash of every node (labels, properties) and relationship (type, end ids, properties):
        equal digests mean equal graphs, whatever the store and the order of writes."""
        nodes = self.read("MATCH (n) RETURN n")
        rels = self.read("MATCH (a)-[r]->(b) RETURN a.id AS a, b.id AS b, r")
        lines = sorted(json.dumps(_strip(row["n"]), sort_keys=True, ensure_ascii=False, default=str)
                       for row in nodes)
        lines += sorted(json.dumps([row["a"], row["b"], _strip(row["r"])], sort_keys=True, ensure_ascii=False,
                                   default=str) for row in rels)
        return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


_INDEX_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def index_name(name: str) -> str:
    """`name` if it can stand unquoted in `DROP INDEX name` (it is spliced into the statement)."""
    if not _INDEX_NAME.fullmatch(name):
        raise ValueError(f"not an index name: {name!r}")
    return name


def _strip(value: dict[str, Any]) -> dict[str, Any]:
    """Drop engine-specific identity (element ids) from a node or relationship value."""
    return {k: v for k, v in value.items() if k not in ("_element_id", "_start", "_end")}


def plain(value: Any) -> Any:
    """Recursively turn engine values into plain Python values."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
