"""Pages measured as pages (issue 13): each dashboard page's whole set of store reads — its first
render and its main interactions — timed on a big graph.

Which reads a page makes is not copied by hand: the real app (`dashboards/app.py`, through
Streamlit's `AppTest`, in this process) is driven on the graph being measured, with the page's
store wrapped in a `Recorder`: every read it makes (named queries, and the few direct reads of the
review and console pages) is recorded with its parameters. The query cache is emptied before a
first render, and kept for the interactions that follow it, so an interaction records only what a
user's click costs the store. The recorded reads are then replayed on the store, without any
cache, and timed: one sum per render, p50/p95 over the replays of several recordings (different
choices drawn for each). `PAGE_STEPS` names each page's first render and interactions and how
they are made in the app; `tests/test_bench.py` checks that it covers every page of
`dashboards.pages.PAGES` and that each step reads what it is meant to, so it cannot drift.

    python -m benchmarks.pages [--store embedded|neo4j] [--nodes 10000,100000,1000000] [--json out.json]
    python -m benchmarks.pages --nodes 1000000 --keep /tmp/big   # build once and keep the graph
    python -m benchmarks.pages --graph /tmp/big                  # time the pages on it again
"""
from __future__ import annotations

import logging
import os
import random
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.config import SEARCH_WORDS, Progress
from benchmarks.timing import now, percentile, rounded
from kg.stores import GraphStore, StoreError

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboards" / "app.py")


@dataclass
class Call:
    """One store read a page made: which (a named query's name, else the start of the Cypher), how."""
    label: str
    method: str  # read / read_bounded
    args: tuple
    kwargs: dict
    failed: str = ""  # the error it raised when recorded (a timeout), if any


