"""Real (no mocks) tests of kg.neo4j_server: fetch, start, query, stop a Neo4j server.

The first run downloads Neo4j from Maven Central into ~/.m2 (a minute or so at
most); later runs reuse the cache and take ~20 s.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import neo4j
import pytest

from neo4j.exceptions import AuthError

from kg import neo4j_server as ns
from tests.conftest import OWN_SERVER_MARKS

pytestmark = OWN_SERVER_MARKS


def _pid_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _query(info: ns.ServerInfo, cypher: str, password: str | None = None) -> list[neo4j.Record]:
    with neo4j.GraphDatabase.driver(info.uri, auth=(info.user, password or info.password)) as driver:
        records, _, _ = driver.execute_query(cypher)
        return records


def test_a_child_this_process_started_is_alive_until_it_exits_whatever_proc_shows(tmp_path: Path) -> None:
    """Right after the exec, /proc/PID/cmdline can read empty: a server this process started is judged by its
    handle, not by its command line (a child whose command line is not a server's stands for that moment here)."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    ns._CHILDREN[child.pid] = child
    try:
        assert ns._alive(child.pid, tmp_path)
        child.kill()
        child.wait()
        assert not ns._alive(child.pid, tmp_path) and child.pid not in ns._CHILDREN
    finally:
        child.kill()
        ns._CHILDREN.pop(child.pid, None)
    # a process this one did not start is still judged by /proc: this one is no Neo4j server
    assert not ns._alive(os.getpid(), tmp_path)


def test_status_sees_server(own_server: tuple[Path, ns.ServerInfo]) -> None:
    data_dir, info = own_server
    assert ns.status(data_dir) == info
    assert info.uri == f"bolt://127.0.0.1:{info.bolt_port}"
    assert info.user == "neo4j"
    assert info.home == data_dir.resolve() / "neo4j"
    assert info.env_lines() == [
        f"NEO4J_URI={info.uri}",
        "NEO4J_USER=neo4j",
        f"NEO4J_PASSWORD={info.password}",
    ]
    assert info.password not in repr(info)
    assert (info.home / "logs" / "neo4j.log").is_file()


def test_right_password_runs_query(own_server: tuple[Path, ns.ServerInfo]) -> None:
    _, info = own_server
    assert _query(info, "RETURN 1 AS one")[0]["one"] == 1


def test_wrong_password_is_rejected(own_server: tuple[Path, ns.ServerInfo]) -> None:
    _, info = own_server
    with pytest.raises(AuthError):
        _query(info, "RETURN 1", password=info.password + "-wrong")


def test_generated_password_file_is_private(own_server: tuple[Path, ns.ServerInfo]) -> None:
    _, info = own_server
    pw_file = info.home / "password"
    assert stat.S_IMODE(pw_file.stat().st_mode) == 0o600
    assert pw_file.read_text().strip() == info.password
    assert len(info.password) >= 16


def test_server_is_detached(own_server: tuple[Path, ns.ServerInfo]) -> None:
    _, info = own_server
    assert os.getsid(info.pid) == info.pid != os.getsid(0)


def test_start_twice_returns_same_server(own_server: tuple[Path, ns.ServerInfo]) -> None:
    data_dir, info = own_server
    again = ns.start(data_dir)
    assert (again.pid, again.bolt_port, again.password) == (info.pid, info.bolt_port, info.password)


def test_stop_then_restart_keeps_data_and_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    password = "test-" + os.urandom(8).hex()
    info = ns.start(tmp_path, password=password)
    try:
        assert info.password == password
        _query(info, "CREATE (:Probe {n: 1})")
    finally:
        assert ns.stop(tmp_path) is True
    assert not _pid_running(info.pid)
    assert ns.status(tmp_path) is None
    assert not (tmp_path / "neo4j" / "server.json").exists()
    assert ns.stop(tmp_path) is False

    again = ns.start(tmp_path)  # no argument, no env: the password kept in the data dir
    try:
        assert again.password == password and again.pid != info.pid
        assert _query(again, "MATCH (p:Probe) RETURN count(p) AS c")[0]["c"] == 1
    finally:
        assert ns.stop(tmp_path) is True
    assert ns.status(tmp_path) is None
