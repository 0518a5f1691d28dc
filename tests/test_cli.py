"""The `kg` command as a user runs it (a real subprocess), on the embedded store and on Neo4j."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, neo4j_settings

KG = [sys.executable, "-m", "kg.cli"]
SEED_PATHS = [str(SEED / "guide-2020.txt"), str(SEED / "documents")]


def kg(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*KG, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def embedded_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    return {**env, "KG_STORE": "embedded", "KG_DATA_DIR": str(tmp_path / "data")}


@pytest.fixture
def neo4j_env(tmp_path: Path, neo4j_store) -> dict[str, str]:
    settings = neo4j_settings()
    assert settings is not None
    return {**os.environ, "KG_STORE": "neo4j", "KG_DATA_DIR": str(tmp_path / "data"), "NEO4J_URI": settings["uri"],
            "NEO4J_USER": settings["user"], "NEO4J_PASSWORD": settings["password"]}


@pytest.fixture(params=["embedded", "neo4j"])
def env(request: pytest.FixtureRequest) -> dict[str, str]:
    return request.getfixturevalue(f"{request.param}_env")


def stats(env: dict[str, str]) -> dict:
    return json.loads(kg("stats", "--json", env=env).stdout)


def test_ingest_seed_twice_changes_nothing_and_checks_pass(env):
    first = kg("ingest", *SEED_PATHS, env=env)
    documents = 1 + len(list((SEED / "documents").glob("*.md")))  # and the guide
    assert f"ingested {documents}" in first.stdout
    before = stats(env)
    assert before["labels"]["ResearchDirection"] == 4
    assert before["labels"]["Indicator"] == 24
    second = kg("ingest", *SEED_PATHS, env=env)
    assert f"ingested 0, unchanged {documents}" in second.stdout
    assert stats(env) == before
    kg("check", env=env)


def test_stats_are_identical_on_both_stores(embedded_env, neo4j_env):
    for env in (embedded_env, neo4j_env):
        kg("ingest", *SEED_PATHS, env=env)
    assert stats(embedded_env) == stats(neo4j_env)


def test_cypher_is_read_only_unless_write(env):
    kg("ingest", str(SEED / "documents" / "005.md"), env=env)
    refused = kg("cypher", "CREATE (n:X) RETURN n", env=env, check=False)
    assert refused.returncode != 0
    assert "read-only" in refused.stderr and "Traceback" not in refused.stderr
    assert "X" not in stats(env)["labels"]
    rows = kg("cypher", "MATCH (d:Document) RETURN d.title AS title", "--json", env=env)
    assert "中国科协所属学会" in rows.stdout


def test_named_query_from_the_command_line(env):
    kg("ingest", *SEED_PATHS, env=env)
    rows = [json.loads(line) for line in kg("query", "coverage", "--json", env=env).stdout.splitlines()]
    assert len(rows) == 24 and {r["direction"] for r in rows} == {"1", "2", "3", "4"}
    assert sum(r["recommendations"] for r in rows) > 0
    missing = kg("query", "trace_recommendation", env=env, check=False)
    assert missing.returncode != 0 and "rec_id" in missing.stderr


def test_changed_file_replaces_its_facts_and_prune_removes_gone_files(embedded_env, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED / "documents" / "005.md", folder / "005.md")
    shutil.copy(SEED / "documents" / "010.md", folder / "010.md")
    kg("ingest", str(folder), env=embedded_env)
    path = folder / "005.md"
    path.write_text(path.read_text(encoding="utf-8").replace("科技评估、", ""), encoding="utf-8")
    out = kg("ingest", str(folder), env=embedded_env)
    assert "ingested 1, unchanged 1" in out.stdout
    rows = kg("cypher", "MATCH (f:GovernmentFunction {name: '科技评估'}) RETURN f.name AS n", "--json",
              env=embedded_env).stdout
    assert rows.strip() == ""
    (folder / "010.md").unlink()
    out = kg("ingest", "--prune", str(folder), env=embedded_env)
    assert "pruned 1" in out.stdout
    titles = kg("cypher", "MATCH (d:Document) WHERE NOT d:Guide RETURN d.title AS t", "--json", env=embedded_env)
    assert len(titles.stdout.splitlines()) == 1
    kg("check", env=embedded_env)


def test_a_bad_file_is_reported_and_the_rest_ingested(embedded_env, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(SEED / "documents" / "005.md", folder / "005.md")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "garbage.docx").write_bytes(os.urandom(2048))
    result = kg("ingest", str(folder), env=embedded_env, check=False)
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "garbage.docx" in result.stderr
    assert "Traceback" not in result.stderr
    assert "ingested 2" in result.stdout  # 005.md and the bundled guide
    assert stats(embedded_env)["labels"]["Document"] == 2


def test_extract_prints_the_json_contract(embedded_env):
    out = kg("extract", "seed_data/documents/005.md", "--json", env=embedded_env).stdout.splitlines()
    assert len(out) == 1
    doc = json.loads(out[0])
    assert set(doc) == {"doc", "text", "mentions", "relations", "recommendations"}
    assert set(doc["doc"]) == {"id", "path", "title", "kind", "issuer", "date", "doc_number", "sha256", "directions"}
    assert doc["doc"]["path"] == "seed_data/documents/005.md"
    assert doc["doc"]["date"] == "2015-07-17"
    text = doc["text"]
    for m in doc["mentions"]:
        assert set(m) == {"type", "text", "start", "end", "entity_id", "generic"}
        assert text[m["start"]:m["end"]] == m["text"]
    for r in doc["relations"]:
        assert set(r) == {"type", "head", "tail", "head_id", "tail_id", "start", "end", "confidence"}
    for r in doc["recommendations"]:
        assert text[r["start"]:r["end"]] == r["text"]
        assert set(r) == {"text", "start", "end", "directions", "indicators"}
    assert not kg("stats", "--json", env=embedded_env, check=False).stdout.count("Document")


def test_unreachable_neo4j_is_one_clear_line(tmp_path):
    env = {**os.environ, "KG_STORE": "neo4j", "NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "wrong-pass",
           "KG_DATA_DIR": str(tmp_path)}
    result = kg("stats", env=env, check=False)
    assert result.returncode == 1
    assert "Neo4j" in result.stderr and "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.strip()]) <= 3


def test_wrong_password_is_one_clear_line(neo4j_env):
    result = kg("stats", env={**neo4j_env, "NEO4J_PASSWORD": "not-the-password"}, check=False)
    assert result.returncode == 1
    assert "authentication" in result.stderr and "Traceback" not in result.stderr
