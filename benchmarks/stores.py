"""The stores `kg bench` measures, opened by `kg.stores.open_store` as any caller opens them: an
embedded graph of its own in the work folder, or the Neo4j database named by NEO4J_URI (from the
environment or `.env`). That database is WIPED: the bench refuses a non-local server or a
non-empty database unless KG_BENCH_ALLOW_WIPE=1."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path
from urllib.parse import urlparse

from schema.settings import load_settings
from kg.stores import GraphStore, StoreError, open_store

KINDS = ("embedded", "neo4j")


def neo4j_uri() -> str | None:
    """The Neo4j to measure (NEO4J_URI), or None."""
    return load_settings().neo4j_uri


def default_stores() -> tuple[str, ...]:
    return KINDS if neo4j_uri() else ("embedded",)


def quiet_driver() -> None:
    """Silence the Neo4j driver's notifications: the named queries read properties that synthetic
    documents leave unset (source_url …), and the server's "property does not exist" would flood."""
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


def bench_store(kind: str, workdir: Path, name: str, *, fresh: bool = True, writer: bool = True) -> GraphStore:
    """A store to measure: the embedded graph in `workdir/store-<name>/` (removed first when
    `fresh`), or the Neo4j database (wiped when `fresh`). `writer=False`: an embedded reader of that
    graph's last checkpoint, as the dashboard reads it."""
    if kind not in KINDS:
        raise ValueError(f"unknown store {kind!r}: embedded or neo4j")
    data = _data_dir(workdir, name)
    if kind == "embedded" and fresh and writer:
        shutil.rmtree(data, ignore_errors=True)
    # durability "normal", the embedded store's default, whatever KG_DURABILITY says
    store = open_store(load_settings(kg_store=kind, kg_data_dir=data, kg_durability="normal"), writer=writer)
    if kind == "neo4j" and fresh:
        store.wipe()
    return store


def graph_megabytes(workdir: Path, name: str) -> float:
    """The size on disk of the embedded graph `bench_store(…, name)` wrote."""
    return round(sum(p.stat().st_size for p in _data_dir(workdir, name).rglob("*") if p.is_file()) / 2**20, 1)


def _data_dir(workdir: Path, name: str) -> Path:
    return Path(workdir) / f"store-{name}"


def count(store: GraphStore) -> tuple[int, int]:
    """(nodes, relationships) in the store."""
    nodes = store.read("MATCH (n) RETURN count(n) AS c")[0]["c"]
    rels = store.read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    return nodes, rels


def check_neo4j_may_be_wiped(store: GraphStore, uri: str) -> None:
    """Refuse (StoreError) a non-local server or a non-empty database, unless KG_BENCH_ALLOW_WIPE=1."""
    if load_settings().kg_bench_allow_wipe:
        return
    host = urlparse(uri).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise StoreError(f"kg bench wipes the Neo4j database; refusing a non-local server ({uri}). "
                         "Set KG_BENCH_ALLOW_WIPE=1 if it is a scratch server.")
    nodes, _ = count(store)
    if nodes:
        raise StoreError(f"kg bench wipes the Neo4j database, and {uri} holds {nodes} nodes. "
                         "Use an empty (scratch) database, or set KG_BENCH_ALLOW_WIPE=1.")
