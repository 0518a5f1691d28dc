"""Per-row writes against one batched `UNWIND`: the same passage rows written three ways."""
from __future__ import annotations

from typing import Any

from benchmarks.timing import now, rate, rounded
from kg.stores import GraphStore

_ROW_WRITE = ("UNWIND $rows AS row MERGE (n:Passage {id: row.id}) SET n += row.props "
              "WITH n, row MATCH (d:Document {id: row.doc_id}) MERGE (n)-[:PART_OF]->(d)")


def measure_row_writes(store: GraphStore, n: int) -> dict[str, Any]:
    """The same passage rows (node + PART_OF each) written one transaction per row, one statement
    per row in one transaction, and as one batched UNWIND; the rows are deleted afterwards."""
    store.apply_schema()
    store.write("MERGE (d:Document {id: 'bench-rows'}) SET d.name = 'bench rows'")

    def rows(tag: str) -> list[dict[str, Any]]:
        return [{"id": f"bench-{tag}-{i}", "doc_id": "bench-rows",
                 "props": {"doc_id": "bench-rows", "index": i, "start": i * 40, "end": i * 40 + 39,
                           "text": "各级科协要进一步加强学会党建工作，推动党的组织和党的工作两个全覆盖。",
                           "search": "各级 级科 科协 加强 学会 党建"}} for i in range(n)]

    out: dict[str, Any] = {"rows": n, "elements": 2 * n}
    seconds: dict[str, float] = {}
    t = now()
    for row in rows("tx"):
        store.write_all([(_ROW_WRITE, {"rows": [row]})])
    seconds["per_row_tx"] = now() - t
    t = now()
    store.write_all([(_ROW_WRITE, {"rows": [row]}) for row in rows("stmt")])
    seconds["per_row_statement"] = now() - t
    t = now()
    store.write_all([(_ROW_WRITE, {"rows": rows("batch")})])
    seconds["batched"] = now() - t
    for key, value in seconds.items():  # rates from the unrounded times: a fast batch is not 0 s
        out[f"{key}_seconds"] = rounded(value)
        out[f"{key}_elements_per_s"] = round(rate(2 * n, max(value, 1e-9)))
    out["batched_speedup_vs_per_row_tx"] = rounded(seconds["per_row_tx"] / max(seconds["batched"], 1e-9), 1)
    store.write("MATCH (p:Passage) WHERE p.doc_id = 'bench-rows' DETACH DELETE p")
    store.write("MATCH (d:Document {id: 'bench-rows'}) DETACH DELETE d")
    return out
