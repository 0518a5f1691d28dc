"""The support step of `kg ingest` alone (`kg.support.update_support`), on a copy of an embedded graph
that has none yet — e.g. one written by `python -m benchmarks.memory_breakdown --variants
embedded+no-support` — with its peak RSS, CPU seconds and the content digest of the result (to
compare two versions of the code on the same graph, run each from its own checkout):

    PYTHONPATH=. .venv/bin/python benchmarks/support_step.py GRAPH_DIR COPY_DIR
"""
from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(source: Path, copy: Path) -> dict:
    from benchmarks.memory_breakdown import _reset_peak, _status
    from extractors.measures import measure_terms
    from kg.stores.embedded import EmbeddedStore
    from kg.support import update_support

    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir(parents=True)
    shutil.copy(source / "graph.kgl", copy / "graph.kgl")
    measure_terms("中国科协")  # jieba's dictionary loaded before the measurement
    store = EmbeddedStore(copy / "graph.kgl", writer=True)
    before = _status("VmRSS")
    _reset_peak()
    wall, cpu = time.perf_counter(), time.process_time()
    report = update_support(store)
    out = {"seconds": round(time.perf_counter() - wall, 1), "cpu_seconds": round(time.process_time() - cpu, 1),
           "rss_before": round(before), "peak": round(_status("VmHWM")), "report": report.__dict__,
           "digest": store.content_digest()}
    store.close()
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
