"""Run the reads a user typed against the embedded graph in a child process that can be stopped.

kglite bounds a statement's time (`timeout_ms`) and its matching work (`max_work_units`) but not
its memory: `MATCH (a),(b) RETURN a, b` or an unbounded variable-length path fills gigabytes
within seconds, and an allocation failure in its Rust core aborts the whole process (the
dashboard's server, or `kg cypher` with the batch it was part of). So typed statements run in a
child process under an address-space limit (RLIMIT_AS: `max_memory_mb` more than the child holds
once the graph is loaded) and a wall-clock deadline: whatever a statement does, the child dies,
not the caller, and the caller reports it by name.

The child is kept between statements (a `Worker` per graph file and memory limit): loading a graph
of a million nodes takes seconds (17 s on the benchmark's), a statement on it a fraction of one. A
child that died (memory) or was stopped (deadline) is replaced at the next statement; one whose
graph file changed since it loaded it says so and is replaced, so every statement reads the last
checkpoint. One statement at a time per child (a lock); the children end with the caller.

Protocol: one JSON object per line each way. The parent sends {"path", "query", "params",
"timeout_s", "max_rows", "max_work", "max_memory_mb", "max_bytes"}; the child answers
{"rows": [...], "truncated": bool}, {"error": class name, "message": str}, or {"stale": true}
(the graph file changed: nothing was run). The child keeps at most `max_rows` rows and at most
`max_bytes` of serialised rows.
"""
from __future__ import annotations

import atexit
import json
import os
import resource
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from kg.stores.base import BoundedRows, QueryError, QueryLimits, QueryTimeout, QueryTooLarge, ReadOnlyViolation

GRACE_S = 15.0  # a statement's answer may come this long after its own time limit
LOAD_S = 300.0  # and a new child's first answer this much later still: it loads the graph first
_ERRORS: dict[str, type[Exception]] = {cls.__name__: cls for cls in
                                        (QueryError, QueryTimeout, QueryTooLarge, ReadOnlyViolation)}


class _Died(Exception):
    """The child ended without an answer (killed by the memory limit, or by a signal)."""


