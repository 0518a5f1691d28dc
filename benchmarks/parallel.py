"""Extraction across processes, measured by `kg bench` (`kg ingest` extracts serially): documents
are independent, so a pool of worker processes can extract them at once; results come back in
input order and are identical to a serial run (extraction is deterministic, and each worker runs
the same `extract`).

When it helps (measured in docs/PERFORMANCE.md, 2 cores): each worker pays a start-up of its own
(importing spaCy and jieba, loading the gazetteers, the jieba dictionary and the direction
model), and every `Facts` is pickled back to the parent. With 2 cores and a corpus whose
extraction takes more than a few seconds, 2 workers bring a speedup of about 1.5–1.7×; below that
(a handful of documents, or the incremental re-ingest of a few changed files) the start-up costs
more than it saves, so `kg ingest` should stay serial below `PARALLEL_MIN_CHARS` of text to
extract. Loading into the store stays in the parent, one writer, in document order.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from extractors.documents import RawDocument
from schema.model import Facts
from schema.settings import load_settings

PARALLEL_MIN_CHARS = 1_000_000  # below this much text to extract, a pool does not pay for its start-up
CHUNK_DOCUMENTS = 16  # documents per task: fewer round trips (measured: 16 beats 4 on 2 cores)


def default_workers() -> int:
    """One worker per core (at least 1); `KG_EXTRACT_WORKERS` overrides."""
    if configured := load_settings().kg_extract_workers:
        return configured
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _init_worker() -> None:
    # load the gazetteers, jieba's dictionary, spaCy and the direction model once per worker
    from extractors.pipeline import direction_model
    from extractors.gazetteer import load_gazetteer
    from extractors.segment import tokenizer

    load_gazetteer()
    tokenizer()
    direction_model()


def _extract_chunk(raws: list[RawDocument], extractor: Callable[[RawDocument], Facts] | None
                   ) -> list[dict | ValueError]:
    """In a worker: the Facts as plain dicts. Unpickling pydantic models costs the parent ~3.7 ms
    per document; validating plain dicts back into Facts (pydantic-core, in Rust) ~1.8 ms."""
    from extractors.pipeline import extract

    run = extractor or extract
    out: list[dict | ValueError] = []
    for raw in raws:
        try:
            out.append(run(raw).model_dump())
        except ValueError as exc:  # e.g. a guide that does not parse: reported by the caller
            out.append(exc)
    return out


def _picklable(value: object) -> bool:
    try:
        pickle.dumps(value)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


def _facts(results: list[dict | ValueError]) -> Iterator[Facts | ValueError]:
    for item in results:
        yield item if isinstance(item, ValueError) else Facts.model_validate(item)


def extract_parallel(raws: Iterable[RawDocument], workers: int | None = None, *,
                     extractor: Callable[[RawDocument], Facts] | None = None,
                     chunk: int = CHUNK_DOCUMENTS, start_method: str | None = None,
                     force_processes: bool = False) -> Iterator[Facts | ValueError]:
    """The Facts of each document (or the ValueError its extraction raised), in input order.

    `raws` is consumed lazily and at most `2 × workers` chunks are in flight, so memory stays
    bounded however large the corpus. `extractor` must be a picklable top-level function
    (default: `extractors.pipeline.extract`; an extractor that cannot be pickled — a closure — makes
    it run in-process). With `workers` ≤ 1 it runs serially, in-process,
    unless `force_processes`: then one worker process extracts while the caller loads (pipelining).
    Workers are started with `forkserver` (not `fork`: the parent may hold driver or engine
    threads), so the first result comes after their start-up."""
    workers = default_workers() if workers is None else workers
    if extractor is not None and not _picklable(extractor):
        workers, force_processes = 1, False  # a closure or lambda cannot go to a worker: stay in-process
    if workers <= 1 and not force_processes:
        from extractors.pipeline import extract

        run = extractor or extract
        for raw in raws:
            try:
                yield run(raw)
            except ValueError as exc:
                yield exc
        return
    method = start_method or ("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
    context = multiprocessing.get_context(method)
    if method == "forkserver":  # the server imports the extractors once; workers fork from it
        context.set_forkserver_preload(["extractors.pipeline", "spacy.lang.zh"])
    workers = max(1, workers)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker) as pool:
        pending: deque[Future[list[Facts | ValueError]]] = deque()
        batch: list[RawDocument] = []
        for raw in raws:
            batch.append(raw)
            if len(batch) >= chunk:
                pending.append(pool.submit(_extract_chunk, batch, extractor))
                batch = []
                while len(pending) >= 2 * workers:
                    yield from _facts(pending.popleft().result())
        if batch:
            pending.append(pool.submit(_extract_chunk, batch, extractor))
        while pending:
            yield from _facts(pending.popleft().result())
