"""What `kg bench` measures and how much: the full and the quick configuration, the named queries
the targets judge, and the search words of the latency runs."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

Progress = Callable[[str], None]  # told what the benchmark is doing, one line at a time

FULL: dict[str, Any] = {
    "sizes": (100, 1_000, 10_000),
    "query_nodes": (10_000, 100_000, 1_000_000),
    "query_runs": 30,  # timed runs per query and graph size (at least 3, then within the budget)
    "query_budget_s": 20.0,
    "query_skip_s": 60.0,  # skip a query at the next size when its time, scaled linearly, exceeds this
    "base_docs": 300,  # extracted once, replicated to build the query graphs
    "build_batch_docs": 100,  # documents per write transaction when building
    "extraction_docs": 1_000,
    "parallel_docs": (100, 1_000),
    "workers": 2,
    "row_sample": 1_000,
    "long_pages": 100,
    "isolate": True,  # each ingest in its own process (clean peak RSS)
    "huge_text_mb": 50,  # one plain-text file this large through `kg ingest` (was a 5-minute test)
    # the dashboard's pages (benchmarks/pages.py): recordings of each page's first render and interactions
    # (different choices each), each replayed this often; a read slower than page_timeout_s when recorded
    # is reported, not timed
    "page_recordings": 2,
    "page_replays": 3,
    "page_timeout_s": 60.0,
}
QUICK: dict[str, Any] = {
    "sizes": (10, 30),
    "query_nodes": (2_000, 6_000),
    "query_runs": 3,
    "query_budget_s": 2.0,
    "query_skip_s": 10.0,
    "base_docs": 20,
    "build_batch_docs": 20,
    "extraction_docs": 30,
    "parallel_docs": (30,),
    "workers": 2,
    "row_sample": 30,
    "long_pages": 5,
    "isolate": False,
    "huge_text_mb": 0,
    "page_recordings": 1,
    "page_replays": 2,
    "page_timeout_s": 10.0,
}
TRACE_QUERIES = ("trace_recommendation", "recommendation_support", "measure_cluster")
NEIGHBOURHOOD_QUERIES = ("entity_neighbourhood", "entity_neighbours")
SEARCH_WORDS = ("党委 科技评估", "团体标准", "青年人才托举工程", "学会 承接 职能", "科普", "中国计算机学会",
                "分支机构", "人才评价", "党建", "科技期刊")
