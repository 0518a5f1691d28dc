"""What one write transaction costs on a large embedded graph, beside the same write outside a
transaction: kglite's `begin()` forks the graph at the first write, so the cost grows with the graph,
not with the write (docs/PERFORMANCE.md, "Memory and ingest speed at 10,000 documents").

    PYTHONPATH=. .venv/bin/python benchmarks/transaction_cost.py GRAPH.kgl   # writes into a copy
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(graph: Path) -> None:
    import kglite

    from benchmarks.memory_breakdown import _reset_peak, _status

    copy = Path(tempfile.mkdtemp(prefix="txcost-")) / "graph.kgl"
    shutil.copy(graph, copy)
    if Path(f"{graph}-wal").exists():
        shutil.copy(f"{graph}-wal", f"{copy}-wal")
    g = kglite.open(str(copy), durable="normal")
    info = g.graph_info()
    print(json.dumps({"nodes": info["node_count"], "relationships": info["edge_count"]}), flush=True)
    passage = g.cypher("MATCH (p:Passage) RETURN p.id AS id LIMIT 1").to_list()[0]["id"]
    query = "MATCH (p:Passage {id: $p}) CREATE (n:Tmp {id: $i})-[:TMP {a: 1, b: 'xyz'}]->(p)"
    for i, way in enumerate(("transaction", "direct") * 3):
        _reset_peak()
        wall, cpu = time.perf_counter(), time.process_time()
        if way == "transaction":
            tx = g.begin()
            tx.cypher(query, params={"p": passage, "i": str(i)})
            tx.commit()
        else:
            g.cypher(query, params={"p": passage, "i": str(i)})
        print(json.dumps({"way": way, "seconds": round(time.perf_counter() - wall, 3),
                          "cpu_seconds": round(time.process_time() - cpu, 3),
                          "peak_above_rss_mib": round(_status("VmHWM") - _status("VmRSS"))}), flush=True)
    shutil.rmtree(copy.parent, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
