"""`kg bench --quick` keeps working: it runs and reports every measurement with positive numbers.

Benchmarks are not tests: nothing here asserts how fast anything is.
"""
from __future__ import annotations

import io
import json

import pytest

from dashboards.pages import PAGES
from kg import queries
from benchmarks.pages import FIRST, PAGE_STEPS, record_page
from benchmarks.report import markdown, print_table
from benchmarks.run import run_bench
from benchmarks.targets import targets
from benchmarks.timing import percentile


def _positive(value) -> bool:
    return isinstance(value, (int, float)) and value > 0


def _check_shape(result: dict, stores: tuple[str, ...]) -> None:
    assert result["quick"] is True and result["stores"] == list(stores)
    m = result["machine"]
    assert m["nproc"] >= 1 and m["python"] and m["kglite"]

    ex = result["extraction"]
    for key in ("chars", "extract_chars_per_s", "tokenise_chars_per_s", "ratio"):
        assert _positive(ex[key]), key

    for p in result["parallel"]:
        assert p["identical"] is True
        assert _positive(p["serial_seconds"]) and _positive(p["parallel_seconds"])

    for kind in stores:
        long = result["long_document"][kind]
        assert long["ingested"] == 1
        for key in ("chars", "seconds", "extract_seconds", "load_seconds", "nodes", "relationships"):
            assert _positive(long[key]), (kind, key)

        runs = result["ingest"][kind]
        assert [r["documents"] for r in runs] == list(result["config"]["sizes"])
        for r in runs:
            assert r["rejected"] == 0
            assert r["reingest_unchanged"] == r["documents"]  # every document skipped the second time
            for key in ("seconds", "docs_per_s", "nodes", "relationships", "elements_per_s", "load_seconds",
                        "load_elements_per_s", "peak_rss_mb", "reingest_seconds", "reingest_fraction"):
                assert _positive(r[key]), (kind, key)

        sizes = result["queries"][kind]
        assert len(sizes) == len(result["config"]["query_nodes"])
        assert sizes[0]["nodes"] < sizes[-1]["nodes"]
        for size in sizes:
            assert _positive(size["nodes"]) and _positive(size["build_elements_per_s"])
            assert set(size["queries"]) == set(queries.library())
            for name, q in size["queries"].items():
                assert "error" not in q, (kind, name, q)
                if "skipped" in q:
                    continue
                assert _positive(q["p50_ms"]) and q["p95_ms"] >= q["p50_ms"], (kind, name)
                assert q["runs"] >= 1

            pages = size["pages"]
            assert set(pages) == {p for p, _f, _i in PAGES}
            for page, steps in pages.items():
                assert "first render" in steps, page
                for step, row in steps.items():
                    assert "failed" not in row, (kind, page, step, row)
                    assert row["runs"] >= 1 and row["p95_ms"] >= row["p50_ms"] >= 0, (kind, page, step)

        w = result["row_writes"][kind]
        for key in ("per_row_tx_elements_per_s", "per_row_statement_elements_per_s", "batched_elements_per_s"):
            assert _positive(w[key]), (kind, key)

    assert result["targets"] and all(isinstance(t["met"], bool) for t in result["targets"])
    json.dumps(result)  # `kg bench --json` can print it
    console_out = io.StringIO()
    from rich.console import Console

    print_table(result, Console(file=console_out, width=200))
    assert "named query latency" in console_out.getvalue() and "dashboard pages" in console_out.getvalue()
    assert "| query |" in markdown(result)


# smaller than --quick: the tests check that every measurement runs and reports, not its numbers
SMOKE = {"sizes": (5, 10), "query_nodes": (500, 1_500), "query_runs": 1, "query_budget_s": 0.5, "base_docs": 5,
         "build_batch_docs": 5, "extraction_docs": 10, "parallel_docs": (10,), "row_sample": 10, "long_pages": 2,
         "page_recordings": 1, "page_replays": 1}


def test_quick_bench_on_the_embedded_store(tmp_path):
    result = run_bench(quick=True, stores=("embedded",), workdir=tmp_path, **SMOKE)
    _check_shape(result, ("embedded",))
    # the benchmark leaves nothing but its own working folder: no store still open
    assert not list(tmp_path.rglob("*.kgl-lock"))


@pytest.mark.neo4j
def test_quick_bench_on_neo4j(tmp_path, neo4j_store):
    result = run_bench(quick=True, stores=("neo4j",), workdir=tmp_path, **SMOKE)
    _check_shape(result, ("neo4j",))
    assert neo4j_store.read("MATCH (n) RETURN count(n) AS c")[0]["c"] == 0  # left empty


def test_percentile_is_nearest_rank():
    values = [5.0, 1.0, 4.0, 2.0, 3.0]
    assert percentile(values, 0.5) == 3.0
    assert percentile(values, 0.95) == 5.0
    assert percentile([7.0], 0.95) == 7.0


def test_targets_are_judged_from_the_numbers():
    result = {
        "extraction": {"ratio": 0.6},
        "ingest": {"neo4j": [{"documents": 100, "load_elements_per_s": 60_000, "reingest_fraction": 0.01,
                              "peak_rss_mb": 400.0},
                             {"documents": 10_000, "load_elements_per_s": 40_000, "reingest_fraction": 0.08,
                              "peak_rss_mb": 600.0}]},
        "queries": {"neo4j": [{"nodes": 1_000_000, "build_elements_per_s": 10_000, "queries": {
            "trace_recommendation": {"p95_ms": 12.0}, "entity_neighbourhood": {"p95_ms": 70.0}}}]},
        "long_document": {"neo4j": {"seconds": 4.0}},
    }
    judged = {t["target"]: t["met"] for t in targets(result)}
    assert judged["extraction ≥ 0.5× blank-zh tokenisation"] is True
    assert judged["Neo4j load ≥ 50,000 nodes+relationships/s (batched UNWIND)"] is True
    assert any(k.startswith("neo4j: trace and neighbourhood") and v is False for k, v in judged.items())
    assert any(k.startswith("neo4j: unchanged re-ingest") and v is False for k, v in judged.items())
    assert any(k.startswith("neo4j: memory flat") and v is False for k, v in judged.items())
    assert any(k.startswith("neo4j: the long document") and v is True for k, v in judged.items())


