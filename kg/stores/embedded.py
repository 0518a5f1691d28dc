"""The embedded default: kglite (Rust core, pip-installable, Cypher as written for Neo4j 5).

One writer process per graph file: `kglite.open(path)` takes a cross-process writer lease;
readers use `kglite.load(path)` and take none, seeing the last checkpoint. So a writer calls
`checkpoint()` (kglite `save()`) at the end of an ingest and at intervals during a long one, and a
reader calls `refresh()` to pick up a newer checkpoint.

Durability `normal` by default: a committed write survives the process being killed (SIGKILL,
OOM) because it is in the OS page cache before the call returns; it may not survive power loss.
The graph is rebuilt from source files by `kg ingest`, so the per-commit fsync of `full` buys
little here and costs a barrier per commit. Set `KG_DURABILITY=full` to get it anyway.

Differences from Neo4j isolated here:
* kglite adds display properties `type` and `title` to every node; they are stripped from
  returned nodes (except a Document's own `title`).
* errors map onto the store's error classes.
"""
from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import kglite

from kg.stores.base import (
    READ_ONLY_MESSAGE,
    BoundedRows,
    GraphStore,
    QueryError,
    QueryLimits,
    QueryTimeout,
    QueryTooLarge,
    ReadOnlyViolation,
    Row,
    Statement,
    StoreUnavailable,
    index_name,
)
from kg.stores.readonly import check_read_statement

# Warnings such as "unknown label" are expected on a graph that lacks some kinds of fact.
kglite.set_query_warning_policy("silent")
# kglite notes on a save that some string columns have no memory-mapped form and are held on the
# heap when loaded: expected for this graph (it is loaded whole anyway), not the user's business
warnings.filterwarnings("ignore", category=kglite.MappedFallbackWarning)


