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
import subprocess
import sys
import tempfile
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
    from kg.ingest import IngestReport, _read_all
    from kg.load import ingested_documents, load_facts

    report = IngestReport()
    store.apply_schema()
    known = ingested_documents(store)
    found = [Seen(r.path, to_document(r).id, r.sha256, is_guide(r.text)) for r in _read_all(paths, report)]
    found.sort(key=lambda s: not s.guide)
    if not any(s.guide for s in found) and not store.read("MATCH (d:Guide) RETURN d.id AS id LIMIT 1"):
        found.insert(0, Seen(str(GUIDE_PATH), "", "", True))
    batch, ingested = [], 0
    for s in found:
        if s.sha256 and known.get(s.doc_id, {}).get("sha256") == s.sha256:
            continue
        batch.append(extract(read_document(s.path)))
        ingested += 1
        if len(batch) >= batch_size:
            load_facts(store, batch)
            batch = []
    if batch:
        load_facts(store, batch)
    store.checkpoint()
    return ingested


def child(way: str, corpus: str, workdir: str, store_kind: str) -> dict:
    from kg.bench import _count, _proc_status, _quiet_driver, _warm_up, open_store
    from kg.ingest import ingest

    _quiet_driver()
    _warm_up()
    store = open_store(store_kind, Path(workdir), way)
    t = time.perf_counter()
    if way == "as-is":
        ingest(store, [corpus])
    else:
        streaming_ingest(store, [corpus])
    seconds = time.perf_counter() - t
    peak = _proc_status("VmHWM")
    nodes, rels = _count(store)
    if store_kind == "neo4j":
        from kg.bench import _wipe

        _wipe(store)
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
    from kg.synthetic import write_corpus

    work = Path(tempfile.mkdtemp(prefix="streaming-"))
    write_corpus(work / "corpus", args.docs)
    for way in args.ways.split(","):
        out = subprocess.run([sys.executable, __file__, "_child", way, str(work / "corpus"), str(work), args.store],
                             capture_output=True, text=True, cwd=ROOT)
        lines = out.stdout.strip().splitlines()
        print(lines[-1] if out.returncode == 0 and lines else f"{way}: failed: {out.stderr.strip()[-400:]}",
              flush=True)


if __name__ == "__main__":
    main()
