"""Run a local Neo4j 5.26 LTS Community server without Docker.

The server jars come from Maven Central: ``org.neo4j:neo4j`` (the Community
DBMS, which pulls in the Bolt server, Cypher, the HTTP server and the admin
tooling) is resolved with ``mvn dependency:build-classpath`` into ``~/.m2``.
The resolved classpath is cached under ``$XDG_CACHE_HOME/kg-neo4j/<version>/``
so that later starts skip Maven entirely (and work offline).

The server itself is ``java -cp … org.neo4j.server.CommunityEntryPoint`` with
a generated ``neo4j.conf``; everything it writes (conf, data, logs, the state
file and a generated password) lives under ``<data_dir>/neo4j/``.

Public API: :func:`start`, :func:`stop`, :func:`status`, :func:`import_database` and
:class:`ServerInfo`.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import neo4j
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

from kg.net import free_port
from schema.settings import load_settings

__all__ = ["NEO4J_VERSION", "ServerInfo", "Neo4jServerError", "start", "stop", "status", "import_database"]

NEO4J_VERSION = "5.26.30"  # newest 5.26.x LTS release on Maven Central at the time of writing
ARTIFACT = f"org.neo4j:neo4j:{NEO4J_VERSION}"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
USER = "neo4j"
HEAP = "1g"
PAGECACHE = "512m"
TRANSACTION_MEMORY = "512m"  # per transaction (the heap is 1g); loads of 20 documents fit

# A subset of the JVM flags that Neo4j's own launcher adds (see its default neo4j.conf).
JVM_FLAGS = [
    f"-Xms{HEAP}",
    f"-Xmx{HEAP}",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]

_POM = f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kg.local</groupId>
  <artifactId>neo4j-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>{NEO4J_VERSION}</version>
    </dependency>
  </dependencies>
</project>
"""

# Popen objects of servers started by this process, so that we can reap them.
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


class Neo4jServerError(RuntimeError):
    """Raised when the server cannot be fetched, started or reached."""


@dataclass(frozen=True)
class ServerInfo:
    """How to reach a running local Neo4j server."""

    uri: str
    user: str
    password: str = field(repr=False)
    pid: int
    bolt_port: int
    home: Path

    def env_lines(self) -> list[str]:
        """Return ``NEO4J_URI=…``, ``NEO4J_USER=…``, ``NEO4J_PASSWORD=…`` lines."""
        return [
            f"NEO4J_URI={self.uri}",
            f"NEO4J_USER={self.user}",
            f"NEO4J_PASSWORD={self.password}",
        ]


# --------------------------------------------------------------------------- paths


def _home(data_dir: Path) -> Path:
    return Path(data_dir).resolve() / "neo4j"


def _state_file(home: Path) -> Path:
    return home / "server.json"


def _password_file(home: Path) -> Path:
    return home / "password"


def cache_dir() -> Path:
    """Directory holding the generated pom.xml and the resolved classpath."""
    base = load_settings().xdg_cache_home or Path.home() / ".cache"
    return base / "kg-neo4j" / NEO4J_VERSION


