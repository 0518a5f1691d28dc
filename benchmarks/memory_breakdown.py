"""Where the peak RSS of `kg ingest` into the embedded store goes (issue 13, item 4;
docs/PERFORMANCE.md, "Memory and ingest speed at 10,000 documents").

Each variant is one `kg.ingest.ingest` of the same synthetic corpus in a process of its own (a clean
VmHWM):

* `embedded` — as `kg ingest` runs. The peak is split by phase with `/proc/self/clear_refs` (the
  kernel's peak-RSS reset): the peak reached in Python between store calls (extracting, building rows, computing support), inside write
  transactions, inside checkpoints (kglite `save()`), inside reads (support reads the corpus back).
  After the ingest: the resident size of the graph (RSS after minus RSS before, with the
  extractors loaded), kglite's own counts (`graph_info()`: column heap, topology heap), the bytes
  of the big text properties, and what dropping the two full-text indexes gives back.
* `python` — the same ingest into a store that keeps nothing (every read returns no rows): the
  pipeline's own memory (extractors, the documents read, Facts, rows) without any graph.
* `no-passage-text`, `no-search`, `no-document-text` — the embedded ingest with that property left
  out of the rows (and, for `no-search`, without full-text indexes): what each costs at the peak.
  These graphs are not the product's graph; they only price a property.
* `+no-support`, `+trim`, `+reopen`, `+no-wal`, `+no-transactions` after a variant: the embedded
  store run another way (see `_modify`), e.g. `embedded+no-support+reopen`.
* `--edge-properties`: what one relationship costs in a bare kglite graph, by its properties.

    PYTHONPATH=. .venv/bin/python -m benchmarks.memory_breakdown --docs 1000 [--variants embedded,python]
    PYTHONPATH=. .venv/bin/python -m benchmarks.memory_breakdown --corpus /tmp/corpus-10000
    PYTHONPATH=. .venv/bin/python -m benchmarks.memory_breakdown --edge-properties

Every line printed is one JSON object (MiB unless named otherwise).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("embedded", "python", "no-passage-text", "no-search", "no-document-text")
# ways of running the embedded store, added to a variant with "+" (e.g. "embedded+no-support+trim")
MODIFIERS = ("no-support", "trim", "reopen", "no-wal", "no-transactions")


def _status(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    """Reset VmHWM to the current RSS (Linux ≥ 4.0; a no-op elsewhere)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


class PhasePeaks:
    """A store wrapper that notes the peak RSS of each phase of an ingest: between store calls
    (extracting, building rows), inside write transactions, checkpoints and reads."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.peaks: dict[str, float] = defaultdict(float)
        self.seconds: dict[str, float] = defaultdict(float)
        self._mark = time.perf_counter()
        _reset_peak()

    def _enter(self) -> None:
        self.peaks["python"] = max(self.peaks["python"], _status("VmHWM"))
        self.seconds["python"] += time.perf_counter() - self._mark
        _reset_peak()

    def _leave(self, phase: str, started: float) -> None:
        self.peaks[phase] = max(self.peaks[phase], _status("VmHWM"))
        self.seconds[phase] += time.perf_counter() - started
        self._mark = time.perf_counter()
        _reset_peak()

    def _timed(self, phase: str, call: Any, *args: Any, **kwargs: Any) -> Any:
        self._enter()
        started = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            self._leave(phase, started)

    def write_all(self, statements: Sequence[Any]) -> None:
        self._timed("write", self._store.write_all, statements)

    def write_batches(self, query: str, rows: Any, batch_size: int = 5000) -> int:
        return self._timed("write", self._store.write_batches, query, rows, batch_size)

    def checkpoint(self) -> None:
        self._timed("checkpoint", self._store.checkpoint)
        self.log("checkpoint")

    def log(self, what: str) -> None:
        """A progress line on stderr (a 10,000-document run takes a while)."""
        print(json.dumps({"at": what, "peaks": {k: round(v) for k, v in self.peaks.items()},
                          "seconds": {k: round(v, 1) for k, v in self.seconds.items()}}), file=sys.stderr, flush=True)

    def read(self, *args: Any, **kwargs: Any) -> Any:
        return self._timed("read", self._store.read, *args, **kwargs)

    def finish(self) -> None:
        self._enter()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


class NullStore:
    """A writer that keeps nothing: the pipeline's memory without a graph."""

    dialect = "embedded"
    name = "null"

    def read(self, query: str, params: Any = None, **_: Any) -> list:
        return [{"n": 0}] if "count(" in query else []

    def write_all(self, statements: Sequence[Any]) -> None:
        pass

    def write_batches(self, query: str, rows: Any, batch_size: int = 5000) -> int:
        return sum(1 for _ in rows)

    def apply_schema(self) -> None:
        pass

    def checkpoint(self) -> None:
        pass

    def close(self) -> None:
        pass


