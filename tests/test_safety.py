"""Nothing lost, nothing let in: every write form is refused by read-only sessions on both stores,
hostile user input reaches Cypher only as parameters, secrets stay out of the repo."""
from __future__ import annotations

import re
import subprocess

import pytest

from extractors.segment import fulltext_query
from kg import queries
from kg.load import load_facts
from kg.stores.base import StoreError
from tests.conftest import ROOT
from tests.fixture_graph import all_facts, policy_facts

WRITE_FORMS = [
    "CREATE (n:X) RETURN n",
    "MERGE (n:X {id: 'x'}) RETURN n",
    "MATCH (n:Document) SET n.title = 'x'",
    "MATCH (n:Document) SET n:Hacked",
    "MATCH (n:Passage) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Document) REMOVE n.title",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "LOAD CSV FROM 'file:///etc/passwd' AS line CREATE (:X {v: line[0]})",
    "MATCH (n) CALL (n) { SET n.y = 1 } IN TRANSACTIONS RETURN 1",
    "CALL { CREATE (:X) } IN TRANSACTIONS",
    "CALL db.createLabel('X')",
    "CALL db.index.fulltext.drop('passage_search')",
    "CREATE INDEX hacked FOR (n:Entity) ON (n.name)",
    "DROP INDEX passage_search",
    "CREATE CONSTRAINT hacked FOR (n:X) REQUIRE n.id IS UNIQUE",
    "DROP CONSTRAINT entity_id",
    "CREATE USER mallory SET PASSWORD 'secret-pass'",
    "ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'b'",
    "CREATE DATABASE hacked",
    "DROP DATABASE neo4j",
    "MATCH (n) RETURN count(n); CREATE (:X)",
    "MATCH (n) RETURN count(n); MATCH (m) DETACH DELETE m",
    "FOREACH (x IN [1] | CREATE (:X))",
    "UNWIND range(1, 3) AS i CREATE (:X {i: i})",
]


@pytest.mark.parametrize("statement", WRITE_FORMS)
def test_read_sessions_refuse_every_write_form(store, statement):
    load_facts(store, all_facts())
    before = (store.stats(), store.content_digest(), sorted(r["name"] for r in store.read("SHOW INDEXES")))
    with pytest.raises(StoreError) as refused:
        store.read(statement)
    assert str(refused.value) and "Traceback" not in str(refused.value)
    after = (store.stats(), store.content_digest(), sorted(r["name"] for r in store.read("SHOW INDEXES")))
    assert after == before


HOSTILE = [
    "'}) DETACH DELETE n //",
    "\" OR 1=1 //",
    "`) MATCH (n) DETACH DELETE n //",
    "中国科协'}) CREATE (:X) WITH 1 AS x MATCH (n) DETACH DELETE n //",
    "*:* OR name:*",
    "\\\\ \" ' ` { } [ ] ( ) ~ ^ : ! && || -",
    "\x00\x01\x1b[31m控制字符\u202e",
    "学会" * 5000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_search_input_is_only_a_parameter(store, text):
    load_facts(store, all_facts())
    before = store.content_digest()
    q = fulltext_query(text)
    assert not re.search(r"[^0-9a-z\u4e00-\u9fff ]", q)
    for name in ("search_entities", "search_passages"):
        queries.run(store, name, query=q or "x")
    for name, param in (("entity_neighbourhood", "entity_id"), ("entity_profile", "entity_id"),
                        ("trace_recommendation", "rec_id")):
        assert queries.run(store, name, **{param: text}) == []
    assert store.content_digest() == before


def test_search_still_finds_real_words(store):
    load_facts(store, all_facts())
    hits = queries.run(store, "search_entities", query=fulltext_query("中国计算机学会"))
    assert hits[0]["name"] in {e.name for e in policy_facts().entities}


ASSIGNMENT = re.compile(r"\b(NEO4J_PASSWORD|NEO4J_AUTH|password)\s*[=:]\s*[\"']?([^\s\"'`,)]*)", re.I)
PRIVATE_KEY = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")


def _is_secret(value: str) -> bool:
    """A literal credential: not empty, not a variable, not a placeholder such as … or <pw>."""
    value = value.strip()
    if any(c in value for c in "$*{}"):  # ${NEO4J_PASSWORD}, a glob in a shell case
        return False
    return bool(value) and not value.startswith(("$", "…", ".", "<", "{", "os.", "settings", "info.", "self.", "_"))


def test_no_secrets_in_the_repository():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert ".env" not in tracked
    offenders = []
    for name in tracked:
        path = ROOT / name
        if name.startswith("tests/") or path.suffix in {".kgl", ".png", ".docx", ".pdf"} or not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
            secret = any(_is_secret(m.group(2)) and m.group(2).lower() not in {"none", "str", "password"}
                         for m in ASSIGNMENT.finditer(line) if "=" in line[m.start():m.end()] or ":" in line)
            if PRIVATE_KEY.search(line) or (secret and name.endswith((".env", ".yml", ".yaml", ".toml", ".cfg",
                                                                     ".ini", ".sh", ".md"))):
                offenders.append(f"{name}: {line.strip()[:80]}")
    assert offenders == []
    assert ".env" in (ROOT / ".gitignore").read_text().split()
    assert "${NEO4J_PASSWORD" in (ROOT / "docker-compose.yml").read_text()
