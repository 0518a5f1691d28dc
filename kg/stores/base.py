"""One store interface; two real implementations (embedded kglite, Neo4j 5).

Callers speak Cypher through four verbs — `read`, `write`, `write_batches`, `write_all` — and get
plain Python values back (dicts, lists, str, int, float, bool, None), the same on both stores.
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


class QueryTooLarge(QueryError):
    """A read needed more memory or work than a query may use, and was stopped."""


@dataclass(frozen=True)
class QueryLimits:
    """Bounds for a read that a user typed (`kg cypher`, the dashboard's console) or that a page
    runs: wall time, rows kept, and the engine's work or memory budget. From the environment:
    KG_QUERY_TIMEOUT_S, KG_QUERY_MAX_ROWS, KG_QUERY_MAX_WORK (see kg.config.Settings)."""

    timeout_s: float = 30.0
    max_rows: int = 10_000
    max_work: int = 50_000_000  # kglite work units (rows produced by matching); Neo4j bounds memory itself
    max_memory_mb: int = 2048  # embedded: the address space of the process the statement runs in
    max_result_mb: int = 64  # embedded: serialised rows handed back


@dataclass
class BoundedRows:
    rows: list[dict[str, Any]]
    truncated: bool  # more rows existed than `max_rows`; only the first `max_rows` were kept


READ_ONLY_MESSAGE = "只读模式拒绝了写操作 / refused: this is a read-only query session (use --write to change the graph)"


FILE_ACCESS_MESSAGE = ("只读查询不允许 LOAD CSV / refused: LOAD CSV reads files and URLs, which a read-only "
                       "query session does not allow")
ADMIN_MESSAGE = ("只读查询不允许管理命令 / refused: {what} is an administration command or procedure; a read-only "
                 "query may only read the graph (procedures allowed: {allowed})")
MULTI_MESSAGE = "一次只能运行一条语句 / refused: one statement at a time (remove the ';' and what follows)"
_LITERALS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.I)
# what may start a read statement, after an optional `CYPHER …` options prefix and EXPLAIN/PROFILE
_READ_START = re.compile(r"\s*(?:CYPHER\b[^\n]*?(?=\b(?:MATCH|OPTIONAL|WITH|UNWIND|RETURN|CALL|EXPLAIN|PROFILE)\b))?"
                         r"\s*(?:(?:EXPLAIN|PROFILE)\s+)?(?P<word>[A-Za-z]+)", re.I)
_READ_WORDS = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL",
                         # writes: the engines refuse them in a read transaction with their own message
                         "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "FOREACH", "LOAD"})
_ADMIN_WORDS = frozenset({"SHOW", "TERMINATE", "GRANT", "DENY", "REVOKE", "ALTER", "START", "STOP", "USE",
                          "DROP", "RENAME", "ENABLE", "DEALLOCATE", "REALLOCATE", "DRYRUN"})
_SCHEMA_SHOW = re.compile(r"SHOW\s+(?:(?:ALL|RANGE|FULLTEXT|TEXT|POINT|VECTOR|LOOKUP)\s+)?INDEX(?:ES)?"
                          r"|SHOW\s+(?:ALL\s+)?CONSTRAINTS?", re.I)
_CALL = re.compile(r"\bCALL\b\s*(?P<name>[A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*)?", re.I)
# administration words anywhere (not as a property, parameter or map key): SHOW … YIELD … TERMINATE …
_ADMIN_ANYWHERE = re.compile(r"(?<![.$\w])(?P<word>SHOW|TERMINATE|GRANT|DENY|REVOKE|ALTER|USE|DROP|RENAME"
                             r"|DEALLOCATE|REALLOCATE|CREATE\s+(?:OR\s+REPLACE\s+)?(?:USER|ROLE|DATABASE|ALIAS"
                             r"|COMPOSITE|SERVER))\b(?!\s*:)", re.I)
# read procedures a console user may call (Neo4j names; kglite knows the full-text one)
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships", "dbms.components",
})


def check_read_statement(query: str) -> None:
    """Refuse, before the engine sees it, what a read-only session must not run although the
    engine would: LOAD CSV (reads files and URLs), administration commands (SHOW …, TERMINATE
    TRANSACTIONS, user and database commands — Neo4j Community has no roles to stop them; SHOW
    INDEXES and SHOW CONSTRAINTS alone are allowed) and
    procedures outside READ_PROCEDURES (dbms.listConfig, db.clearQueryCaches …). Writes are left to
    the engines, which refuse them in read transactions. Literals and comments are ignored."""
    code = _LITERALS.sub(" ", query)
    if _LOAD_CSV.search(code):
        raise ReadOnlyViolation(FILE_ACCESS_MESSAGE)
    stripped = code.strip().rstrip(";").strip()
    if ";" in stripped:
        raise ReadOnlyViolation(MULTI_MESSAGE)
    if _SCHEMA_SHOW.fullmatch(stripped):
        return  # the schema's own indexes and constraints: a read that reveals nothing else
    allowed = ", ".join(sorted(READ_PROCEDURES))
    start = _READ_START.match(stripped)
    word = start.group("word").upper() if start else ""
    if word in _ADMIN_WORDS or (word and word not in _READ_WORDS):
        raise ReadOnlyViolation(ADMIN_MESSAGE.format(what=f"'{word}'", allowed=allowed))
    admin = _ADMIN_ANYWHERE.search(stripped)
    if admin:
        raise ReadOnlyViolation(ADMIN_MESSAGE.format(what=f"'{admin.group('word').upper()}'", allowed=allowed))
    for call in _CALL.finditer(stripped):
        rest = stripped[call.end():].lstrip()
        name = re.sub(r"\s+", "", call.group("name") or "")
        if not name and rest[:1] in ("{", "("):
            continue  # a subquery: CALL { … } or CALL (x) { … }
        if name.lower() not in READ_PROCEDURES:
            raise ReadOnlyViolation(ADMIN_MESSAGE.format(what=f"CALL {name or stripped[call.end():][:20].strip()}",
                                                         allowed=allowed))


def refuse_file_access(query: str) -> None:
    """Kept for callers of the first version: see `check_read_statement`."""
    check_read_statement(query)


class GraphStore(abc.ABC):
    dialect: Dialect
    name: str

    # --- the four verbs ---------------------------------------------------------------------
    @abc.abstractmethod
    def read(self, query: str, params: dict[str, Any] | None = None, *, timeout_s: float | None = None) -> list[Row]:
        """Run `query` in a read-only transaction; the engine refuses writes (LOAD CSV,
        administration commands and unlisted procedures are refused before it reaches the engine,
        see `check_read_statement`). With `timeout_s` it is stopped (QueryTimeout) when it runs longer."""

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
