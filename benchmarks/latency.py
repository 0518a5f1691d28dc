"""Named-query latency as the graph grows: p50/p95 of every query of the library at each size of
`query_nodes`, parameters drawn from the graph, entity queries also timed on the hub entity."""
from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from benchmarks.builder import GraphBuilder
from benchmarks.config import SEARCH_WORDS, Progress
from benchmarks.pages import measure_pages
from benchmarks.stores import bench_store
from benchmarks.timing import now, percentile, rounded
from kg.stores import GraphStore, StoreError


def query_params(ids: dict[str, list[str]], rng: random.Random) -> dict[str, list[dict[str, Any]] | str]:
    """Parameters for every named query: its required parameters drawn from the graph; a query
    with a required parameter of unknown meaning is skipped (reported)."""
    from extractors.segment import fulltext_query
    from kg import queries

    pools: dict[str, list[Any]] = {
        "rec_id": ids["rec_id"], "doc_id": ids["doc_id"], "entity_id": ids["entity_id"],
        "query": [fulltext_query(w) for w in SEARCH_WORDS],
        "indicator": ["1.1", "2.4", "3.2", "4.3"],
    }
    out: dict[str, list[dict[str, Any]] | str] = {}
    for name, q in sorted(queries.library().items()):
        required = [p for p in q.params if p.required]
        unknown = [p.name for p in required if p.name not in pools and p.name != "direction"]
        if unknown:
            out[name] = f"skipped: no benchmark values for required parameter(s) {', '.join(unknown)}"
            continue
        n = max([len(pools[p.name]) for p in required if p.name in pools] or [4])
        sets = []
        for i in range(n):
            params: dict[str, Any] = {}
            for p in required:
                if p.name == "direction":
                    params[p.name] = str(i % 4 + 1) if p.type == "str" else i % 4 + 1
                else:
                    params[p.name] = pools[p.name][i % len(pools[p.name])]
            sets.append(params)
        rng.shuffle(sets)
        out[name] = sets
    return out


def measure_queries(store: GraphStore, params: dict[str, list[dict[str, Any]] | str], hub: str,
                    runs: int, budget_s: float, skip_hub: dict[str, str] | None = None) -> dict[str, Any]:
    """p50/p95 of every named query (one warm-up run each, then up to `runs` timed runs cycling
    through the parameter sets: at least 3 (1 for a query slower than a fifth of the budget), then
    more while within `budget_s`). Queries in `skip_hub` are not timed on the hub entity."""
    from kg import queries

    out: dict[str, Any] = {}
    for name, sets in params.items():
        if isinstance(sets, str):
            out[name] = {"skipped": sets}
            continue
        try:
            t = now()
            rows = queries.run(store, name, **sets[0])  # warm-up (plans, caches)
            least = 3 if now() - t < budget_s / 5 else 1  # a slow query is timed fewer times
            times: list[float] = []
            begin = now()
            i = 0
            while i < runs and (i < least or now() - begin < budget_s):
                t = now()
                queries.run(store, name, **sets[i % len(sets)])
                times.append(now() - t)
                i += 1
            entry: dict[str, Any] = {"p50_ms": rounded(1000 * percentile(times, 0.5), 2),
                                     "p95_ms": rounded(1000 * percentile(times, 0.95), 2),
                                     "runs": len(times), "rows": len(rows)}
            if "entity_id" in sets[0] and name in (skip_hub or {}):
                entry["hub_skipped"] = (skip_hub or {})[name]
            elif "entity_id" in sets[0]:
                hub_times = []
                for _ in range(3 if runs >= 5 and least == 3 else 1):
                    t = now()
                    hub_rows = queries.run(store, name, **{**sets[0], "entity_id": hub})
                    hub_times.append(now() - t)
                entry["hub_ms"] = rounded(1000 * min(hub_times), 2)
                entry["hub_rows"] = len(hub_rows)
            out[name] = entry
        except StoreError as exc:
            out[name] = {"error": str(exc)[:300]}
    return out


