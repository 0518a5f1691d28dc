"""Extraction speed: `extract` against bare spaCy blank-zh tokenisation on the same texts, and serial
against process-pool extraction (`benchmarks.parallel`)."""
from __future__ import annotations

from typing import Any

from benchmarks.corpora import warm_up
from benchmarks.timing import now, rate, rounded


def measure_extraction(raws: list) -> dict[str, Any]:
    """Extraction vs bare blank-zh tokenisation on the same texts (best of two each, alternating). Each extraction
    pass reads the texts as new ones: the caches keyed by text are emptied before it (`forget_texts`), as an ingest
    sees each document once (the second pass found every window cached: up to a quarter faster than any ingest)."""
    import spacy

    from extractors.pipeline import extract
    from extractors.text_caches import forget_texts

    nlp = spacy.blank("zh")
    nlp.max_length = 100_000_000
    warm_up()
    for raw in raws[:5]:
        nlp(raw.text)
    chars = sum(len(r.text) for r in raws)
    extract_times, token_times = [], []
    for _ in range(2):
        t = now()
        for raw in raws:
            nlp(raw.text)
        token_times.append(now() - t)
        forget_texts()
        t = now()
        for raw in raws:
            extract(raw)
        extract_times.append(now() - t)
    te, tt = min(extract_times), min(token_times)
    return {"documents": len(raws), "chars": chars,
            "extract_seconds": rounded(te), "extract_chars_per_s": round(rate(chars, te)),
            "tokenise_seconds": rounded(tt), "tokenise_chars_per_s": round(rate(chars, tt)),
            "ratio": rounded(tt / te, 4)}


def measure_parallel(raws: list, workers: int) -> dict[str, Any]:
    """Serial `extract` vs `extract_parallel` (pool start-up included); identical results?"""
    from benchmarks.parallel import extract_parallel
    from extractors.pipeline import extract

    warm_up()
    t = now()
    serial = [extract(r) for r in raws]
    ts = now() - t
    t = now()
    first: float | None = None
    parallel = []
    for facts in extract_parallel(raws, workers=workers):
        if first is None:
            first = now() - t
        parallel.append(facts)
    tp = now() - t
    return {"documents": len(raws), "chars": sum(len(r.text) for r in raws), "workers": workers,
            "serial_seconds": rounded(ts), "parallel_seconds": rounded(tp),
            "first_result_seconds": rounded(first or 0.0), "speedup": rounded(ts / tp, 3),
            "identical": serial == parallel}
