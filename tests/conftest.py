"""Shared fixtures: both real stores (embedded kglite in a temp dir; the Neo4j server named by
NEO4J_URI — started by `kg neo4j start` in `.ci/run`), and the extracted seed corpus."""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from kg.neo4j_server import ServerInfo
from kg.stores.base import GraphStore
from kg.stores.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seed_data"
# the marks of a module whose tests start a Neo4j server of their own (`own_server`)
OWN_SERVER_MARKS = [
    pytest.mark.neo4j,  # runs in the process of the Neo4j tests (pytest_itemcollected below)
    pytest.mark.skipif(shutil.which("java") is None or shutil.which("mvn") is None,
                       reason="needs Java 17+ and Maven (mvn) to fetch and run Neo4j"),
]


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, ServerInfo]]:
    """A Neo4j server of the module's own (`kg neo4j start` in a temporary folder), with a generated
    password: (its data folder, its ServerInfo). Stopped after the module."""
    from kg import neo4j_server as ns

    data_dir = tmp_path_factory.mktemp("kgdata")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("NEO4J_PASSWORD", raising=False)
        info = ns.start(data_dir)
        try:
            yield data_dir, info
        finally:
            ns.stop(data_dir)


def neo4j_settings() -> dict[str, str] | None:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        if os.environ.get("KG_REQUIRE_NEO4J") == "1":
            pytest.fail("KG_REQUIRE_NEO4J=1 but NEO4J_URI is not set: start Neo4j with `kg neo4j start`")
        return None
    host = urlparse(uri).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1") and os.environ.get("KG_TEST_ALLOW_WIPE") != "1":
        pytest.fail(f"refusing to wipe the Neo4j database at {uri} in tests: set KG_TEST_ALLOW_WIPE=1 if it is a test server")
    return {"uri": uri, "user": os.environ.get("NEO4J_USER", "neo4j"),
            "password": os.environ.get("NEO4J_PASSWORD", ""),
            "database": os.environ.get("NEO4J_DATABASE", "neo4j")}


def pytest_itemcollected(item: pytest.Item) -> None:
    """The suite runs on several processes (pytest-xdist, `--dist loadgroup` in scripts/test.sh);
    the tests that use the one Neo4j database (or start a server: the `neo4j` mark) all run in one
    of them, one after another. Marked as each test is collected, before xdist groups them."""
    callspec = getattr(item, "callspec", None)
    on_neo4j = (item.get_closest_marker("neo4j") is not None
                or {"neo4j_store", "neo4j_env"} & set(getattr(item, "fixturenames", ()))
                or (callspec is not None and "neo4j" in callspec.params.values()))
    if on_neo4j:
        item.add_marker(pytest.mark.xdist_group("neo4j"))


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path / "graph.kgl", writer=True)
    store.apply_schema()
    yield store
    store.close()


@pytest.fixture
def neo4j_store() -> Iterator[GraphStore]:
    settings = neo4j_settings()
    if settings is None:
        pytest.skip("NEO4J_URI is not set (the README's test command starts a real Neo4j and sets it)")
    from kg.stores.neo4j_store import Neo4jStore

    store = Neo4jStore(**settings)
    store.wipe()
    store.apply_schema()
    yield store
    store.wipe()
    store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request: pytest.FixtureRequest) -> GraphStore:
    """Each test that takes `store` runs on both real stores."""
    return request.getfixturevalue("embedded" if request.param == "embedded" else "neo4j_store")


@pytest.fixture(scope="session")
def seed_facts():
    from extractors.pipeline import extract_path

    paths = [SEED / "guide-2020.txt"] + sorted((SEED / "documents").glob("*.md"))
    return [extract_path(p) for p in paths]