class Recorder:
    """A store that records every read made through it (and makes it)."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self.calls: list[Call] = []
        self._names = _query_names()

    def _record(self, method: str, args: tuple, kwargs: dict) -> Any:
        cypher = args[0] if args else kwargs.get("query", "")
        label = self._names.get(" ".join(str(cypher).split()), "cypher: " + " ".join(str(cypher).split())[:60])
        call = Call(label, method, args, kwargs)
        self.calls.append(call)
        try:
            return getattr(self._store, method)(*args, **kwargs)
        except StoreError as exc:
            call.failed = f"{type(exc).__name__}: {str(exc)[:120]}"
            raise

    def read(self, *args: Any, **kwargs: Any) -> Any:
        return self._record("read", args, kwargs)

    def read_bounded(self, *args: Any, **kwargs: Any) -> Any:
        return self._record("read_bounded", args, kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _query_names() -> dict[str, str]:
    from kg import queries

    return {" ".join(q.cypher.split()): name for name, q in queries.library().items()}


# --- how each page is opened and used ------------------------------------------------------------
# An action gets the app (after the page's first render) and a random source; it changes a widget
# as a user would and runs the page again. None: the page has no interaction worth timing.
Action = Callable[[Any, random.Random], Any]


def _w(key: str) -> str:
    return f"{key}__zh"  # a choice widget's key carries the language (dashboards/widgets.py)


def _box(at: Any, prefix: str) -> Any:
    return next(b for b in at.selectbox if b.key and b.key.startswith(prefix))


def _trace_indicator(at: Any, rng: random.Random) -> Any:
    direction = at.selectbox(key=_w("trace_direction")).value
    box = at.selectbox(key=_w(f"trace_indicator_{direction}"))
    covered = [i for i, o in enumerate(box.options)  # ones with recommendations (not a deliverable of the research)
               if i and not o.endswith(("（0）", "（研究交付物）"))]
    return box.select_index(rng.choice(covered)).run()


def _trace_recommendation(at: Any, rng: random.Random) -> Any:
    box = _box(at, "trace_rec_")
    return box.select_index(rng.randrange(len(box.options))).run()


def _trace_direction(at: Any, rng: random.Random) -> Any:
    box = at.selectbox(key=_w("trace_direction"))
    return box.set_value(rng.choice([v for v in ("1", "2", "3", "4") if v != box.value])).run()


def _trace_backed(at: Any, rng: random.Random) -> Any:
    return at.toggle(key="trace_backed").set_value(True).run()  # only what other documents back


def _explore_search(at: Any, rng: random.Random) -> Any:
    return at.text_input(key="explore_q").set_value(rng.choice(SEARCH_WORDS)).run()


def _explore_entity(at: Any, rng: random.Random) -> Any:
    box = _box(at, "explore_pick_")
    return box.select_index(rng.randrange(len(box.options))).run()


def _lists_label(at: Any, rng: random.Random) -> Any:
    box = at.selectbox(key=_w("lists_type"))
    return box.select_index(rng.randrange(1, len(box.options))).run()


def _lists_facts(at: Any, rng: random.Random) -> Any:
    return at.radio(key=_w("lists_view")).set_value("facts").run()


def _reader_document(at: Any, rng: random.Random) -> Any:
    box = at.selectbox(key=_w("reader_doc"))
    return box.select_index(rng.randrange(len(box.options))).run()


def _timeline_direction(at: Any, rng: random.Random) -> Any:
    return at.selectbox(key=_w("lineage_direction")).set_value(rng.randint(1, 4)).run()


def _cypher_run(at: Any, rng: random.Random) -> Any:
    return at.button(key="cypher_run").click().run()


# page -> its interactions after the first render, in the order a user makes them
PAGE_STEPS: dict[str, tuple[tuple[str, Action], ...]] = {
    "overview": (),
    "trace": (("pick an indicator", _trace_indicator), ("pick a recommendation", _trace_recommendation),
              ("pick a direction", _trace_direction), ("only backed recommendations", _trace_backed)),
    "explore": (("search", _explore_search), ("pick an entity", _explore_entity)),
    "lists": (("pick an entity type", _lists_label), ("relationship facts", _lists_facts)),
    "reader": (("pick a document", _reader_document),),
    "timeline": (("lineage of a direction", _timeline_direction),),
    "review": (),
    "cypher": (("run the default query", _cypher_run),),
}
FIRST = "first render"


@contextmanager
def _environment(timeout_s: float):
    """The dashboard's query time limit for the recording; restored after."""
    from unittest import mock

    with mock.patch.dict(os.environ, {"KG_QUERY_TIMEOUT_S": str(timeout_s)}):  # restores the environment after
        yield