class EmbeddedStore(GraphStore):
    dialect = "embedded"

    def __init__(self, path: Path, *, writer: bool = False, durability: str = "normal") -> None:
        self.path = Path(path)
        self.writer = writer
        self.name = f"embedded kglite {kglite.__version__} ({self.path})"
        self._loaded_mtime: float | None = None
        self._dirty = False  # written since the last save (writers)
        if writer:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._graph = kglite.open(str(self.path), durable=durability)
            except kglite.WriterLeaseHeldError as exc:
                raise StoreUnavailable(
                    f"图数据库正被另一个写入进程占用 / {self.path} is being written by another process "
                    f"(one writer at a time): {exc}"
                ) from exc
            except (kglite.KgError, OSError) as exc:
                raise StoreUnavailable(f"cannot open the embedded graph {self.path}: {exc}") from exc
        else:
            self._graph = self._load()

    # --- reading ----------------------------------------------------------------------------
    def _load(self) -> Any:
        if not self.path.exists():
            self._loaded_mtime = None
            return kglite.KnowledgeGraph()
        try:
            self._loaded_mtime = self.path.stat().st_mtime
            return kglite.load(str(self.path))
        except (kglite.KgError, OSError) as exc:
            raise StoreUnavailable(f"cannot load the embedded graph {self.path}: {exc}") from exc

    def refresh(self) -> bool:
        if self.writer:
            return False
        mtime = self.path.stat().st_mtime if self.path.exists() else None
        if mtime == self._loaded_mtime:
            return False
        self._graph = self._load()
        return True

    def read(self, query: str, params: dict[str, Any] | None = None, *, timeout_s: float | None = None) -> list[Row]:
        check_read_statement(query)
        options = {"timeout_ms": max(1, int(timeout_s * 1000))} if timeout_s else {}
        tx = self._graph.begin_read()
        try:
            rows = self._run(tx, query, params or {}, **options)
        finally:
            tx.rollback()
        return rows

    def read_bounded(self, query: str, params: dict[str, Any] | None, limits: QueryLimits) -> BoundedRows:
        """In a child process under a memory limit (`kg.stores.isolated`): kglite bounds a
        statement's time and work but not its memory, and its allocation failures abort the process.
        A writer's graph (uncommitted to disk) and a graph with no file yet are read in-process."""
        check_read_statement(query)
        if self.writer or not self.path.exists():
            return self.read_bounded_here(query, params, limits)
        from kg.stores.isolated import run_isolated

        return run_isolated(self.path, query, params or {}, limits)

    def prepare_bounded(self, limits: QueryLimits) -> None:
        """Start loading the graph in the child that `read_bounded` will use (in the background)."""
        if not self.writer and self.path.exists():
            from kg.stores.isolated import prepare

            prepare(self.path, limits)

    def read_bounded_here(self, query: str, params: dict[str, Any] | None, limits: QueryLimits) -> BoundedRows:
        """In this process. kglite stops the statement itself: `timeout_ms` (a deadline checked
        while it runs), `max_work_units` (rows produced while matching) and `row_limit` (rows kept)."""
        check_read_statement(query)
        tx = self._graph.begin_read()
        try:
            rows = self._run(tx, query, params or {}, timeout_ms=max(1, int(limits.timeout_s * 1000)),
                             max_work_units=limits.max_work, row_limit=limits.max_rows + 1)
        finally:
            tx.rollback()
        return BoundedRows(rows[: limits.max_rows], truncated=len(rows) > limits.max_rows)

    # --- writing ----------------------------------------------------------------------------
    def _require_writer(self) -> None:
        if not self.writer:
            raise ReadOnlyViolation(READ_ONLY_MESSAGE)

    def write_all(self, statements: Sequence[Statement]) -> None:
        self._require_writer()
        tx = self._graph.begin()
        try:
            for query, params in statements:
                self._run(tx, query, params)
        except BaseException:
            tx.rollback()
            raise
        tx.commit()

    def _write_returning(self, query: str, params: dict[str, Any]) -> list[Row]:
        self._require_writer()
        tx = self._graph.begin()
        try:
            rows = self._run(tx, query, params)
        except BaseException:
            tx.rollback()
            raise
        tx.commit()
        return rows

    def apply_schema(self) -> None:
        # kglite runs schema commands outside transactions
        self._require_writer()
        from schema.constraints import schema_statements

        was_dirty = self._dirty
        before = self._index_names()
        for statement in schema_statements(self.dialect):
            self._run(self._graph, statement, {})
        # schema statements that found everything in place change nothing: no save is owed for them
        self._dirty = was_dirty or self._index_names() != before or not self.path.exists()

    def drop_index(self, name: str) -> None:
        # outside a transaction, as kglite runs schema commands
        self._require_writer()
        self._run(self._graph, f"DROP INDEX {index_name(name)} IF EXISTS", {})

    def wipe(self) -> None:
        self.write("MATCH (n) DETACH DELETE n")  # the whole graph is in memory: one transaction holds it

    def _index_names(self) -> list[str]:
        return sorted(str(r.get("name")) for r in self._indexes())

    def _indexes(self) -> list[Row]:
        tx = self._graph.begin_read()
        try:
            return self._run(tx, "SHOW INDEXES", {})
        finally:
            tx.rollback()

    def checkpoint(self) -> None:
        """Save when something was written since the last save. A save of a graph that did not
        change is not free: kglite rewrites a reloaded graph's string columns in their raw form,
        so saving after a no-op re-ingest grew the file fourfold (4.3 MB -> 17.9 MB on 400 documents)."""
        if self.writer and self._dirty:
            self._refresh_text_indexes()
            self._graph.save()
            self._dirty = False

    def _refresh_text_indexes(self) -> None:
        """Rebuild a full-text index that fell behind: kglite folds writes into a text index when a
        query reads it only while they are under its refresh limit (about a thousand); past that the
        index serves what it had (a 178-document ingest left search returning nothing)."""
        for row in self._indexes():
            if row.get("type") == "FULLTEXT" and row.get("stale"):
                try:
                    self._graph.build_text_index(row["labelsOrTypes"][0], row["properties"][0], name=row["name"])
                except (ValueError, kglite.KgError):
                    pass  # no node has the property yet: nothing to index, the index stays as it is

    def close(self) -> None:
        """A writer saves what it wrote and closes. With nothing written it only lets go of the
        graph (which releases the writer lease): kglite's `close()` saves, and that save alone
        grew an unchanged file (375 KB -> 618 KB on 30 documents; 4.3 MB -> 17.9 MB on 400)."""
        if self.writer and self._graph is not None and self._dirty:
            self.checkpoint()
            close = getattr(self._graph, "close", None)
            if close:
                close()
        self._graph = None

    # --- engine values and errors -----------------------------------------------------------
    def _run(self, target: Any, query: str, params: dict[str, Any], **options: Any) -> list[Row]:
        try:
            with warnings.catch_warnings():  # row_limit truncation warns; the caller reports it
                warnings.simplefilter("ignore")
                result = target.cypher(query, params=params or None, **options)
        except kglite.ReadOnlyError as exc:
            raise ReadOnlyViolation(READ_ONLY_MESSAGE) from exc
        except kglite.CypherSyntaxError as exc:
            raise QueryError(f"Cypher 语法错误 / syntax error: {exc}") from exc
        except kglite.CypherTimeoutError as exc:
            raise QueryTimeout.after(options.get("timeout_ms", 0) / 1000) from exc
        except kglite.KgError as exc:
            if _is_write_refusal(str(exc)):
                raise ReadOnlyViolation(READ_ONLY_MESSAGE) from exc
            if "max_work_units" in str(exc):  # a read's bound (KG_QUERY_MAX_WORK), or kglite's own for a write
                bound = options.get("max_work_units")
                what = f"{bound:,} intermediate rows" if bound else "kglite's limit of intermediate rows"
                raise QueryTooLarge.beyond(what, "KG_QUERY_MAX_WORK" if bound else "") from exc
            raise QueryError(str(exc)) from exc
        is_read = getattr(target, "is_read_only", False)  # a transaction's flag (a property in kglite 0.21)
        if self.writer and not (is_read() if callable(is_read) else is_read):
            self._dirty = True  # anything not run in a read transaction may have changed the graph
        if result is None:
            return []
        return [{k: _plain(v) for k, v in row.items()} for row in result.to_list()]


