"""Neo4j 5 through the official driver: `bolt://`, `neo4j://` (routing) and `neo4j+s://` (Aura).

Writes run as managed transactions (`execute_write`, retried by the driver on transient errors);
reads run in READ-mode sessions with `execute_read`, so the server itself refuses any write.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

import neo4j
from neo4j import exceptions as nx
from neo4j.graph import Node, Path, Relationship

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


# the driver logs each retry of a lost connection; kg says once, plainly, what happened (StoreUnavailable)
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False

CONNECT_TIMEOUT_S = 5.0
RETRY_TIME_S = 5.0
_USERINFO = re.compile(r"(?<=://)[^/@\s]*@")


def redact(text: str) -> str:
    """A URI (or a message holding one) without its user:password@ part."""
    return _USERINFO.sub("***@", text)


class Neo4jStore(GraphStore):
    dialect = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j") -> None:
        self.uri = redact(uri)  # what messages show: never a password written into the URI
        self.database = database
        self.name = f"Neo4j {self.uri} (database {database})"
        shown = self.uri
        hint = (f"检查 NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE "
                f"(check that Neo4j runs at {shown}, the credentials, and the database name)")
        try:
            # notifications (e.g. "property key does not exist" on a graph without some facts) are
            # expected here and would flood stderr
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password), notifications_min_severity="OFF",
                # a server that went away is reported in seconds, not after a minute of retries
                connection_timeout=CONNECT_TIMEOUT_S, connection_acquisition_timeout=2 * CONNECT_TIMEOUT_S,
                max_transaction_retry_time=RETRY_TIME_S)
            self._driver.verify_connectivity()
            with self._driver.session(database=database) as session:
                session.run("RETURN 1").consume()
        except nx.AuthError as exc:
            self._close_quietly()
            raise StoreUnavailable(f"Neo4j 认证失败 / authentication failed for user {user!r} at {shown}: {hint}") from exc
        except (nx.ServiceUnavailable, nx.SessionExpired, OSError) as exc:
            self._close_quietly()
            raise StoreUnavailable(f"无法连接 Neo4j / cannot reach Neo4j at {shown}: {hint}") from exc
        except nx.ClientError as exc:
            self._close_quietly()
            raise StoreUnavailable(f"Neo4j 拒绝了连接 / Neo4j refused: {exc.message}; {hint}") from exc
        except (nx.ConfigurationError, ValueError) as exc:
            self._close_quietly()
            raise StoreUnavailable(f"Neo4j URI 无效 / invalid NEO4J_URI {shown!r}: {redact(str(exc))}") from exc

    def _close_quietly(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()

    # --- the verbs --------------------------------------------------------------------------
    def read(self, query: str, params: dict[str, Any] | None = None, *, timeout_s: float | None = None) -> list[Row]:
        check_read_statement(query)

        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            return [_plain_record(r) for r in tx.run(query, params or {})]

        if timeout_s:
            work = neo4j.unit_of_work(timeout=timeout_s)(work)
        with self._session(neo4j.READ_ACCESS) as session:
            return self._call(session.execute_read, work)

    def read_bounded(self, query: str, params: dict[str, Any] | None, limits: QueryLimits) -> BoundedRows:
        """One explicit READ transaction with the server's own timeout, never retried (a managed
        transaction would retry a memory error for half a minute); records are pulled in batches
        and no more than `max_rows` are fetched. The server bounds the transaction's memory
        (`db.memory.transaction.max`, set by `kg neo4j start`)."""
        check_read_statement(query)
        rows: list[Row] = []
        truncated = False
        with self._session(neo4j.READ_ACCESS) as session:
            try:
                with session.begin_transaction(timeout=limits.timeout_s) as tx:
                    for record in tx.run(query, params or {}):
                        if len(rows) >= limits.max_rows:
                            truncated = True
                            break
                        rows.append(_plain_record(record))
                    tx.rollback()
            except nx.Neo4jError as exc:
                raise self._bounded_error(exc, limits) from exc
            except (nx.ServiceUnavailable, nx.SessionExpired) as exc:
                raise StoreUnavailable(f"Neo4j 连接中断 / lost the connection to {self.uri}: {exc}") from exc
            except nx.DriverError as exc:
                raise QueryError(f"Neo4j: {exc}") from exc
        return BoundedRows(rows, truncated)

    def _bounded_error(self, exc: nx.Neo4jError, limits: QueryLimits) -> Exception:
        code = exc.code or ""
        if "TransactionTimedOut" in code or "Terminated" in code:
            return QueryTimeout.after(limits.timeout_s)
        if "MemoryPoolOutOfMemory" in code or "OutOfMemory" in code:
            return QueryTooLarge.beyond("the memory the server allows a transaction", "")
        if isinstance(exc, nx.CypherSyntaxError):
            return QueryError(f"Cypher 语法错误 / syntax error: {exc.message}")
        if _is_write_refusal(exc):
            return ReadOnlyViolation(READ_ONLY_MESSAGE)
        return QueryError(f"Neo4j: {exc.message or code}")

    def write_all(self, statements: Sequence[Statement]) -> None:
        def work(tx: neo4j.ManagedTransaction) -> None:
            for query, params in statements:
                tx.run(query, params).consume()

        with self._session(neo4j.WRITE_ACCESS) as session:
            self._call(session.execute_write, work)

    def _write_returning(self, query: str, params: dict[str, Any]) -> list[Row]:
        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            return [_plain_record(r) for r in tx.run(query, params)]

        with self._session(neo4j.WRITE_ACCESS) as session:
            return self._call(session.execute_write, work)

    def apply_schema(self) -> None:
        from schema.constraints import schema_statements

        with self._session(neo4j.WRITE_ACCESS) as session:
            for statement in schema_statements(self.dialect):
                self._call(session.run, statement)
            self._call(session.run, "CALL db.awaitIndexes(300)")

    def drop_index(self, name: str) -> None:
        with self._session(neo4j.WRITE_ACCESS) as session:
            self._call(session.run, f"DROP INDEX {index_name(name)} IF EXISTS")

    def wipe(self) -> None:
        """In bounded transactions: a graph of a million nodes does not fit in one."""
        while self.write("MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS c")[0]["c"]:
            pass
        while self.write("MATCH (n) WITH n LIMIT 50000 DETACH DELETE n RETURN count(*) AS c")[0]["c"]:
            pass

    def close(self) -> None:
        self._driver.close()

    # --- helpers ----------------------------------------------------------------------------
    def _session(self, mode: str) -> neo4j.Session:
        return self._driver.session(database=self.database, default_access_mode=mode)

    def _call(self, fn: Any, *args: Any) -> Any:
        try:
            result = fn(*args)
            if isinstance(result, neo4j.Result):
                result.consume()
            return result
        except nx.CypherSyntaxError as exc:
            raise QueryError(f"Cypher 语法错误 / syntax error: {exc.message}") from exc
        except (nx.ClientError, nx.ForbiddenOnReadOnlyDatabase) as exc:
            if _is_write_refusal(exc):
                raise ReadOnlyViolation(READ_ONLY_MESSAGE) from exc
            if exc.code and "DatabaseNotFound" in exc.code:
                raise StoreUnavailable(
                    f"Neo4j 数据库不存在 / database {self.database!r} does not exist at {self.uri}: check NEO4J_DATABASE"
                ) from exc
            raise QueryError(exc.message or str(exc)) from exc
        except (nx.ServiceUnavailable, nx.SessionExpired) as exc:
            raise StoreUnavailable(f"Neo4j 连接中断 / lost the connection to {self.uri}: {exc}") from exc


def _is_write_refusal(exc: nx.Neo4jError) -> bool:
    code = exc.code or ""
    message = (exc.message or "").lower()
    return (
        "ForbiddenDueToTransactionType" in code
        or "AccessMode" in code
        or "write operations are not allowed" in message
        or "not allowed in read" in message
        or "read access mode" in message
        or isinstance(exc, nx.ForbiddenOnReadOnlyDatabase)
    )


def _plain_record(record: neo4j.Record) -> Row:
    return {key: _plain(record[key]) for key in record.keys()}


def _plain(value: Any) -> Any:
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), "_element_id": value.element_id,
                **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, "_element_id": value.element_id,
                "_start": value.start_node.element_id if value.start_node else None,
                "_end": value.end_node.element_id if value.end_node else None,
                **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes],
                "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j temporal types
        return value.iso_format()
    return value