@contextlib.contextmanager
def _locked(home: Path) -> Iterator[None]:
    """Serialise start/stop calls on one data dir (across processes)."""
    home.mkdir(parents=True, exist_ok=True)
    with open(home / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# ------------------------------------------------------------------- fetching jars


def _valid_classpath(cp_file: Path) -> str | None:
    if not cp_file.is_file():
        return None
    cp = cp_file.read_text().strip()
    entries = cp.split(os.pathsep) if cp else []
    if not entries or not all(Path(e).is_file() for e in entries):
        return None
    return cp


def classpath() -> str:
    """Return the server classpath, resolving it with Maven on first use.

    Order: the cached classpath file (no Maven at all) → ``mvn -o`` (offline,
    from ``~/.m2``) → ``mvn`` online (downloads from Maven Central).
    """
    cdir = cache_dir()
    cp_file = cdir / "classpath.txt"
    if cp := _valid_classpath(cp_file):
        return cp
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jServerError("Maven ('mvn') is required to fetch Neo4j but was not found on PATH")
    cdir.mkdir(parents=True, exist_ok=True)
    (cdir / "pom.xml").write_text(_POM)
    tmp = cdir / f"classpath.{os.getpid()}.tmp"
    errors = []
    for offline in (True, False):
        cmd = [mvn, "-q", "-B", *(["-o"] if offline else []), "-f", str(cdir / "pom.xml"),
               "dependency:build-classpath", "-Dmdep.includeScope=runtime",
               f"-Dmdep.outputFile={tmp}"]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode == 0 and (cp := _valid_classpath(tmp)):
            tmp.replace(cp_file)
            return cp
        errors.append(f"$ {' '.join(cmd)}\n{(proc.stdout + proc.stderr)[-2000:]}")
    tmp.unlink(missing_ok=True)
    raise Neo4jServerError(f"could not resolve {ARTIFACT} with Maven:\n" + "\n".join(errors))


def _java() -> str:
    java_home = load_settings().java_home
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        raise Neo4jServerError("Java 17+ ('java') is required to run Neo4j but was not found")
    return java


# ------------------------------------------------------------------ process helpers


def _alive(pid: int, home: Path) -> bool:
    """True if ``pid`` is a live (non-zombie) Neo4j server for ``home``."""
    if (proc := _CHILDREN.get(pid)) is not None:
        # our own child: its handle says whether it lives (an unreaped child's pid is nobody else's), and /proc may
        # not yet: right after the exec, its cmdline can read empty for a moment (seen: 7 reads in 243,501 on the
        # first of five starts), which read as "exited during startup" with no exit code — CI's silent deaths
        if proc.poll() is not None:
            _CHILDREN.pop(pid, None)
            return False
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    proc_dir = Path(f"/proc/{pid}")
    if not proc_dir.exists():  # no procfs: trust kill(0)
        return True
    try:
        stat = (proc_dir / "stat").read_text()
        cmdline = (proc_dir / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    if stat.rsplit(")", 1)[-1].split()[0] == "Z":
        return False
    # Guard against PID reuse: it must be *our* server for *this* home.
    return MAIN_CLASS.encode() in cmdline and f"--home-dir={home}".encode() in cmdline


def _log_tail(home: Path, lines: int = 40) -> str:
    parts = []
    for name in ("neo4j.log", "console.log"):
        path = home / "logs" / name
        if path.is_file():
            tail = path.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- {path} (last {len(tail)} lines) ---\n" + "\n".join(tail))
    return "\n".join(parts) or "(no server log written)"


def _check_bolt(info: ServerInfo) -> None:
    """Connect with the driver and run ``RETURN 1``; raise on any failure."""
    with neo4j.GraphDatabase.driver(
        info.uri, auth=(info.user, info.password), connection_timeout=3, max_connection_pool_size=1
    ) as driver:
        driver.verify_connectivity()
        records, _, _ = driver.execute_query("RETURN 1 AS one")
        if records[0]["one"] != 1:
            raise Neo4jServerError("unexpected answer to RETURN 1")


def _wait_ready(info: ServerInfo, timeout: float) -> None:
    """Wait until Bolt really answers; fail fast on exit or bad credentials."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        child = _CHILDREN.get(info.pid)  # the process this one started, if it did (`_alive` forgets it)
        if not _alive(info.pid, info.home):
            code = child.poll() if child is not None else None
            how = "" if code is None else f" with {'signal ' + str(-code) if code < 0 else 'code ' + str(code)}"
            raise Neo4jServerError(f"Neo4j (pid {info.pid}) exited during startup{how}\n{_log_tail(info.home)}")
        try:
            with socket.create_connection(("127.0.0.1", info.bolt_port), timeout=1):
                pass
            _check_bolt(info)
            return
        except AuthError as exc:
            raise Neo4jServerError(
                f"Neo4j at {info.uri} rejected the password for user {info.user!r}: this data dir "
                f"was initialised with another password ({_password_file(info.home)} holds the "
                f"last one that worked)"
            ) from exc
        except (OSError, ServiceUnavailable, SessionExpired, Neo4jError) as exc:
            last = exc
            time.sleep(0.5)
    raise Neo4jServerError(
        f"Neo4j (pid {info.pid}) did not answer on {info.uri} within {timeout:.0f}s "
        f"(last error: {last!r})\n{_log_tail(info.home)}"
    )


def _kill(pid: int, home: Path, timeout: float) -> None:
    """SIGTERM ``pid``, wait up to ``timeout`` seconds, then SIGKILL."""
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10.0)):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if not _alive(pid, home):
                _CHILDREN.pop(pid, None)
                return
            time.sleep(0.2)
    raise Neo4jServerError(f"could not stop Neo4j (pid {pid})")


# ----------------------------------------------------------------- config/password


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` with mode 0600 (atomically)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _choose_password(home: Path, password: str | None) -> str:
    """Argument → env ``NEO4J_PASSWORD`` → password file in the data dir → generated."""
    if password is None:
        secret = load_settings().neo4j_password
        password = secret.get_secret_value() if secret else None
    pw_file = _password_file(home)
    if password is None and pw_file.is_file():
        password = pw_file.read_text().strip() or None
    if password is None:
        password = secrets.token_urlsafe(24)
        _write_private(pw_file, password + "\n")
    if len(password) < 8 or any(c in password for c in "\0\r\n"):
        raise ValueError("Neo4j password must have at least 8 characters and no line breaks")
    return password


def _write_conf(home: Path, bolt_port: int) -> Path:
    conf_dir = home / "conf"
    conf_dir.mkdir(parents=True, exist_ok=True)
    (conf_dir / "neo4j.conf").write_text(
        "# Generated by kg.neo4j_server; rewritten on every start.\n"
        "server.default_listen_address=127.0.0.1\n"
        "server.default_advertised_address=127.0.0.1\n"
        "server.bolt.enabled=true\n"
        f"server.bolt.listen_address=127.0.0.1:{bolt_port}\n"
        f"server.bolt.advertised_address=127.0.0.1:{bolt_port}\n"
        "server.http.enabled=false\n"
        "server.https.enabled=false\n"
        "dbms.security.auth_enabled=true\n"
        f"server.directories.data={home / 'data'}\n"
        f"server.directories.logs={home / 'logs'}\n"
        f"server.directories.run={home / 'run'}\n"
        f"server.directories.import={home / 'import'}\n"
        f"server.directories.plugins={home / 'plugins'}\n"
        f"server.memory.heap.initial_size={HEAP}\n"
        f"server.memory.heap.max_size={HEAP}\n"
        f"server.memory.pagecache.size={PAGECACHE}\n"
        "dbms.usage_report.enabled=false\n"
        # one transaction may not take the server down: a cartesian product or an unbounded path
        # ends with MemoryPoolOutOfMemoryError instead (kg reports it as "query too large")
        f"db.memory.transaction.max={TRANSACTION_MEMORY}\n"
        "dbms.memory.transaction.total.max=800m\n"
        # Shut the Bolt server down in ~2s instead of ~10s.
        "internal.dbms.bolt.netty_server_shutdown_quiet_period=0\n"
        "internal.dbms.bolt.netty_server_shutdown_timeout=2s\n"
    )
    return conf_dir


def _set_initial_password(java: str, cp: str, home: Path, conf_dir: Path, password: str) -> None:
    """``neo4j-admin dbms set-initial-password`` before the very first start.

    The password goes through a 0600 Java @argfile, so it never shows in ``ps``.
    """
    quoted = '"' + password.replace("\\", "\\\\").replace('"', '\\"') + '"'
    fd, argfile = tempfile.mkstemp(dir=home, prefix=".args.")
    try:
        with os.fdopen(fd, "w") as fh:  # mkstemp files are already 0600
            fh.write(f"dbms\nset-initial-password\n--\n{quoted}\n")
        proc = subprocess.run(
            [java, "-cp", cp, ADMIN_CLASS, f"@{argfile}"],
            capture_output=True, text=True, cwd=home,
            env={**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(conf_dir)},
        )
    finally:
        Path(argfile).unlink(missing_ok=True)
    if proc.returncode != 0:
        raise Neo4jServerError(f"set-initial-password failed:\n{(proc.stdout + proc.stderr)[-2000:]}")


# ----------------------------------------------------------------------- public API


def _read_state(home: Path) -> dict[str, Any] | None:
    try:
        return dict(json.loads(_state_file(home).read_text()))
    except (OSError, ValueError):
        return None


def status(data_dir: Path) -> ServerInfo | None:
    """Return the server recorded in ``data_dir`` if its process is alive, else None.

    This does not talk Bolt (see :func:`start` for that); it checks the PID
    and that the process is our Neo4j for this data dir.
    """
    home = _home(data_dir)
    state = _read_state(home)
    if state is None or not _alive(int(state["pid"]), home):
        return None
    pw_file = _password_file(home)
    password = pw_file.read_text().strip() if pw_file.is_file() else ""
    return ServerInfo(
        uri=str(state["uri"]), user=str(state["user"]), password=password,
        pid=int(state["pid"]), bolt_port=int(state["bolt_port"]), home=home,
    )


def start(data_dir: Path, password: str | None = None, timeout: float = 180.0,
          bolt_port: int | None = None) -> ServerInfo:
    """Start (or reuse) a Neo4j 5.26 Community server whose files live in ``data_dir/neo4j``.

    The password is ``password``, else env ``NEO4J_PASSWORD``, else the one kept
    in ``data_dir/neo4j/password`` (mode 0600), else a newly generated one that
    is written there. The server listens on 127.0.0.1 on a free Bolt port (HTTP
    off, auth on), runs detached in its own session, and is returned only once
    the driver can run ``RETURN 1``. A server already running for ``data_dir``
    is reused. Raises :class:`Neo4jServerError` (with the log tail) on failure. ``bolt_port``
    asks for a port (a restart keeps its address); a taken one is replaced by a free one.
    """
    home = _home(data_dir)
    with _locked(home):
        password = _choose_password(home, password)
        pw_file = _password_file(home)
        if (info := status(data_dir)) is not None:
            info = ServerInfo(info.uri, info.user, password, info.pid, info.bolt_port, home)
            _wait_ready(info, timeout)
            if not pw_file.is_file() or pw_file.read_text().strip() != password:
                _write_private(pw_file, password + "\n")
            return info
        _state_file(home).unlink(missing_ok=True)  # stale

        java, cp = _java(), classpath()
        bolt_port = bolt_port if bolt_port and _port_free(bolt_port) else free_port()
        conf_dir = _write_conf(home, bolt_port)
        (home / "logs").mkdir(exist_ok=True)
        if not (home / "data" / "databases" / "system").exists():
            _set_initial_password(java, cp, home, conf_dir, password)

        env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
        env.update(NEO4J_HOME=str(home), NEO4J_CONF=str(conf_dir))
        with open(home / "logs" / "console.log", "ab") as console:
            proc = subprocess.Popen(
                [java, *JVM_FLAGS, "-cp", cp, MAIN_CLASS, f"--home-dir={home}", f"--config-dir={conf_dir}"],
                cwd=home, env=env, stdin=subprocess.DEVNULL, stdout=console, stderr=subprocess.STDOUT,
                start_new_session=True, close_fds=True,
            )
        _CHILDREN[proc.pid] = proc
        info = ServerInfo(f"bolt://127.0.0.1:{bolt_port}", USER, password, proc.pid, bolt_port, home)
        state = {"pid": proc.pid, "uri": info.uri, "user": USER, "bolt_port": bolt_port,
                 "http_port": None, "home": str(home), "conf": str(conf_dir / "neo4j.conf"),
                 "logs": str(home / "logs"), "version": NEO4J_VERSION, "started_at": time.time()}
        _write_private(_state_file(home), json.dumps(state, indent=2) + "\n")
        try:
            _wait_ready(info, timeout)
        except BaseException:
            with contextlib.suppress(Neo4jServerError):
                _kill(proc.pid, home, timeout=20)
            _state_file(home).unlink(missing_ok=True)
            raise
        if not pw_file.is_file() or pw_file.read_text().strip() != password:
            _write_private(pw_file, password + "\n")
        return info


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # as the server binds it: a port just left by a stopped server (TIME_WAIT) is free
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def stop(data_dir: Path, timeout: float = 60.0) -> bool:
    """Stop the server recorded in ``data_dir`` (SIGTERM, then SIGKILL after ``timeout``).

    Removes the state file. Returns False if no server was running.
    """
    home = _home(data_dir)
    if not home.is_dir():
        return False
    with _locked(home):
        state = _read_state(home)
        running = state is not None and _alive(int(state["pid"]), home)
        if state is not None and running:
            _kill(int(state["pid"]), home, timeout)
        _state_file(home).unlink(missing_ok=True)
        return running


# ------------------------------------------------------------------------- bulk import


def _argfile_line(arg: str) -> str:
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _import_args(csv_dir: Path, database: str) -> list[str]:
    """The arguments of ``neo4j-admin database import full`` for the files ``kg.bulk`` wrote
    (named in ``import.json``; without it every ``nodes-*.csv`` and ``relationships-*.csv``)."""
    manifest_path = csv_dir / "import.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {
            "nodes": sorted(p.name for p in csv_dir.glob("nodes-*.csv")),
            "relationships": sorted(p.name for p in csv_dir.glob("relationships-*.csv")),
            "multiline": None, "max_field_bytes": 0}
    except (OSError, ValueError) as exc:
        raise Neo4jServerError(f"{manifest_path}: cannot be read ({exc})") from exc
    if not manifest["nodes"]:
        raise Neo4jServerError(f"{csv_dir}: no node CSV files to import")
    for name in manifest["nodes"] + manifest["relationships"]:
        if not (csv_dir / name).is_file():
            raise Neo4jServerError(f"{csv_dir / name}: named in {manifest_path.name} but missing")
    # the reader's buffer must hold the longest value (a document's text): 4 MiB or twice that value;
    # and a whole file read as multi-line, which the tool cannot cut into chunks (kg.bulk.MULTILINE_FILE_BYTES:
    # kg.bulk keeps them smaller than 4 MiB unless one line is longer; a folder written before it did not)
    largest = max((os.path.getsize(csv_dir / n) for n in manifest["multiline"] or ()), default=0)
    buffer = max(4 << 20, 2 * int(manifest.get("max_field_bytes") or 0) + (1 << 20), largest + (1 << 20))
    # the database name first: --nodes and --relationships take every following word as a file
    args = ["database", "import", "full", database, "--overwrite-destination=true", "--array-delimiter=U+001F",
            f"--read-buffer-size={buffer}", f"--report-file={csv_dir / 'import.report'}"]
    if manifest["multiline"] is None:
        args.append("--multiline-fields=true")
    elif manifest["multiline"]:  # only the files that hold a line break are read the slow way
        args += ["--multiline-fields-format=v2",
                 "--multiline-fields=" + ",".join(str(csv_dir / n) for n in manifest["multiline"])]
    args += [f"--nodes={csv_dir / n}" for n in manifest["nodes"]]
    args += [f"--relationships={csv_dir / n}" for n in manifest["relationships"]]
    return args


def _admin(java: str, cp: str, home: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the admin tool with ``args`` (through an @argfile: a large import names many files)."""
    fd, argfile = tempfile.mkstemp(dir=home, prefix=".args.")
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write("".join(_argfile_line(a) + "\n" for a in args))
        return subprocess.run([java, "-cp", cp, ADMIN_CLASS, f"@{argfile}"], capture_output=True, text=True,
                              cwd=home, env={**os.environ, "NEO4J_HOME": str(home),
                                             "NEO4J_CONF": str(home / "conf")})
    finally:
        Path(argfile).unlink(missing_ok=True)


def import_database(data_dir: Path, csv_dir: Path, database: str = "neo4j", timeout: float = 180.0) -> ServerInfo:
    """Replace ``database`` of the server in ``data_dir`` with the CSV files in ``csv_dir``
    (``neo4j-admin database import full --overwrite-destination=true``): the server is stopped if
    it runs, the files imported, and the server started again (on its Bolt port when still free).
    Constraints and indexes are not part of an import: the caller creates them. A failed import
    raises :class:`Neo4jServerError` with the tool's message (which names the file and line);
    the server is started again either way."""
    home = _home(data_dir)
    csv_dir = Path(csv_dir).resolve()
    if not (home / "conf" / "neo4j.conf").is_file():
        raise Neo4jServerError(f"no local Neo4j in {data_dir}: run `kg neo4j start` once first")
    args = _import_args(csv_dir, database)
    state = _read_state(home)
    port = int(state["bolt_port"]) if state and state.get("bolt_port") else None
    java, cp = _java(), classpath()
    stop(data_dir)
    proc: subprocess.CompletedProcess[str] | None = None
    restart = ""
    try:
        with _locked(home):
            proc = _admin(java, cp, home, args)
    finally:
        try:
            info = start(data_dir, timeout=timeout, bolt_port=port)
        except Neo4jServerError as exc:  # a failed import leaves the database unusable: its error comes first
            if proc is None or proc.returncode == 0:
                raise
            restart = f"\nStarted again after it, the server failed too: {str(exc).splitlines()[0]}"
    if proc.returncode != 0:
        output = (proc.stdout + proc.stderr).strip().splitlines()
        lines = [line for line in output if not line.startswith(("\tat ", "    at "))]
        raise Neo4jServerError(f"neo4j-admin database import of the CSV files in {csv_dir} failed "
                               f"(exit {proc.returncode}):\n" + "\n".join(lines[-25:]) + restart)
    return info
