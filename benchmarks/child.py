"""One measurement in a fresh Python process, for a clean peak RSS: `isolated("measure_ingest", …)`
runs `python -m benchmarks.child measure_ingest '<keyword arguments as JSON>'`, whose last line on
stdout is the result as JSON."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _children() -> dict[str, Any]:
    from benchmarks.ingest import measure_ingest

    return {"measure_ingest": measure_ingest}


def isolated(function: str, **kwargs: Any) -> dict[str, Any]:
    """`function(**kwargs)` (one of the measurements above) run in a new Python process."""
    proc = subprocess.run([sys.executable, "-m", "benchmarks.child", function, json.dumps(kwargs)],
                          capture_output=True, text=True, check=False, cwd=str(ROOT))
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        raise RuntimeError(f"benchmark child {function} failed: {tail}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    function, kwargs = argv[0], json.loads(argv[1])
    children = _children()
    if function not in children:
        raise SystemExit(f"unknown benchmark child {function!r}")
    sys.stdout.write(json.dumps(children[function](**kwargs)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
