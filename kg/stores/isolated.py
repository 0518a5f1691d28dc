"""Run one read a user typed against the embedded graph in a child process that can be stopped.

kglite bounds a statement's time (`timeout_ms`) and its matching work (`max_work_units`) but not
its memory: `MATCH (a),(b) RETURN a, b` or an unbounded variable-length path fills gigabytes
within seconds, and an allocation failure in its Rust core aborts the whole process (the
dashboard's server, or `kg cypher` with the batch it was part of). So a typed statement runs in a
child process under an address-space limit (RLIMIT_AS: `max_memory_mb` more than the child holds
once the graph is loaded) and a wall-clock deadline: whatever the statement does, the child dies,
not the caller, and the caller reports it by name.

Protocol: the parent writes one JSON request to the child's stdin; the child answers with one
JSON object on stdout: {"rows": [...], "truncated": bool} or {"error": class name, "message": str}.
The child keeps at most `max_rows` rows and at most `max_bytes` of serialised rows.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from kg.stores.base import BoundedRows, QueryError, QueryLimits, QueryTimeout, QueryTooLarge, ReadOnlyViolation

GRACE_S = 15.0  # start-up and graph loading, on top of the statement's own time limit
_ERRORS: dict[str, type[Exception]] = {cls.__name__: cls for cls in
                                        (QueryError, QueryTimeout, QueryTooLarge, ReadOnlyViolation)}


def run_isolated(path: Path, query: str, params: dict[str, Any], limits: QueryLimits) -> BoundedRows:
    request = {"path": str(path), "query": query, "params": params, "timeout_s": limits.timeout_s,
               "max_rows": limits.max_rows, "max_work": limits.max_work, "max_memory_mb": limits.max_memory_mb,
               "max_bytes": limits.max_result_mb * 1024 * 1024}
    try:
        done = subprocess.run([sys.executable, "-m", "kg.stores.isolated"], input=json.dumps(request, default=str),
                              capture_output=True, text=True, timeout=limits.timeout_s + GRACE_S,
                              env=os.environ | {"PYTHONHASHSEED": "0"})
    except subprocess.TimeoutExpired:
        raise QueryTimeout.after(limits.timeout_s) from None
    answer = _answer(done.stdout)
    if answer is None:  # killed by the memory limit (abort, MemoryError) or another signal
        raise QueryTooLarge.beyond(f"{limits.max_memory_mb:,} MB of memory", "KG_QUERY_MAX_MEMORY_MB")
    if "error" in answer:
        raise _ERRORS.get(answer["error"], QueryError)(answer["message"])
    return BoundedRows(answer["rows"], truncated=answer["truncated"])


def _answer(stdout: str) -> dict | None:
    try:
        answer = json.loads(stdout)
    except ValueError:
        return None
    return answer if isinstance(answer, dict) else None


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


def _child() -> None:
    request = json.loads(sys.stdin.read())
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from kg.stores.embedded import EmbeddedStore

    limits = QueryLimits(timeout_s=request["timeout_s"], max_rows=request["max_rows"], max_work=request["max_work"])
    try:
        store = EmbeddedStore(Path(request["path"]))
        store.read("RETURN 1 AS one")  # the graph loaded: the limit is on what the statement adds to it, so that
        # a graph of a million nodes (itself more than the limit in address space) can still be asked a small question
        limit_address_space(int(request["max_memory_mb"]) * 1024 * 1024)
        result = store.read_bounded_here(request["query"], request["params"], limits)
    except tuple(_ERRORS.values()) as exc:
        print(json.dumps({"error": type(exc).__name__, "message": str(exc)}, ensure_ascii=False))
        return
    except MemoryError:
        sys.exit(3)
    rows, size, truncated = [], 0, result.truncated
    for row in result.rows:
        line = json.dumps(row, ensure_ascii=False, default=str)
        size += len(line)
        if size > request["max_bytes"]:
            truncated = True
            break
        rows.append(row)
    print(json.dumps({"rows": rows, "truncated": truncated}, ensure_ascii=False, default=str))


if __name__ == "__main__":
    _child()
