"""entity_neighbours (the dashboard's 图谱探索 query) at scale: as it is, and with the directions of
entities precomputed (docs/PERFORMANCE.md, "Queries at 1M nodes").

The query computes, for every neighbour entity, the research directions of every document that
mentions it — `OPTIONAL MATCH (m)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(md:Document)` — so one
neighbour that is a hub (中国科协, mentioned in most documents) costs as much as the whole corpus.
The variant reads `m.directions`, set once on every entity (what the loader would maintain:
the union of the directions of the documents that mention it), and must return the same rows.

    .venv/bin/python benchmarks/entity_neighbours.py --store embedded --nodes 115000
    NEO4J_URI=… .venv/bin/python benchmarks/entity_neighbours.py --store neo4j   # WIPES that database
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SET_DIRECTIONS = (
    "MATCH (e:Entity) "
    "OPTIONAL MATCH (e)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document) "
    "WITH e, collect(d.directions) AS ds "
    "SET e.directions = [x IN [1, 2, 3, 4] WHERE any(l IN ds WHERE x IN l)]")
OLD = """OPTIONAL MATCH (m)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(md:Document)
WITH n, rel, way, m, collect(md.directions) AS mentioned"""
NEW = """WITH n, rel, way, m"""
OLD_FOUND = "ELSE reduce(acc = [], ds IN mentioned | acc + ds) END AS found"
NEW_FOUND = "ELSE coalesce(m.directions, []) END AS found"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", default="embedded", choices=("embedded", "neo4j"))
    parser.add_argument("--nodes", type=int, default=115_000)
    parser.add_argument("--entities", type=int, default=40)
    args = parser.parse_args()
    from benchmarks.common import grown_graph
    from kg import queries
    from benchmarks.timing import percentile

    original = queries.get("entity_neighbours").cypher
    assert OLD in original and OLD_FOUND in original, "entity_neighbours.cypher changed: update this script"
    variant = original.replace(OLD, NEW).replace(OLD_FOUND, NEW_FOUND)
    store, built, base = grown_graph(args.store, args.nodes, "neighbours")
    t = time.perf_counter()
    store.write(SET_DIRECTIONS)
    print(f"{built['nodes']:,} nodes, {built['relationships']:,} relationships; "
          f"setting Entity.directions once took {time.perf_counter() - t:.1f} s")
    rng = random.Random(3)
    entities = sorted({e.id for f in base for e in f.entities})
    sample = [rng.choice(entities) for _ in range(args.entities)]
    params = [{"entity_id": e, "labels": "", "direction": d, "limit": 30} for e in sample for d in (0, 2)]
    bind = queries.get("entity_neighbours").bind  # every parameter the query takes, defaults filled in
    for name, cypher in (("as is", original), ("precomputed directions", variant)):
        times, rows = [], []
        for p in params:
            t = time.perf_counter()
            rows.append(store.read(cypher, bind(p)))
            times.append(time.perf_counter() - t)
        print(f"{name:24s} p50 {1000 * percentile(times, 0.5):9.1f} ms   p95 {1000 * percentile(times, 0.95):9.1f} ms"
              f"   max {1000 * max(times):9.1f} ms", flush=True)
        if name == "as is":
            expected = rows
        else:
            same = all(json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)
                       for a, b in zip(expected, rows, strict=True))
            print(f"same rows as the original for all {len(params)} parameter sets: {same}")
    if args.store == "neo4j":
        store.wipe()
    store.close()


if __name__ == "__main__":
    main()