def test_kg_bench_passes_its_options_on_and_prints_and_saves_the_result(tmp_path, monkeypatch):
    import benchmarks.report
    import benchmarks.run
    from typer.testing import CliRunner

    from kg.cli import app

    calls = {}
    fake = {"quick": True, "stores": ["embedded"], "seconds": 1.0}

    def run_bench(**kwargs):
        calls.update(kwargs)
        kwargs["progress"]("a step")
        return fake

    monkeypatch.setattr(benchmarks.run, "run_bench", run_bench)
    monkeypatch.setattr(benchmarks.report, "markdown", lambda result: f"| {result['seconds']} |")
    monkeypatch.setattr(benchmarks.report, "print_table", lambda result, console: console.print("TABLE"))
    saved, md = tmp_path / "out.json", tmp_path / "out.md"
    result = CliRunner().invoke(app, ["bench", "--quick", "--store", "embedded", "--json",
                                      "--save-json", str(saved), "--save-markdown", str(md)])
    assert result.exit_code == 0, result.output
    assert calls["quick"] is True and calls["stores"] == ["embedded"]
    assert json.loads(result.stdout) == fake and json.loads(saved.read_text()) == fake
    assert md.read_text() == "| 1.0 |"
    assert "a step" in result.stderr
    table = CliRunner().invoke(app, ["bench"])
    assert table.exit_code == 0 and table.stdout == "TABLE\n" and calls["quick"] is False and calls["stores"] is None


def test_kg_bench_refusing_to_wipe_is_one_line(monkeypatch):
    import benchmarks.run
    from typer.testing import CliRunner

    from kg.cli import app
    from kg.stores import StoreError

    def refuse(**kwargs):
        raise StoreError("kg bench wipes the Neo4j database, and bolt://x holds 3 nodes.")

    monkeypatch.setattr(benchmarks.run, "run_bench", refuse)
    result = CliRunner().invoke(app, ["bench", "--store", "neo4j"])
    assert result.exit_code == 1 and "holds 3 nodes" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_unknown_store_is_refused_before_anything_runs(tmp_path):
    with pytest.raises(ValueError, match="unknown store mongo"):
        run_bench(quick=True, stores=("embedded", "mongo"), workdir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_page_benchmark_drives_every_page_and_each_step_reads_what_it_should(tmp_path):
    """benchmarks/pages.py names each page's interactions; here, on the seed graph, every page of the
    app is opened and used through them, so a page added, or a widget renamed, fails here rather than
    leaving the benchmark measuring less than the page does."""
    import random

    from kg.ingest import ingest
    from kg.stores.embedded import EmbeddedStore
    from seed_data import resource

    store = EmbeddedStore(tmp_path / "graph.kgl", writer=True)
    try:
        ingest(store, [str(resource("guide-2020.txt")), str(resource("documents"))])
        assert set(PAGE_STEPS) == {p for p, _f, _i in PAGES}
        read, calls_of = {}, {}
        for page, steps in PAGE_STEPS.items():
            recorded = record_page(store, page, random.Random(page))
            assert list(recorded) == [FIRST] + [name for name, _ in steps], page  # every step was made
            assert not [c for calls in recorded.values() for c in calls if c.failed], page
            read[page] = {step: {c.label for c in calls} for step, calls in recorded.items()}
            calls_of[page] = recorded
        # the timeline reads the documents of the kinds and years it draws (policies from 2012 by default), not all
        timeline = next(c for c in calls_of["timeline"][FIRST] if c.label == "document_timeline")
        params = timeline.args[1] if len(timeline.args) > 1 else timeline.kwargs.get("params")
        assert (params["kind"], params["from_year"]) == ("policy", 2012)
        drawn = store.read(timeline.args[0], params)
        assert drawn and {r["kind"] for r in drawn} == {"policy"}
        assert all(r["year"] is None or r["year"] >= 2012 for r in drawn)
        assert len(drawn) < store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] - 1
    finally:
        store.close()
    assert {"type_counts", "coverage", "policy_timeline", "directions"} <= read["overview"][FIRST]
    assert {"coverage", "recommendations_by_indicator", "trace_recommendation"} <= read["trace"][FIRST]
    assert "recommendations_by_indicator" in read["trace"]["pick an indicator"]
    switched = [c for c in calls_of["trace"]["only backed recommendations"] if c.label == "recommendations_by_indicator"]
    assert switched and all((c.args[1] if len(c.args) > 1 else c.kwargs.get("params"))["backed"] for c in switched)
    assert {"top_entities", "entity_neighbours", "entity_facts"} <= read["explore"][FIRST]
    assert {"search_entities", "search_passages"} <= read["explore"]["search"]
    assert "entity_list" in read["lists"][FIRST] and "relation_list" in read["lists"]["relationship facts"]
    assert {"document_list", "document_passages"} <= read["reader"][FIRST]
    assert {"document_years", "document_timeline", "citation_lineage"} <= read["timeline"][FIRST]
    assert "citation_lineage" in read["timeline"]["lineage of a direction"]
    assert {"review_decisions", "review_queue", "review_names"} <= read["review"][FIRST]
    assert read["cypher"][FIRST] == set() and len(read["cypher"]["run the default query"]) == 1
