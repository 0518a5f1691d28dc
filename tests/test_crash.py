"""`kill -9` during `kg ingest`, then a rerun: the graph equals that of a clean run."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path


from kg.check import run_checks
from kg.stores.embedded import EmbeddedStore
from tests.conftest import ROOT, SEED, neo4j_settings

COPIES = 1
EMBEDDED_DOCUMENTS = 100  # one commit a document: killed once the write-ahead log passes 300 kB, before the
# last (`kill_part_way` fails the test if the ingest ends first); the whole seed (300) only made the test slower
SEED_COUNT = len(list((SEED / "documents").glob("*.md")))
NEO4J_DOCUMENTS = 60  # one transaction a document on a server: killed after 20 of them


def make_corpus(folder: Path, limit: int | None = None) -> Path:
    """The seed documents (the first `limit`), several times over under new ids, so an ingest takes a while."""
    folder.mkdir()
    for copy in range(COPIES):
        for path in sorted((SEED / "documents").glob("*.md"))[:limit]:
            text = path.read_text(encoding="utf-8")
            text = re.sub(r'^id: "(\d+)"', lambda m: f'id: "{m.group(1)}-{copy}"', text, count=1, flags=re.M)
            (folder / f"{path.stem}-{copy}.md").write_text(text, encoding="utf-8")
    return folder


def ingest_cmd(corpus: Path) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "ingest", str(SEED / "guide-2020.txt"), str(corpus)]


def kill_part_way(cmd: list[str], env: dict[str, str], committed: callable) -> None:
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while not committed() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the ingest finished before it could be killed part-way"


def test_kill_during_embedded_ingest_then_rerun_equals_a_clean_run(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", limit=EMBEDDED_DOCUMENTS)
    env = {**os.environ, "KG_STORE": "embedded", "KG_INGEST_BATCH": "1", "KG_DATA_DIR": str(tmp_path / "crashed")}
    wal = tmp_path / "crashed" / "graph.kgl-wal"
    kill_part_way(ingest_cmd(corpus), env, lambda: wal.exists() and wal.stat().st_size > 300_000)
    subprocess.run(ingest_cmd(corpus), cwd=ROOT, env=env, check=True, capture_output=True)
    clean_env = {**env, "KG_DATA_DIR": str(tmp_path / "clean")}
    subprocess.run(ingest_cmd(corpus), cwd=ROOT, env=clean_env, check=True, capture_output=True)
    crashed = EmbeddedStore(tmp_path / "crashed" / "graph.kgl")
    clean = EmbeddedStore(tmp_path / "clean" / "graph.kgl")
    assert crashed.stats() == clean.stats()
    assert crashed.stats()["labels"]["Document"] == COPIES * min(EMBEDDED_DOCUMENTS, SEED_COUNT) + 1
    assert crashed.content_digest() == clean.content_digest()
    assert all(r.ok for r in run_checks(crashed))


def test_kill_during_neo4j_ingest_then_rerun_equals_a_clean_run(tmp_path, neo4j_store):
    settings = neo4j_settings()
    corpus = make_corpus(tmp_path / "corpus", limit=NEO4J_DOCUMENTS)
    env = {**os.environ, "KG_STORE": "neo4j", "KG_INGEST_BATCH": "1", "KG_DATA_DIR": str(tmp_path),
           "NEO4J_URI": settings["uri"], "NEO4J_USER": settings["user"], "NEO4J_PASSWORD": settings["password"]}

    def committed() -> bool:
        rows = neo4j_store.read("MATCH (d:Document) WHERE d.sha256 IS NOT NULL RETURN count(d) AS n")
        return rows[0]["n"] >= 20

    kill_part_way(ingest_cmd(corpus), env, committed)
    subprocess.run(ingest_cmd(corpus), cwd=ROOT, env=env, check=True, capture_output=True)
    after_crash = (neo4j_store.stats(), neo4j_store.content_digest())
    neo4j_store.wipe()
    subprocess.run(ingest_cmd(corpus), cwd=ROOT, env=env, check=True, capture_output=True)
    assert (neo4j_store.stats(), neo4j_store.content_digest()) == after_crash
    assert after_crash[0]["labels"]["Document"] == COPIES * NEO4J_DOCUMENTS + 1
    assert all(r.ok for r in run_checks(neo4j_store))


def test_a_decision_survives_a_killed_ingest(tmp_path):
    """Issue 11: a drafter's decision, then `kill -9` during the next ingest, then a rerun: the decision
    is still recorded and applied."""
    corpus = make_corpus(tmp_path / "corpus", limit=EMBEDDED_DOCUMENTS)
    first = sorted(corpus.glob("*.md"))[:3]
    env = {**os.environ, "KG_STORE": "embedded", "KG_INGEST_BATCH": "1", "KG_DATA_DIR": str(tmp_path / "data")}
    subprocess.run([sys.executable, "-m", "kg.cli", "ingest", *map(str, first)], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    store = EmbeddedStore(tmp_path / "data" / "graph.kgl")
    key = store.read("MATCH (r:Recommendation) RETURN r.fact_key AS k ORDER BY k LIMIT 1")[0]["k"]
    store.close()
    subprocess.run([sys.executable, "-m", "kg.cli", "review", "set", key, "--status", "rejected", "--by", "审核人"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    wal = tmp_path / "data" / "graph.kgl-wal"
    kill_part_way(ingest_cmd(corpus), env, lambda: wal.exists() and wal.stat().st_size > 300_000)
    subprocess.run(ingest_cmd(corpus), cwd=ROOT, env=env, check=True, capture_output=True)
    store = EmbeddedStore(tmp_path / "data" / "graph.kgl")
    try:
        assert store.read("MATCH (d:Review) RETURN d.fact_key AS k, d.status AS s, d.by AS by") == \
            [{"k": key, "s": "rejected", "by": "审核人"}]
        assert store.read("MATCH (r:Recommendation {fact_key: $k}) RETURN r.review AS s", {"k": key}) == \
            [{"s": "rejected"}]
    finally:
        store.close()
