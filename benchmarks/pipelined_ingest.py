"""Does extraction in worker processes speed up a whole ingest? (docs/PERFORMANCE.md, "Parallel
extraction").

Ingests the same synthetic corpus into a fresh store three ways and compares the time and the
resulting graph (node and relationship counts, and every document's sha256):

  serial       kg.ingest.ingest as it is
  pipelined-1  the same loop, but documents are extracted by ONE worker process while the parent
               loads the previous batch (benchmarks.parallel.extract_parallel(workers=1 process))
  parallel-2   two worker processes extract, the parent loads

    .venv/bin/python benchmarks/pipelined_ingest.py [--docs 1000] [--store embedded|neo4j]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def pipelined(store, folder: Path, workers: int, batch: int = 20) -> None:
    """A sketch of kg.ingest with benchmarks.parallel: guide first, then batches of extracted documents."""
    from benchmarks.common import load_in_batches
    from benchmarks.parallel import extract_parallel
    from extractors.documents import iter_paths, read_document
    from extractors.pipeline import GUIDE_PATH, extract
    from kg.load import load_facts

    store.apply_schema()
    load_facts(store, [extract(read_document(GUIDE_PATH))])
    raws = (read_document(path) for path, error in iter_paths([str(folder)]) if error is None)
    load_in_batches(store, extract_parallel(raws, workers=workers, force_processes=True), batch)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--store", default="embedded", choices=("embedded", "neo4j"))
    args = parser.parse_args()
    from benchmarks.common import synthetic_corpus
    from benchmarks.corpora import warm_up
    from benchmarks.stores import bench_store, count
    from kg.ingest import ingest
    from kg.load import ingested_documents

    work = synthetic_corpus("pipelined", args.docs)
    warm_up()
    results = {}
    for way in ("serial", "pipelined-1", "parallel-2"):
        store = bench_store(args.store, work, way)
        t = time.perf_counter()
        if way == "serial":
            ingest(store, [str(work / "corpus")])
        else:
            pipelined(store, work / "corpus", workers=int(way[-1]))
        seconds = time.perf_counter() - t
        results[way] = (seconds, count(store), sorted(ingested_documents(store).items()))
        print(f"{way:12s} {seconds:7.1f} s  {results[way][1][0]:,} nodes, {results[way][1][1]:,} relationships",
              flush=True)
        store.close()
    same = len({(r[1], str(r[2])) for r in results.values()}) == 1
    print(f"same graph (counts and documents) every way: {same}")


if __name__ == "__main__":
    main()
