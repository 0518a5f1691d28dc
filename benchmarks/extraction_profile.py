"""Where extraction time goes (docs/PERFORMANCE.md, "Extraction vs tokenisation"): cProfile over
`extract` on synthetic documents, summed by stage, next to bare spacy.blank("zh") on the same text.

    .venv/bin/python benchmarks/extraction_profile.py [--docs 300]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# (stage, module file suffix, function name): cumulative time of each, as reported by cProfile
STAGES = (
    ("whole extract", "extractors/pipeline.py", "extract"),
    ("passages: split_passages", "extractors/passages.py", "split_passages"),
    ("  spaCy blank zh tokeniser (inside)", "spacy/lang/zh/__init__.py", "__call__"),
    ("  search field bigrams (inside)", "extractors/segment.py", "search_field"),
    ("mentions: find_mentions", "extractors/mentions.py", "find_mentions"),
    ("  name patterns (_pattern_candidates)", "extractors/mentions.py", "_pattern_candidates"),
    ("    jieba POS for name starts (_left_boundary)", "extractors/mentions.py", "_left_boundary"),
    ("  gazetteer Aho-Corasick (find)", "extractors/gazetteer.py", "find"),
    ("  simplified shadow text (make_shadow)", "extractors/shadow.py", "make_shadow"),
    ("relations: trigger_relations", "extractors/relations.py", "trigger_relations"),
    ("recommendations (+ directions, indicators)", "extractors/pipeline.py", "recommendations"),
    ("document directions: direction_totals", "extractors/pipeline.py", "direction_totals"),
    ("entities: _entity (pydantic + search field)", "extractors/pipeline.py", "_entity"),
    ("ids: make_id (sha1)", "schema/ids.py", "make_id"),
    ("pydantic validation (all models)", "~", "<method 'validate_python' of 'pydantic_core._pydantic_core.SchemaValidator' objects>"),
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=300)
    args = parser.parse_args()
    import spacy

    from extractors.pipeline import extract
    from benchmarks.corpora import read_folder, warm_up
    from benchmarks.synthetic import write_corpus

    work = Path(tempfile.mkdtemp(prefix="profile-"))
    write_corpus(work, args.docs, seed=3)
    raws = read_folder(work)
    chars = sum(len(r.text) for r in raws)
    warm_up()
    nlp = spacy.blank("zh")
    for r in raws:
        nlp(r.text)
    t = time.perf_counter()
    for r in raws:
        nlp(r.text)
    tokenise = time.perf_counter() - t
    t = time.perf_counter()
    for r in raws:
        extract(r)
    plain = time.perf_counter() - t
    profile = cProfile.Profile()
    profile.enable()
    for r in raws:
        extract(r)
    profile.disable()
    stats = pstats.Stats(profile).stats  # {(file, line, name): (cc, nc, tt, ct, callers)}
    total = max(ct for (f, _, name), (_, _, _, ct, _) in stats.items()
                if f.endswith("extractors/pipeline.py") and name == "extract")
    print(f"{args.docs} documents, {chars:,} characters")
    print(f"bare spacy.blank('zh'): {tokenise:.2f} s = {chars / tokenise:,.0f} chars/s")
    print(f"extract (no profiler):  {plain:.2f} s = {chars / plain:,.0f} chars/s; ratio {tokenise / plain:.3f}")
    print(f"\nshare of extract time under cProfile (total {total:.2f} s; stages nest, so shares overlap)")
    for label, suffix, name in STAGES:
        ct = sum(v[3] for (f, _, n), v in stats.items() if n == name and (suffix == "~" or f.endswith(suffix)))
        print(f"  {label:50s} {ct:7.2f} s  {100 * ct / total:5.1f} %")


if __name__ == "__main__":
    main()