def _leave_out(variant: str) -> None:
    """Patch the rows `kg.load` writes so that the variant's property is left out."""
    from kg import load

    dropped = {"no-passage-text": ("Passage", "text"), "no-search": (None, "search"),
               "no-document-text": ("Document", "text")}[variant]
    original = load.GraphRows.statements

    def statements(self: Any, *args: Any, **kwargs: Any) -> Any:  # whatever GraphRows.statements takes
        for write, rows in self.rows.items():
            if write.is_node and (dropped[0] is None or dropped[0] in write.labels):
                for row in rows:
                    row["props"].pop(dropped[1], None)
        return original(self, *args, **kwargs)

    load.GraphRows.statements = statements  # type: ignore[method-assign]
    if variant == "no-search":
        from schema import constraints

        constraints.FULLTEXT_INDEXES.clear()


_SIZES = {
    "Document.text": "MATCH (n:Document) RETURN sum(size(n.text)) AS chars, count(n) AS n",
    "Passage.text": "MATCH (n:Passage) RETURN sum(size(n.text)) AS chars, count(n) AS n",
    "Passage.search": "MATCH (n:Passage) RETURN sum(size(n.search)) AS chars, count(n) AS n",
    "Passage.name": "MATCH (n:Passage) RETURN sum(size(n.name)) AS chars, count(n) AS n",
    "Recommendation.text": "MATCH (n:Recommendation) RETURN sum(size(n.text)) AS chars, count(n) AS n",
    "Entity.search": "MATCH (n:Entity) RETURN sum(size(n.search)) AS chars, count(n) AS n",
}


def _utf8_megabytes(store: Any) -> dict[str, Any]:
    """Characters of the big text properties (Chinese: 3 bytes each in UTF-8)."""
    out = {}
    for name, query in _SIZES.items():
        row = store.read(query)[0]
        out[name] = {"count": row["n"], "chars": row["chars"] or 0,
                     "utf8_mb_if_cjk": round(3 * (row["chars"] or 0) / 2**20, 1)}
    return out


def _log_support(timed: PhasePeaks) -> None:
    """Note the corpus-wide support step's start and end on stderr, and its seconds."""
    from kg import ingest

    original = ingest.update_support

    def update_support(store: Any) -> Any:
        timed.log("support starts")
        started = time.perf_counter()
        try:
            return original(store)
        finally:
            timed.seconds["support (all phases)"] = time.perf_counter() - started
            timed.log("support ends")

    ingest.update_support = update_support


