"""How long `kg check` takes as the graph grows (issue 15: it must stay linear; target < 30 s at
1,500 documents). Ingests synthetic documents into a fresh embedded store (or the Neo4j named by
NEO4J_URI with --store neo4j: that database is WIPED) and times every check.

    .venv/bin/python benchmarks/check_scaling.py [--docs 400 1500] [--store embedded|neo4j]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from benchmarks.stores import bench_store
    from benchmarks.synthetic import write_corpus
    from kg.check import CHECKS, PYTHON_CHECKS
    from kg.ingest import ingest

    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, nargs="+", default=[400, 1500])
    parser.add_argument("--store", choices=["embedded", "neo4j"], default="embedded")
    args = parser.parse_args()
    for count in args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = write_corpus(Path(tmp) / "corpus", count, seed=15)
            store = bench_store(args.store, Path(tmp), "graph")  # Neo4j: wiped
            t0 = time.perf_counter()
            ingest(store, [str(p) for p in corpus])
            loaded = time.perf_counter() - t0
            stats = store.stats()
            nodes = sum(stats["labels"].values())
            rels = sum(stats["relationships"].values())
            total = 0.0
            print(f"\n{count} documents ({nodes:,} labels on nodes, {rels:,} relationships), ingest {loaded:.1f} s")
            for name, query in CHECKS.items():
                t = time.perf_counter()
                store.read(query)
                took = time.perf_counter() - t
                total += took
                print(f"  {took:7.2f} s  {name}")
            for name, check in PYTHON_CHECKS.items():
                t = time.perf_counter()
                check(store)
                took = time.perf_counter() - t
                total += took
                print(f"  {took:7.2f} s  {name}")
            print(f"  {total:7.2f} s  kg check in all")
            store.close()


if __name__ == "__main__":
    main()
