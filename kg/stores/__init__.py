"""Open the configured store: embedded kglite by default, Neo4j when `KG_STORE=neo4j`."""
from __future__ import annotations

from kg.stores.base import (
    GraphStore,
    QueryError,
    ReadOnlyViolation,
    StoreError,
    StoreUnavailable,
)
from schema.settings import Settings, load_settings


def open_store(settings: Settings | None = None, *, writer: bool = False) -> GraphStore:
    """A reader by default (no writer lease on the embedded store); `writer=True` to change the graph."""
    settings = settings or load_settings()
    if settings.kg_store == "neo4j":
        from kg.stores.neo4j_store import Neo4jStore

        if not settings.neo4j_uri:
            raise StoreUnavailable("KG_STORE=neo4j 但未设置 NEO4J_URI / KG_STORE=neo4j needs NEO4J_URI (see README)")
        if settings.neo4j_password is None:
            raise StoreUnavailable("KG_STORE=neo4j 但未设置 NEO4J_PASSWORD / KG_STORE=neo4j needs NEO4J_PASSWORD")
        return Neo4jStore(settings.neo4j_uri, settings.neo4j_user,
                          settings.neo4j_password.get_secret_value(), settings.neo4j_database)
    from kg.stores.embedded import EmbeddedStore

    return EmbeddedStore(settings.graph_path, writer=writer, durability=settings.kg_durability)


__all__ = ["GraphStore", "QueryError", "ReadOnlyViolation", "StoreError", "StoreUnavailable", "open_store"]