def _modify(modifiers: list[str]) -> None:
    """Run the embedded store another way: without the support step; trimming kglite's allocator
    after every write transaction; closing and opening the graph again after every checkpoint (a
    graph loaded from its file is more compact than one built by writes); without the write-ahead
    log; with every statement outside a transaction."""
    import kglite

    from kg import ingest
    from kg.stores.embedded import EmbeddedStore

    for modifier in modifiers:
        if modifier not in MODIFIERS:
            raise SystemExit(f"unknown modifier {modifier!r}: one of {', '.join(MODIFIERS)}")
    if "no-support" in modifiers:
        ingest.update_support = lambda store: None  # type: ignore[assignment,return-value]
    write_all, checkpoint, open_graph = EmbeddedStore.write_all, EmbeddedStore.checkpoint, kglite.open
    if "trim" in modifiers:
        def trimmed(self: Any, statements: Any) -> None:
            write_all(self, statements)
            kglite.trim_memory()
        EmbeddedStore.write_all = trimmed  # type: ignore[method-assign]
    if "no-transactions" in modifiers:
        def one_by_one(self: Any, statements: Any) -> None:
            for query, params in statements:
                self._run(self._graph, query, params)
        EmbeddedStore.write_all = one_by_one  # type: ignore[method-assign]
    if "reopen" in modifiers:
        def reopened(self: Any) -> None:
            checkpoint(self)
            self._graph.close()
            self._graph = None
            kglite.trim_memory()
            self._graph = kglite.open(str(self.path), durable="normal")
        EmbeddedStore.checkpoint = reopened  # type: ignore[method-assign]
    if "no-wal" in modifiers:
        kglite.open = lambda path, **kwargs: open_graph(path, **{**kwargs, "durable": "off"})


def child(variant: str, corpus: str, workdir: str, trace: bool = False) -> dict[str, Any]:
    import kglite

    from benchmarks.corpora import warm_up
    from benchmarks.stores import bench_store, count
    from kg.ingest import ingest

    variant, *modifiers = variant.split("+")
    if variant.startswith("no-"):
        _leave_out(variant)
    _modify(modifiers)
    warm_up()
    before = _status("VmRSS")
    store = NullStore() if variant == "python" else bench_store("embedded", Path(workdir), variant)
    if trace:
        import tracemalloc

        tracemalloc.start()
    timed = PhasePeaks(store)
    _log_support(timed)
    t, cpu = time.perf_counter(), time.process_time()
    report = ingest(timed, [corpus])  # type: ignore[arg-type]
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    timed.finish()
    out: dict[str, Any] = {"variant": "+".join([variant, *modifiers]), "documents": len(report.ingested), "seconds": round(seconds, 1),
                           "cpu_seconds": round(cpu, 1), "rss_before": round(before, 1), "peak": round(max(timed.peaks.values()), 1),
                           "peak_by_phase": {k: round(v, 1) for k, v in sorted(timed.peaks.items())},
                           "seconds_by_phase": {k: round(v, 1) for k, v in sorted(timed.seconds.items())}}
    if trace:
        import tracemalloc

        current, peak = tracemalloc.get_traced_memory()
        out["python_traced_peak"] = round(peak / 2**20, 1)
        tracemalloc.stop()
    if variant == "python":
        return out
    graph = store._graph
    nodes, rels = count(store)
    info = graph.graph_info()
    kglite.trim_memory()
    after = _status("VmRSS")
    out.update(nodes=nodes, relationships=rels, rss_after=round(after, 1), graph_rss=round(after - before, 1),
               columnar_heap=round(info.get("columnar_heap_bytes", 0) / 2**20, 1),
               topology_heap=round(info.get("topology_heap_bytes", 0) / 2**20, 1))
    if variant == "embedded":
        out["text_properties"] = _utf8_megabytes(store)
        for name in ("passage_search", "entity_search"):
            store.drop_index(name)
        kglite.trim_memory()
        out["rss_after_dropping_fulltext"] = round(_status("VmRSS"), 1)
        out["fulltext_rss"] = round(after - out["rss_after_dropping_fulltext"], 1)
    store._dirty = False  # nothing to save: the measurement is over
    store.close()
    return out


EDGE_SHAPES = ("none", "one-string", "one-integer", "two-integers", "seven-integers", "mentions", "mentions-reduced",
               "mentions-minimal")


