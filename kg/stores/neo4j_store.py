"""Neo4j 5 through the official driver: `bolt://`, `neo4j://` (routing) and `neo4j+s://` (Aura).

Writes run as managed transactions (`execute_write`, retried by the driver on transient errors);
reads run in READ-mode sessions with `execute_read`, so the server itself refuses any write.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import neo4j
from neo4j import exceptions as nx
from neo4j.graph import Node, Path, Relationship

from kg.stores.base import (
    READ_ONLY_MESSAGE,
    GraphStore,
    QueryError,
    ReadOnlyViolation,
    Row,
    Statement,
    StoreUnavailable,
    refuse_file_access,
)


class Neo4jStore(GraphStore):
    dialect = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j") -> None:
        self.uri = uri
        self.database = database
        self.name = f"Neo4j {uri} (database {database})"
        hint = (f"检查 NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE "
                f"(check that Neo4j runs at {uri}, the credentials, and the database name)")
        try:
            # notifications (e.g. "property key does not exist" on a graph without some facts) are
            # expected here and would flood stderr
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), notifications_min_severity="OFF")
            self._driver.verify_connectivity()
            with self._driver.session(database=database) as session:
                session.run("RETURN 1").consume()
        except nx.AuthError as exc:
            self._close_quietly()
            raise StoreUnavailable(f"Neo4j 认证失败 / authentication failed for user {user!r} at {uri}: {hint}") from exc
        except (nx.ServiceUnavailable, nx.SessionExpired, OSError) as exc:
            self._close_quietly()
            raise StoreUnavailable(f"无法连接 Neo4j / cannot reach Neo4j at {uri}: {hint}") from exc
        except nx.ClientError as exc:
            self._close_quietly()
            raise StoreUnavailable(f"Neo4j 拒绝了连接 / Neo4j refused: {exc.message}; {hint}") from exc
        except (nx.ConfigurationError, ValueError) as exc:
            self._close_quietly()
            raise StoreUnavailable(f"Neo4j URI 无效 / invalid NEO4J_URI {uri!r}: {exc}") from exc

    def _close_quietly(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()

    # --- the verbs --------------------------------------------------------------------------
    def read(self, query: str, params: dict[str, Any] | None = None) -> list[Row]:
        refuse_file_access(query)
        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            return [_plain_record(r) for r in tx.run(query, params or {})]

        with self._session(neo4j.READ_ACCESS) as session:
            return self._call(session.execute_read, work)

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
