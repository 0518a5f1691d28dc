"""Peak RSS of `kg ingest` into the embedded store with kglite's storage modes (docs/PERFORMANCE.md,
"Memory"). The embedded store opens its graph with `kglite.open(path)`, which keeps the whole
graph on the heap ("memory"); kglite can also keep columns in a file mapping ("mapped") or on
disk ("disk": kglite allows it only with durable="off", and refuses the full-text indexes there —
"the BM25 index is heap-resident" — so it is no option for this product). Each mode runs in its own process (clean VmHWM) on the same corpus.

    .venv/bin/python benchmarks/embedded_storage.py [--docs 1000] [--modes memory,mapped,disk]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child(corpus: str, workdir: str, mode: str) -> dict:
    import kglite

    original = kglite.open

    def open_with_mode(path, **kwargs):  # what EmbeddedStore would pass with a storage setting
        if mode == "disk":  # kglite: a disk graph has no write-ahead log (durability by save())
            kwargs["durable"] = "off"
        return original(path, storage=mode, **kwargs)

    kglite.open = open_with_mode
    from benchmarks.corpora import warm_up
    from benchmarks.stores import bench_store, count
    from benchmarks.timing import proc_status
    from kg.ingest import ingest

    warm_up()
    before = proc_status("VmRSS")
    store = bench_store("embedded", Path(workdir), f"graph-{mode}")
    t = time.perf_counter()
    ingest(store, [corpus])
    seconds = time.perf_counter() - t
    nodes, rels = count(store)
    store.close()
    return {"mode": mode, "seconds": round(seconds, 1), "nodes": nodes, "relationships": rels,
            "rss_before_mb": round(before, 1), "peak_rss_mb": round(proc_status("VmHWM"), 1)}


def main() -> None:
    if sys.argv[1:2] == ["_child"]:
        print(json.dumps(child(*sys.argv[2:5])))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--modes", default="memory,mapped,disk")
    args = parser.parse_args()
    from benchmarks.common import run_children, synthetic_corpus

    work = synthetic_corpus("storage", args.docs)
    run_children(__file__, args.modes.split(","), lambda mode: [str(work / "corpus"), str(work), mode])


if __name__ == "__main__":
    main()