def edge_properties(shape: str, relationships: int = 200_000, nodes: int = 2_000) -> dict[str, Any]:
    """Resident bytes per relationship in a bare kglite graph, by the properties it carries: none,
    one 21-character string (a fact_key), one or two or seven small integers, the seven of a MENTIONS as
    written before the properties were reduced, a MENTIONS as written now (`end`, `source`, `fact_key`
    beside `start`), or `end` alone."""
    import gc

    import kglite

    graph = kglite.KnowledgeGraph()
    graph.cypher("UNWIND range(0, $n) AS i CREATE (:A {id: 'a' + toString(i)})", params={"n": nodes})
    before = _status("VmRSS")
    mentions = {"end": 0, "text": "中国科学技术协会", "label": "Society", "generic": False, "source": "gazetteer"}
    rows = []
    for i in range(relationships):
        props: dict[str, Any] = {
            "none": {}, "one-string": {"fact_key": f"fact-{i:016x}"},
            "one-integer": {"a": i}, "two-integers": {"a": i, "b": i + 1},
            "seven-integers": {k: i + j for j, k in enumerate("abcdefg")},
            "mentions-reduced": {"start": i, "end": i + 8, "source": "gazetteer", "fact_key": f"fact-{i:016x}"},
            "mentions-minimal": {"start": i, "end": i + 8},
            "mentions": {**mentions, "end": i, "doc_id": f"doc-{i // 300:016x}", "fact_key": f"fact-{i:016x}"},
        }[shape]
        rows.append({"a": f"a{i % nodes}", "b": f"a{(i * 7) % nodes}", "props": props})
    for i in range(0, relationships, 20_000):
        graph.cypher("UNWIND $rows AS row MATCH (a:A {id: row.a}) MATCH (b:A {id: row.b}) "
                     "CREATE (a)-[x:M]->(b) SET x += row.props", params={"rows": rows[i:i + 20_000]})
    del rows
    gc.collect()
    kglite.trim_memory()
    return {"relationship_properties": shape, "bytes_per_relationship": round((_status("VmRSS") - before) * 2**20
                                                                              / relationships)}


def main() -> None:
    if sys.argv[1:2] == ["_edges"]:
        print(json.dumps(edge_properties(sys.argv[2])))
        return
    if sys.argv[1:2] == ["_child"]:
        variant, corpus, workdir, trace = sys.argv[2:6]
        print(json.dumps(child(variant, corpus, workdir, trace == "trace"), ensure_ascii=False))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="synthetic documents (ignored with --corpus)")
    parser.add_argument("--corpus", help="a folder of documents to ingest instead of a fresh synthetic corpus")
    parser.add_argument("--variants", default="embedded,python,no-passage-text,no-search,no-document-text")
    parser.add_argument("--trace", action="store_true", help="also tracemalloc the Python heap (slower)")
    parser.add_argument("--edge-properties", action="store_true",
                        help="only the cost of a relationship in kglite by its properties (seconds)")
    args = parser.parse_args()
    import subprocess
    import tempfile

    if args.edge_properties:
        for shape in EDGE_SHAPES:
            proc = subprocess.run([sys.executable, "-m", "benchmarks.memory_breakdown", "_edges", shape],
                                  capture_output=True, text=True, cwd=ROOT)
            print(proc.stdout.strip().splitlines()[-1] if proc.returncode == 0 else proc.stderr[-400:], flush=True)
        return

    if args.corpus:
        corpus, work = Path(args.corpus), Path(tempfile.mkdtemp(prefix="memory-"))
    else:
        from benchmarks.common import synthetic_corpus

        work = synthetic_corpus("memory", args.docs)
        corpus = work / "corpus"
    for variant in args.variants.split(","):
        if variant.split("+")[0] not in VARIANTS:
            raise SystemExit(f"unknown variant {variant!r}: one of {', '.join(VARIANTS)}, "
                             f"with any of +{', +'.join(MODIFIERS)}")
        proc = subprocess.run([sys.executable, "-m", "benchmarks.memory_breakdown", "_child", variant, str(corpus),
                               str(work), "trace" if args.trace else "-"], capture_output=True, text=True, cwd=ROOT)
        lines = proc.stdout.strip().splitlines()
        print(lines[-1] if proc.returncode == 0 and lines else
              json.dumps({"variant": variant, "failed": proc.stderr.strip()[-600:]}), flush=True)


if __name__ == "__main__":
    main()