def record_page(store: GraphStore, page: str, rng: random.Random, *, timeout_s: float = 60.0,
                key: tuple = ("bench",)) -> dict[str, list[Call]]:
    """Drive `page` of the app on `store`: its first render with an empty query cache, then each of
    its interactions; the reads each step made: {step: [Call, …]}. A step that cannot be made (the
    page shows no such widget on this graph) is left out."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest
    from unittest import mock

    from dashboards import data

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    recorder = Recorder(store)
    connection = data.Connection(store=recorder, key=key)  # type: ignore[arg-type]
    out: dict[str, list[Call]] = {}
    with _environment(timeout_s), mock.patch.object(data, "connection", lambda: connection):
        at = AppTest.from_file(APP, default_timeout=max(600.0, 20 * timeout_s))
        at.run()  # the app's frame on its home page (the overview)
        st.cache_data.clear()
        recorder.calls = []
        at = at.switch_page(f"views/{page}.py").run()
        _check(at, page, FIRST)
        out[FIRST] = recorder.calls
        for name, act in PAGE_STEPS[page]:
            recorder.calls = []
            try:
                at = act(at, rng)
            except (StopIteration, KeyError, ValueError, IndexError):
                continue  # no such widget on this graph (e.g. nothing to pick)
            _check(at, page, name)
            out[name] = recorder.calls
    return out


def _check(at: Any, page: str, step: str) -> None:
    """A page that raised is not measured: its reads would be some of them only."""
    if at.exception:
        raise RuntimeError(f"page {page}, {step}: {at.exception[0].message}")


def measure_pages(store: GraphStore, recordings: int, replays: int, *, seed: str = "bench-pages",
                  timeout_s: float = 60.0, progress: Progress | None = None,
                  pages: tuple[str, ...] | None = None) -> dict[str, Any]:
    """For every page and step: p50/p95 ms of the sum of its reads over `recordings` × `replays`
    replays, how many reads, the slowest reads (label, ms, median over replays), and any read that
    failed (timed out) when recorded — such a step is not replayed."""
    from dashboards.pages import PAGES

    rng = random.Random(seed)
    out: dict[str, Any] = {}
    for page in pages or tuple(p for p, _f, _i in PAGES):
        steps: dict[str, dict[str, Any]] = {}
        for _ in range(recordings):
            if progress:
                progress(f"  page {page}: recording")
            for step, calls in record_page(store, page, rng, timeout_s=timeout_s).items():
                entry = steps.setdefault(step, {"times": [], "calls": [], "per_call": {}, "failed": []})
                entry["calls"].append(len(calls))
                failed = [f"{c.label} ({c.failed})" for c in calls if c.failed]
                if failed:
                    entry["failed"].extend(failed)
                    continue
                for _r in range(replays):
                    total, spent_by = 0.0, {}
                    try:
                        for c in calls:
                            t = now()
                            getattr(store, c.method)(*c.args, **c.kwargs)
                            dt = now() - t  # one clock reading: the read's time and the step's total agree
                            spent_by[c.label] = spent_by.get(c.label, 0.0) + dt
                            total += dt
                    except StoreError as exc:  # e.g. a read just under the limit when recorded, over it now
                        entry["failed"].append(f"{c.label} ({type(exc).__name__} when replayed)")
                        break
                    for label, spent in spent_by.items():
                        entry["per_call"].setdefault(label, []).append(spent)
                    entry["times"].append(total)
                    if total > timeout_s:  # a render this slow is timed once
                        break
        out[page] = {}
        for step, e in steps.items():
            row: dict[str, Any] = {"reads": max(e["calls"]), "runs": len(e["times"])}
            if e["times"]:
                row["p50_ms"] = rounded(1000 * percentile(e["times"], 0.5), 1)
                row["p95_ms"] = rounded(1000 * percentile(e["times"], 0.95), 1)
                # the reads that cost most: per label, the summed time of a render (median)
                slow = sorted(((label, 1000 * sum(ts) / len(ts)) for label, ts in e["per_call"].items()),
                              key=lambda x: -x[1])[:3]
                row["slowest"] = [[label, rounded(ms, 1)] for label, ms in slow]
            if e["failed"]:
                row["failed"] = sorted(set(e["failed"]))[:3]
            out[page][step] = row
    return out


def measure_page_sizes(store_kind: str, base: list, guide: Any, workdir: Path, cfg: dict[str, Any],
                       progress: Progress, keep: bool = False) -> list[dict[str, Any]]:
    """Grow one graph through the sizes of `cfg["query_nodes"]` (as `benchmarks.latency` does) and
    measure every page at each (`keep`: the Neo4j database is not wiped after)."""
    from benchmarks.builder import GraphBuilder
    from benchmarks.latency import rebuild_fulltext
    from benchmarks.stores import bench_store
    from kg.support import update_support

    store = bench_store(store_kind, workdir, "pages")
    results = []
    try:
        builder = GraphBuilder.on_empty_store(store, guide, base, cfg["build_batch_docs"])
        for target in cfg["query_nodes"]:
            progress(f"{store_kind}: building a graph of ~{target:,} nodes")
            built = builder.grow_to(target, progress)
            t = now()
            try:
                if not cfg.get("page_support", True):  # --no-support: the recount is quadratic (hours at ~1M nodes)
                    built["support_skipped"] = True
                    progress(f"{store_kind}: support not recounted (--no-support): its reads are cheaper than on a real graph")
                else:
                    update_support(store)
                    built["support_seconds"] = rounded(now() - t)
            except Exception as exc:  # noqa: BLE001 — on copies of one corpus every recommendation pairs with
                # its own copies, which can exceed Neo4j's transaction memory (docs/PERFORMANCE.md, bulk load)
                built["support_failed"] = f"{type(exc).__name__}: {str(exc)[:200]}"
                progress(f"{store_kind}: support failed ({built['support_failed'][:80]}); pages timed without it")
            if store_kind == "embedded":
                rebuild_fulltext(store)
                store.checkpoint()
            results.append({**built, "target_nodes": target,
                            "pages": measure_built(store_kind, store, workdir, "pages", cfg, progress)})
            if cfg.get("page_partial"):  # what is measured so far, in case a larger size fails
                cfg["page_partial"](results)
    finally:
        if store_kind == "neo4j" and not keep:
            store.wipe()
        store.close()
    return results


def measure_kept(workdir: Path, cfg: dict[str, Any], progress: Progress) -> dict[str, Any]:
    """The pages on the embedded graph a `--keep` run left in `workdir` (built once, timed again
    after a change to the queries: the graph is the same, only the reads differ)."""
    from benchmarks.stores import bench_store, count

    if not (workdir / "store-pages").is_dir():
        raise SystemExit(f"{workdir}: no graph here (store-pages/); build one with --keep {workdir}")
    upgraded = upgrade_kept(workdir, progress)
    reader = bench_store("embedded", workdir, "pages", writer=False)
    try:
        nodes, relationships = count(reader)
    finally:
        reader.close()
    return {"nodes": nodes, "relationships": relationships, "target_nodes": nodes, "kept_graph": str(workdir),
            **({"upgraded": upgraded} if upgraded else {}),
            "pages": measure_built("embedded", None, workdir, "pages", cfg, progress)}  # type: ignore[arg-type]


def upgrade_kept(workdir: Path, progress: Progress) -> list[str]:
    """A kept graph built by an earlier version is brought up to this one first, as the next `kg ingest`
    would bring a user's graph (`kg.ingest.upgrade`: the counts the pages read, once) — but without the
    support recount that ingest would then start on a `--no-support` graph (hours at ~1M nodes)."""
    from benchmarks.stores import bench_store
    from kg import aggregates
    from kg.ingest import upgrade
    from kg.load import obsolete

    reader = bench_store("embedded", workdir, "pages", writer=False)
    try:
        current = not aggregates.missing(reader) and not obsolete(reader)
    finally:
        reader.close()
    if current:
        return []
    progress("embedded: the kept graph was written by an earlier version: upgrading it (as kg ingest would)")
    writer = bench_store("embedded", workdir, "pages", fresh=False)
    try:
        t = now()
        done = upgrade(writer)
        progress(f"  upgraded in {now() - t:.0f} s: {'; '.join(done)}")
    finally:
        writer.close()
    return done


def measure_built(store_kind: str, store: GraphStore, workdir: Path, name: str, cfg: dict[str, Any],
                  progress: Progress) -> dict[str, Any]:
    """The pages on a graph already built: through a reader of the last checkpoint on the embedded
    store (as the dashboard reads it), through `store` itself on Neo4j."""
    from benchmarks.stores import bench_store

    reader = bench_store(store_kind, workdir, name, writer=False) if store_kind == "embedded" else store
    try:
        progress(f"{store_kind}: timing the pages")
        return measure_pages(reader, cfg.get("page_recordings", 2), cfg.get("page_replays", 3),
                             timeout_s=cfg.get("page_timeout_s", 60.0), progress=progress)
    finally:
        if reader is not store:
            reader.close()


def _cell(row: dict[str, Any] | None) -> str:
    if not row:
        return "—"
    if "p50_ms" in row:
        return f"{row['p50_ms']:,.0f} / {row['p95_ms']:,.0f}"
    return "≥ limit" if row.get("failed") else "—"


def compare_markdown(before: list[dict[str, Any]], after: list[dict[str, Any]], store: str) -> str:
    """A markdown table: per page and step, p50 / p95 ms before → after at each graph size, and the
    slowest read after at the largest size (the results of two `python -m benchmarks.pages --json` runs)."""
    sizes = list(zip(before, after))
    head = (["page", "step"] + [f"~{a['target_nodes']:,} nodes ({b['nodes']:,} / {a['nodes']:,}): before → after"
                                for b, a in sizes] + ["slowest read after, largest graph"])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    steps = list(dict.fromkeys((page, step) for b, a in sizes for run in (b, a) for page, by in run["pages"].items()
                               for step in by))
    for page, step in steps:
        cells = [page, step]
        for b, a in sizes:
            cells.append(f"{_cell(b['pages'].get(page, {}).get(step))} → {_cell(a['pages'].get(page, {}).get(step))}")
        last = after[-1]["pages"].get(page, {}).get(step, {})
        cells.append(", ".join(f"{label} {ms:,.0f}" for label, ms in last.get("slowest", [])[:2]))
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return f"**{store}** (p50 / p95 ms of all reads of a render)\n\n" + "\n".join(lines) + "\n"


def main() -> None:
    import argparse
    import json
    import shutil
    import sys
    import tempfile

    from benchmarks.config import FULL
    from benchmarks.corpora import read_seeded
    from benchmarks.stores import quiet_driver
    from extractors.documents import read_document
    from extractors.pipeline import GUIDE_PATH, extract

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default="embedded", choices=("embedded", "neo4j"))
    parser.add_argument("--nodes", default="10000,100000,1000000")
    parser.add_argument("--recordings", type=int, default=2)
    parser.add_argument("--replays", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a read may take when recorded")
    parser.add_argument("--base-docs", type=int, default=FULL["base_docs"])
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--no-support", action="store_true",
                        help="do not recount support links before timing the pages (the recount is quadratic: over "
                             "40 minutes at ~1M nodes); trace's support panel and the review page's support queue then "
                             "read an empty support, and the results say support_skipped")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="build in DIR and keep it (embedded: DIR/store-pages holds the graph of the last size), "
                             "to time the pages on it again with --graph")
    parser.add_argument("--graph", type=Path, default=None, metavar="DIR",
                        help="build nothing: time the pages on the embedded graph a --keep run left in DIR")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"),
                        help="print a markdown table of two --json results (nothing is measured)")
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        print(compare_markdown(before, after, args.store))
        return
    quiet_driver()
    cfg = {**FULL, "query_nodes": tuple(int(n) for n in args.nodes.split(",")), "page_recordings": args.recordings,
           "page_replays": args.replays, "page_timeout_s": args.timeout, "page_support": not args.no_support}
    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    def save(results: list) -> None:
        if args.json:
            args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")

    if args.graph:
        result = [measure_kept(args.graph, cfg, say)]
        save(result)
    else:
        work = args.keep or Path(tempfile.mkdtemp(prefix="kg-pages-bench-"))
        work.mkdir(parents=True, exist_ok=True)
        base = [extract(r) for r in read_seeded(work / "base", args.base_docs, 1)]
        guide = extract(read_document(GUIDE_PATH))
        cfg["page_partial"] = save
        try:
            result = measure_page_sizes(args.store, base, guide, work, cfg, say, keep=args.keep is not None)
        finally:
            if args.keep is None:
                shutil.rmtree(work, ignore_errors=True)
    for size in result:
        print(f"\n{args.store}, {size['nodes']:,} nodes, {size['relationships']:,} relationships")
        for page, steps in size["pages"].items():
            for step, row in steps.items():
                timing = (f"{row['p50_ms']:>10,.1f} {row['p95_ms']:>10,.1f}" if "p50_ms" in row
                          else f"{'—':>10} {'—':>10}")
                extra = "; ".join(f"{label} {ms:,.0f}" for label, ms in row.get("slowest", []))
                if row.get("failed"):
                    extra = "FAILED: " + "; ".join(row["failed"])
                print(f"{page:<9} {step:<24} {row['reads']:>4} {timing}  {extra}", flush=True)


if __name__ == "__main__":
    main()
