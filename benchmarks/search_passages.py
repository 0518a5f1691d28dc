"""search_passages at scale: as it is, and with LIMIT applied before the PART_OF expansion
(docs/PERFORMANCE.md, "Queries at 1M nodes"). A common bigram matches a large share of all
passages; the query expands every hit to its document before keeping the best 20.

    NEO4J_URI=… .venv/bin/python benchmarks/search_passages.py --store neo4j --nodes 115000  # WIPES it
    .venv/bin/python benchmarks/search_passages.py --store embedded
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

VARIANT = """CALL db.index.fulltext.queryNodes('passage_search', $query) YIELD node, score
WITH node, score ORDER BY score DESC, node.id LIMIT $limit
MATCH (node)-[:PART_OF]->(d:Document)
RETURN node.id AS passage_id, node.text AS text, d.id AS doc_id, d.title AS title, score
ORDER BY score DESC, passage_id"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", default="embedded", choices=("embedded", "neo4j"))
    parser.add_argument("--nodes", type=int, default=115_000)
    args = parser.parse_args()
    from benchmarks.common import grown_graph
    from extractors.segment import fulltext_query
    from kg import queries
    from benchmarks.config import SEARCH_WORDS
    from benchmarks.latency import rebuild_fulltext
    from benchmarks.timing import percentile

    store, built, _ = grown_graph(args.store, args.nodes, "search")
    if args.store == "embedded":
        rebuild_fulltext(store)  # benchmarks/kglite_fulltext_repro.py
    print(f"{built['nodes']:,} nodes, {built['relationships']:,} relationships")
    params = [{"query": fulltext_query(w), "limit": 20} for w in SEARCH_WORDS] * 3
    results = {}
    for name, cypher in (("as is", queries.get("search_passages").cypher), ("LIMIT first", VARIANT)):
        times, rows = [], []
        store.read(cypher, params[0])
        for p in params:
            t = time.perf_counter()
            rows.append([(r["passage_id"], r["doc_id"]) for r in store.read(cypher, p)])
            times.append(time.perf_counter() - t)
        results[name] = rows
        print(f"{name:12s} p50 {1000 * percentile(times, 0.5):8.1f} ms   p95 {1000 * percentile(times, 0.95):8.1f} ms")
    print("same rows:", results["as is"] == results["LIMIT first"])
    if args.store == "neo4j":
        store.wipe()
    store.close()


if __name__ == "__main__":
    main()