class Worker:
    """One child process that keeps a graph loaded and runs statements on it, one at a time."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.stores.isolated"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, bufsize=0, env=os.environ | {"PYTHONHASHSEED": "0"})
        self.answered = False  # it has loaded its graph (its first answer came)

    def ask(self, request: dict[str, Any], deadline_s: float) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            self.process.stdin.write(json.dumps(request, default=str).encode() + b"\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise _Died() from None
        deadline = time.monotonic() + deadline_s + (0.0 if self.answered else LOAD_S)
        line = bytearray()
        fd = self.process.stdout.fileno()
        while not line.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise subprocess.TimeoutExpired("kg.stores.isolated", deadline_s)
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise _Died()
            line += chunk
        self.answered = True
        try:
            answer = json.loads(line)
        except ValueError:
            raise _Died() from None
        if not isinstance(answer, dict):
            raise _Died()
        return answer

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


MAX_WORKERS = 2  # children kept at once (each holds a graph): the least recently used one ends first
_workers: dict[tuple[str, int], Worker] = {}  # in order of use, the last used last
_lock = threading.Lock()


def run_isolated(path: Path, query: str, params: dict[str, Any], limits: QueryLimits) -> BoundedRows:
    request = {"path": str(path), "query": query, "params": params, "timeout_s": limits.timeout_s,
               "max_rows": limits.max_rows, "max_work": limits.max_work, "max_memory_mb": limits.max_memory_mb,
               "max_bytes": limits.max_result_mb * 1024 * 1024}
    key = _key(path, limits)
    with _lock:
        for _attempt in range(2):  # a second time only after a child said its graph file changed
            worker = _workers.pop(key, None)
            if worker is None or worker.process.poll() is not None:
                while len(_workers) >= MAX_WORKERS:
                    _retire(next(iter(_workers)))
                worker = Worker()
            _workers[key] = worker
            try:
                answer = worker.ask(request, limits.timeout_s + GRACE_S)
            except subprocess.TimeoutExpired:
                _retire(key)
                raise QueryTimeout.after(limits.timeout_s) from None
            except _Died:  # killed by the memory limit (abort, MemoryError) or another signal
                _retire(key)
                raise QueryTooLarge.beyond(f"{limits.max_memory_mb:,} MB of memory", "KG_QUERY_MAX_MEMORY_MB") from None
            if not answer.get("stale"):
                break
            _retire(key)
        else:
            raise QueryError(f"{path}: the graph file kept changing while it was being read")
    if "error" in answer:
        raise _ERRORS.get(answer["error"], QueryError)(answer["message"])
    return BoundedRows(answer["rows"], truncated=answer["truncated"])


def prepare(path: Path, limits: QueryLimits) -> None:
    """Start, in the background, the child that will run the statements typed on `path` (it loads
    the graph, which takes seconds on a large one): what a console calls when it opens, so that the
    first statement does not wait for the load. A statement typed meanwhile waits for it."""
    def warm() -> None:
        try:
            run_isolated(path, "RETURN 1 AS one", {}, limits)
        except QueryError:
            pass  # the statement the user types will say what is wrong

    worker = _workers.get(_key(path, limits))
    if worker is None or worker.process.poll() is not None:
        threading.Thread(target=warm, name="kg-console-warm", daemon=True).start()


def _key(path: Path, limits: QueryLimits) -> tuple[str, int]:
    """A child per graph file and memory limit (the limit is set in the child once, after the load)."""
    return str(Path(path).resolve()), limits.max_memory_mb


def _retire(key: tuple[str, int]) -> None:
    worker = _workers.pop(key, None)
    if worker is not None:
        worker.stop()


@atexit.register
def stop_all() -> None:
    """End every child (also what a test calls to start from none)."""
    with _lock:
        for key in list(_workers):
            _retire(key)


def address_space() -> int:
    """The bytes of address space this process holds now (VmSize)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    raise OSError("no VmSize in /proc/self/status")


def limit_address_space(extra: int) -> None:
    """Let this process hold at most `extra` bytes of address space more than it holds now (and never
    more than a limit it was given)."""
    limit = address_space() + extra
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or limit < hard:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard if hard != resource.RLIM_INFINITY else limit))


def _answer(request: dict[str, Any], store: Any) -> dict[str, Any]:
    limits = QueryLimits(timeout_s=request["timeout_s"], max_rows=request["max_rows"], max_work=request["max_work"])
    try:
        result = store.read_bounded_here(request["query"], request["params"], limits)
    except tuple(_ERRORS.values()) as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    rows, size, truncated = [], 0, result.truncated
    for row in result.rows:
        size += len(json.dumps(row, ensure_ascii=False, default=str))
        if size > request["max_bytes"]:
            truncated = True
            break
        rows.append(row)
    return {"rows": rows, "truncated": truncated}


def _child() -> None:
    """Answer requests, one per line, until stdin ends: the graph loaded at the first, the memory
    limit set after it; a request after the graph file changed is answered `stale`, and the child ends."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from kg.stores.embedded import EmbeddedStore

    store: EmbeddedStore | None = None
    mtime = None
    for line in sys.stdin:
        request = json.loads(line)
        path = Path(request["path"])
        try:
            if store is None:
                mtime = path.stat().st_mtime
                store = EmbeddedStore(path)
                store.read("RETURN 1 AS one")  # the graph loaded: the limit is on what a statement adds to it, so
                # that a graph of a million nodes (itself more than the limit in address space) can still be asked
                limit_address_space(int(request["max_memory_mb"]) * 1024 * 1024)
            elif path.stat().st_mtime != mtime:
                print(json.dumps({"stale": True}), flush=True)
                return
            answer = _answer(request, store)
        except tuple(_ERRORS.values()) as exc:
            answer = {"error": type(exc).__name__, "message": str(exc)}
        except MemoryError:
            sys.exit(3)
        print(json.dumps(answer, ensure_ascii=False, default=str), flush=True)


if __name__ == "__main__":
    _child()