def rebuild_fulltext(store: GraphStore) -> None:
    """Drop and re-create the full-text indexes (embedded: the workaround for the kglite bug)."""
    from schema.constraints import FULLTEXT_INDEXES

    for name in FULLTEXT_INDEXES:
        store.drop_index(name)
    store.apply_schema()


def measure_query_sizes(store_kind: str, base: list, guide: Any, workdir: Path, cfg: dict[str, Any],
                        progress: Progress) -> list[dict[str, Any]]:
    """Grow one graph through the sizes of `cfg["query_nodes"]`, timing every named query at each."""
    from kg.support import update_support

    store = bench_store(store_kind, workdir, "queries")
    results = []
    try:
        builder = GraphBuilder.on_empty_store(store, guide, base, cfg["build_batch_docs"])
        rng = random.Random(f"bench-queries:{store_kind}")
        previous: dict[str, tuple[int, float]] = {}  # query -> (nodes, seconds) at the last size
        previous_hub: dict[str, tuple[int, float]] = {}
        for target in cfg["query_nodes"]:
            progress(f"{store_kind}: building a graph of ~{target:,} nodes")
            built = builder.grow_to(target, progress)
            # support across the corpus, as `kg ingest` keeps it: the trace page reads it
            t = now()
            support = update_support(store)
            built["support_seconds"] = rounded(now() - t)
            built["support_links"] = support.evidenced_by + support.same_measure
            if store_kind == "embedded":
                # kglite 0.21.2 loses its full-text index after 10 write transactions without a
                # full-text query (benchmarks/kglite_fulltext_repro.py): rebuild it, so the search
                # queries are timed on a working index, and report what the rebuild costs
                t = now()
                rebuild_fulltext(store)
                built["fulltext_rebuild_seconds"] = rounded(now() - t)
                store.checkpoint()
            ids = builder.sample_ids(rng, 40)
            params = query_params(ids, rng)
            for name, (nodes, seconds) in previous.items():
                expected = seconds * built["nodes"] / nodes
                if expected > cfg["query_skip_s"] and not isinstance(params.get(name), str):
                    params[name] = (f"skipped: {seconds:.1f} s at {nodes:,} nodes, "
                                    f"so ≥ {expected:.0f} s expected here")
            skip_hub = {name: f"{seconds:.1f} s at {nodes:,} nodes" for name, (nodes, seconds) in previous_hub.items()
                        if seconds * built["nodes"] / nodes > cfg["query_skip_s"]}
            reader: GraphStore = store
            load_seconds = None
            if store_kind == "embedded":  # the dashboard reads a checkpoint, as here
                t = now()
                reader = bench_store(store_kind, workdir, "queries", writer=False)
                load_seconds = rounded(now() - t)
            progress(f"{store_kind}: timing {len(params)} named queries at {built['nodes']:,} nodes")
            try:
                timings = measure_queries(reader, params, builder.hub(), cfg["query_runs"], cfg["query_budget_s"],
                                          skip_hub)
                if cfg.get("page_recordings"):  # each dashboard page's reads, on the same graph (issue 13)
                    progress(f"{store_kind}: timing the dashboard's pages at {built['nodes']:,} nodes")
                    built["pages"] = measure_pages(reader, cfg["page_recordings"], cfg["page_replays"],
                                                   timeout_s=cfg["page_timeout_s"], seed=f"bench-pages:{store_kind}")
            finally:
                if reader is not store:
                    reader.close()
            for name, q in timings.items():
                if "p50_ms" in q:
                    previous[name] = (built["nodes"], q["p50_ms"] / 1000)
                elif name in previous and "skipped" in q:  # stays skipped at larger sizes
                    previous[name] = (built["nodes"], previous[name][1] * built["nodes"] / previous[name][0])
                if "hub_ms" in q:
                    previous_hub[name] = (built["nodes"], q["hub_ms"] / 1000)
                elif name in previous_hub:
                    previous_hub[name] = (built["nodes"], previous_hub[name][1] * built["nodes"] / previous_hub[name][0])
            results.append({**built, "target_nodes": target, "reader_load_seconds": load_seconds,
                            "queries": timings})
    finally:
        if store_kind == "neo4j":
            store.wipe()
        store.close()
    return results
