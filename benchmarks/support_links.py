"""The support links a checkout computes on a graph, written sorted as JSON lines, to compare two
versions of `kg/support.py` link by link (every property, the fact_key included):

    PYTHONPATH=. .venv/bin/python benchmarks/support_links.py GRAPH_DIR COPY_DIR OUT.jsonl
    cmp before.jsonl after.jsonl

GRAPH_DIR holds a `graph.kgl` (with or without support); it is copied to COPY_DIR, the measure words
of passages that have none are filled in there (as `update_support` does first) and the links are
computed from scratch (`kg.support.recount`), not read from the store. A second run on COPY_DIR
(already filled) computes only. One line per link: `{"type", "head", "tail", "props"}`, in
(type, head, tail) order; the last line printed to stdout says how many and how long.
"""
from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(source: Path, copy: Path, out: Path) -> dict:
    from kg.stores.embedded import EmbeddedStore
    from kg.support import _fill_terms, candidates, recount

    if source.resolve() != copy.resolve():
        shutil.rmtree(copy, ignore_errors=True)
        copy.mkdir(parents=True)
        shutil.copy(source / "graph.kgl", copy / "graph.kgl")
    store = EmbeddedStore(copy / "graph.kgl", writer=True)
    wanted = candidates(store)
    if any(wanted.values()):
        _fill_terms(store, wanted)
        store.checkpoint()
    started = time.perf_counter()
    now = recount(store, sorted(wanted))
    seconds = time.perf_counter() - started
    rows = sorted([("EVIDENCED_BY", link) for link in now.evidence] + [("SAME_MEASURE", link) for link in now.same],
                  key=lambda x: (x[0], x[1].head, x[1].tail))
    with out.open("w", encoding="utf-8") as f:
        for name, link in rows:
            f.write(json.dumps({"type": name, **link.row()}, ensure_ascii=False, sort_keys=True) + "\n")
    store.close()
    return {"evidenced_by": len(now.evidence), "same_measure": len(now.same), "recount_seconds": round(seconds, 1)}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))))
