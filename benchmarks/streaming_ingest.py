"""Memory of `kg ingest` in corpus size (docs/PERFORMANCE.md, "Memory"): kg.ingest.ingest as it is
(it reads every document into a list before extracting any), and a two-pass sketch that keeps no
text: pass 1 notes each file's path, sha256, document id, size and whether it is the guide; pass 2
reads again, extracts and loads only the documents that are new or changed. Each run is its own
process; peak RSS is VmHWM. Use Neo4j to see the pipeline's own memory (the embedded store holds
the whole graph in the process).

    NEO4J_URI=… .venv/bin/python benchmarks/streaming_ingest.py --docs 10000   # WIPES that database
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Seen:
    path: str
    doc_id: str
    sha256: str
    guide: bool


def streaming_ingest(store, paths: list[str], batch_size: int = 20) -> int:
    """The recommended shape of kg.ingest.ingest (guide first, unchanged skipped), holding no text."""
    from extractors.documents import read_document
    from extractors.guide import is_guide
    from extractors.pipeline import GUIDE_PATH, extract, to_document
    from benchmarks.common import load_in_batches
    from kg.ingest import IngestReport, _read_all
    from kg.load import ingested_documents

    report = IngestReport()
    store.apply_schema()
    known = ingested_documents(store)
    found = [Seen(r.path, to_document(r).id, r.sha256, is_guide(r.text)) for r in _read_all(paths, report)]
    found.sort(key=lambda s: not s.guide)
    if not any(s.guide for s in found) and not store.read("MATCH (d:Guide) RETURN d.id AS id LIMIT 1"):
        found.insert(0, Seen(str(GUIDE_PATH), "", "", True))
    todo = [s for s in found if not (s.sha256 and known.get(s.doc_id, {}).get("sha256") == s.sha256)]
    load_in_batches(store, (extract(read_document(s.path)) for s in todo), batch_size)
    return len(todo)


def child(way: str, corpus: str, workdir: str, store_kind: str) -> dict:
    from benchmarks.corpora import warm_up
    from benchmarks.stores import bench_store, count, quiet_driver
    from benchmarks.timing import proc_status
    from kg.ingest import ingest

    quiet_driver()
    warm_up()
    store = bench_store(store_kind, Path(workdir), way)
    t = time.perf_counter()
    if way == "as-is":
        ingest(store, [corpus])
    else:
        streaming_ingest(store, [corpus])
    seconds = time.perf_counter() - t
    peak = proc_status("VmHWM")
    nodes, rels = count(store)
    if store_kind == "neo4j":
        store.wipe()
    store.close()
    return {"way": way, "seconds": round(seconds, 1), "nodes": nodes, "relationships": rels,
            "peak_rss_mb": round(peak, 1)}


def main() -> None:
    if sys.argv[1:2] == ["_child"]:
        print(json.dumps(child(*sys.argv[2:6])))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--store", default="neo4j", choices=("embedded", "neo4j"))
    parser.add_argument("--ways", default="as-is,streaming")
    args = parser.parse_args()
    from benchmarks.common import run_children, synthetic_corpus

    work = synthetic_corpus("streaming", args.docs)
    run_children(__file__, args.ways.split(","), lambda way: [way, str(work / "corpus"), str(work), args.store])


if __name__ == "__main__":
    main()