def _is_write_refusal(message: str) -> bool:
    lowered = message.lower()
    return "read-only" in lowered or "read only" in lowered


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        if _looks_like_node(value):
            return _node(value)
        if _looks_like_relationship(value):
            return _relationship(value)
        if set(value) == {"nodes", "relationships"}:
            return {"nodes": [_plain(n) for n in value["nodes"]],
                    "relationships": [_plain(r) for r in value["relationships"]]}
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _looks_like_node(value: dict) -> bool:
    return set(value) == {"id", "labels", "properties"}


def _looks_like_relationship(value: dict) -> bool:
    return set(value) == {"id", "start", "end", "type", "properties"}


def _node(value: dict) -> dict:
    labels = sorted(value["labels"])
    props = dict(value["properties"])
    props.pop("type", None)
    if "Document" not in labels:
        props.pop("title", None)
    return {"_labels": labels, "_element_id": f"n{value['id']}", **{k: _plain(v) for k, v in props.items()}}


def _relationship(value: dict) -> dict:
    props = dict(value["properties"])
    props.pop("type", None)
    return {"_type": value["type"], "_element_id": f"r{value['id']}",
            "_start": f"n{value['start']}", "_end": f"n{value['end']}",
            **{k: _plain(v) for k, v in props.items()}}


def graph_file_exists(path: Path) -> bool:
    return Path(path).exists() or Path(f"{path}-wal").exists()

