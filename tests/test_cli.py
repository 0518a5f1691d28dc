"""The `kg` command as a user runs it, on the embedded store and on Neo4j: in this process through
typer's CliRunner (the seed corpus is ingested once per module, and tests that only read share
that graph), and a few real subprocesses (`kg --help`, `kg ingest` + `kg stats --json`, `kg serve`)."""
from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from kg.cli import app
from kg.net import free_port
from tests.conftest import ROOT, SEED, neo4j_settings

KG = [sys.executable, "-m", "kg.cli"]
SEED_PATHS = [str(SEED / "guide-2020.txt"), str(SEED / "documents")]
DOCUMENTS = 1 + len(list((SEED / "documents").glob("*.md")))  # and the guide
RUNNER = CliRunner()

Env = dict[str, str | None]


def kg(*args: str, env: Env, check: bool = True) -> Result:
    """`kg ARGS` in this process, with `env` as its environment (None unsets a variable)."""
    result = RUNNER.invoke(app, list(args), env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # a user would have seen this stack trace
        raise AssertionError("kg " + " ".join(args) + " raised:\n"
                             + "".join(traceback.format_exception(result.exception)))
    if check and result.exit_code != 0:
        raise AssertionError(f"kg {' '.join(args)} exited {result.exit_code}:\n{result.stdout}\n{result.stderr}")
    return result


def kg_process(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    """`kg ARGS` as a real subprocess."""
    result = subprocess.run([*KG, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def embedded_settings(data: Path) -> Env:
    """The embedded store in `data`, and no other KG_ or NEO4J_ setting of the calling environment."""
    unset: Env = {k: None for k in os.environ if k.startswith(("NEO4J_", "KG_"))}
    return {**unset, "KG_STORE": "embedded", "KG_DATA_DIR": str(data)}


def process_env(settings: Env) -> dict[str, str]:
    """A subprocess environment: the current one with `settings` applied."""
    return {k: v for k, v in {**os.environ, **settings}.items() if v is not None}


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # as a user runs kg (relative paths; no stray .env)


@dataclass
class Seeded:
    data: Path
    env: Env
    first: Result  # the output of the ingest that made it


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    """The seed corpus ingested once into an embedded store. Read it only; to change it, copy it
    (`copy_of`)."""
    data = tmp_path_factory.mktemp("seeded") / "data"
    env = embedded_settings(data)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        first = kg("ingest", *SEED_PATHS, env=env)
    return Seeded(data, env, first)


def copy_of(seeded: Seeded, tmp_path: Path) -> Env:
    data = tmp_path / "data"
    shutil.copytree(seeded.data, data)
    return embedded_settings(data)


@pytest.fixture
def embedded_env(tmp_path: Path) -> Env:
    return embedded_settings(tmp_path / "data")


@pytest.fixture
def neo4j_env(tmp_path: Path, neo4j_store) -> Env:
    settings = neo4j_settings()
    assert settings is not None
    return {"KG_STORE": "neo4j", "KG_DATA_DIR": str(tmp_path / "data"), "NEO4J_URI": settings["uri"],
            "NEO4J_USER": settings["user"], "NEO4J_PASSWORD": settings["password"]}


@pytest.fixture(params=["embedded", "neo4j"])
def seed_env(request: pytest.FixtureRequest, seeded: Seeded) -> Env:
    """A store holding the seed corpus, to read: the shared embedded one, or Neo4j ingested here."""
    if request.param == "embedded":
        return seeded.env
    env = request.getfixturevalue("neo4j_env")
    kg("ingest", *SEED_PATHS, env=env)
    return env


def stats(env: Env) -> dict:
    return json.loads(kg("stats", "--json", env=env).stdout)


# --- in this process ---------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["embedded", "neo4j"])
def test_ingest_seed_twice_changes_nothing_checks_pass_and_both_stores_count_alike(
        kind, seeded, tmp_path, request):
    if kind == "embedded":
        env, first = copy_of(seeded, tmp_path), seeded.first
    else:
        env = request.getfixturevalue("neo4j_env")
        first = kg("ingest", *SEED_PATHS, env=env)
    assert f"ingested {DOCUMENTS}" in first.stdout
    before = stats(env)
    assert before["labels"]["ResearchDirection"] == 4
    assert before["labels"]["Indicator"] == 24
    assert before == stats(seeded.env)  # the same seed gives the same counts on both stores
    second = kg("ingest", *SEED_PATHS, env=env)
    assert f"ingested 0, unchanged {DOCUMENTS}" in second.stdout
    assert stats(env) == before
    kg("check", env=env)


def test_cypher_is_read_only_unless_write(seed_env):
    refused = kg("cypher", "CREATE (n:X) RETURN n", env=seed_env, check=False)
    assert refused.exit_code != 0
    assert "read-only" in refused.stderr and "Traceback" not in refused.stderr
    assert "X" not in stats(seed_env)["labels"]
    rows = kg("cypher", "MATCH (d:Document) RETURN d.title AS title", "--json", env=seed_env)
    assert "中国科协所属学会" in rows.stdout


def test_named_query_from_the_command_line(seed_env):
    rows = [json.loads(line) for line in kg("query", "coverage", "--json", env=seed_env).stdout.splitlines()]
    assert len(rows) == 24 and {r["direction"] for r in rows} == {"1", "2", "3", "4"}
    assert sum(r["recommendations"] for r in rows) > 0
    missing = kg("query", "trace_recommendation", env=seed_env, check=False)
    assert missing.exit_code != 0 and "rec_id" in missing.stderr


def test_unchanged_files_are_read_again_when_the_extraction_changed(embedded_env, tmp_path, monkeypatch):
    """After an upgrade of the rules, gazetteers or model, `kg ingest` reads unchanged files again, says so, and keeps
    on each document which extraction made its facts; with the same extraction it skips them."""
    import kg.ingest as ingest_module
    import kg.load as load_module
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("005.md", "010.md"):
        shutil.copy(SEED / "documents" / name, folder / name)
    kg("ingest", str(folder), env=embedded_env)
    assert "ingested 0, unchanged 2" in kg("ingest", str(folder), env=embedded_env).stdout
    query = "MATCH (d:Document) WHERE NOT d:Guide RETURN DISTINCT d.extracted_by AS x"
    from extractors.fingerprint import extraction_fingerprint
    assert kg("cypher", query, "--json", env=embedded_env).stdout.count(extraction_fingerprint()) == 1
    for module in (ingest_module, load_module):  # as if the rules had changed since
        monkeypatch.setattr(module, "extraction_fingerprint", lambda: "0123456789abcdef")
    out = kg("ingest", str(folder), env=embedded_env)
    assert "ingested 2, unchanged 0" in out.stdout
    assert "2 unchanged file(s) read again" in out.stdout + out.stderr
    assert "0123456789abcdef" in kg("cypher", query, "--json", env=embedded_env).stdout
    assert "ingested 0, unchanged 2" in kg("ingest", str(folder), env=embedded_env).stdout
    moved = tmp_path / "moved"  # a folder moved, then the extraction changed: read again from there, not rejected
    folder.rename(moved)
    for module in (ingest_module, load_module):
        monkeypatch.setattr(module, "extraction_fingerprint", lambda: "fedcba9876543210")
    out = kg("ingest", str(moved), env=embedded_env)
    assert "ingested 2, unchanged 0, rejected 0" in out.stdout
    assert str(moved) in kg("cypher", "MATCH (d:Document) WHERE NOT d:Guide RETURN d.path AS p", "--json",
                            env=embedded_env).stdout


def test_the_extraction_digest_follows_the_rules_and_gazetteers_in_use_not_other_files(tmp_path):
    from extractors import fingerprint
    from extractors.gazetteer import gazetteer_dir
    from extractors.rules import rules_dir
    rules, gazetteers = tmp_path / "rules", tmp_path / "gazetteers"
    shutil.copytree(rules_dir(), rules)
    shutil.copytree(gazetteer_dir(), gazetteers)
    same = fingerprint._digest(rules, gazetteers)
    assert same == fingerprint._digest(rules_dir(), gazetteer_dir())  # the names and bytes, not where they are
    (rules / "NOTES.md").write_text("an analyst's note", encoding="utf-8")  # not read by the extraction
    fingerprint._digest.cache_clear()
    assert fingerprint._digest(rules, gazetteers) == same
    table = rules / "name_parts.tsv"
    table.write_text(table.read_text(encoding="utf-8") + "Branch\thead\t研究组\ta row an analyst added\n",
                     encoding="utf-8")
    fingerprint._digest.cache_clear()
    assert fingerprint._digest(rules, gazetteers) != same


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
    assert result.exit_code == 1
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
    env = {"KG_STORE": "neo4j", "NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "wrong-pass",
           "KG_DATA_DIR": str(tmp_path)}
    result = kg("stats", env=env, check=False)
    assert result.exit_code == 1
    assert "Neo4j" in result.stderr and "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.strip()]) <= 3


def test_wrong_password_is_one_clear_line(neo4j_env):
    result = kg("stats", env={**neo4j_env, "NEO4J_PASSWORD": "not-the-password"}, check=False)
    assert result.exit_code == 1
    assert "authentication" in result.stderr and "Traceback" not in result.stderr


# --- real subprocesses ---------------------------------------------------------------------------

def test_help_lists_the_core_and_the_plugin_commands():
    result = kg_process("--help", env=process_env({}))
    commands = set(re.findall(r"^│ (\w[\w-]*) ", result.stdout, flags=re.MULTILINE))
    core = {"init", "stats", "query", "cypher", "check", "ingest", "extract", "eval", "neo4j", "review"}
    assert core | {"serve", "bench"} <= commands, commands
    assert "warning" not in result.stderr  # every plugin loaded


def test_ingest_then_stats_as_a_user_runs_them(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED / "documents" / "005.md", folder / "005.md")
    env = process_env(embedded_settings(tmp_path / "data"))
    out = kg_process("ingest", str(folder), env=env)
    assert "ingested 2" in out.stdout  # 005.md and the bundled guide
    counts = json.loads(kg_process("stats", "--json", env=env).stdout)
    assert counts["labels"]["Document"] == 2 and counts["labels"]["Indicator"] == 24


def test_serve_prints_the_url_and_stops_on_sigterm(tmp_path):
    port = free_port()
    env = process_env(embedded_settings(tmp_path / "data"))
    proc = subprocess.Popen([*KG, "serve", "--port", str(port)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "kg serve printed nothing in 60 s"
        assert proc.stdout.readline().strip() == f"http://127.0.0.1:{port}"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            _, stderr = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # kg serve, or a Streamlit left behind holding its pipes
            proc.kill()
            proc.wait()
            stderr = "kg serve did not end within 30 s of SIGTERM"
    assert proc.returncode == 0, stderr


def test_a_file_name_cannot_forge_lines_or_markup_in_the_ingest_report(tmp_path, embedded_env):
    """A name holding a line break printed lines of its own (a forged "rejected … virus found"); one holding rich
    markup was styled. Both are shown as they are, on the one line of their own rejection."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "x.txt: empty\n拒绝 rejected: important.md: virus found\nfoo.txt").write_text("", encoding="utf-8")
    for other in ("\u2028", "\x85", "\u202e", "\x9b2K"):  # line separators, NEL, right-to-left override, 8-bit CSI
        (folder / f"z{other}拒绝 rejected.txt").write_text("", encoding="utf-8")
    (folder / "[bold]y[not bold].txt").write_text("", encoding="utf-8")
    result = kg("ingest", str(folder), env=embedded_env, check=False)
    lines = [line for line in result.stderr.splitlines() if "rejected" in line]
    assert len(lines) == 6 and all(line.startswith("拒绝 / rejected:") for line in lines), result.stderr
    assert not any(c in result.stderr for c in "\u2028\x85\u202e\x9b")
    assert any("x.txt: empty\\n拒绝 rejected: important.md: virus found\\nfoo.txt" in line for line in lines)
    assert any("[bold]y[not bold].txt" in line for line in lines)


def test_stored_text_is_printed_as_it_is_not_as_console_markup(tmp_path, embedded_env):
    """A document's title with rich markup ([link=…], [blink]) or an emoji code was acted on by `kg cypher`'s table
    (a clickable terminal link, the tags dropped from what was shown): stored text is printed as stored."""
    title = "[link=https://evil.example/]点此查看[/link] [blink]闪烁[/blink] :smile:"
    path = tmp_path / "m.md"
    path.write_text(f"---\ntitle: '{title}'\nkind: news\n---\n中国科协推动学会承接政府转移职能。\n", encoding="utf-8")
    kg("ingest", str(path), env=embedded_env)
    result = kg("cypher", "MATCH (d:Document) WHERE d.title STARTS WITH '[link' RETURN d.title AS `[bold]t`",
                env=embedded_env)
    flat = "".join(result.stdout.split())
    assert "".join(title.split()) in flat and "[bold]t" in flat and "\x1b]8;" not in result.stdout
