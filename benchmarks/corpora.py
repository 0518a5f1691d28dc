"""The documents `kg bench` reads: synthetic corpora written into the work folder (the smaller
ones prefixes of the largest), read back as RawDocuments; and a warm-up of the extractors."""
from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from benchmarks.synthetic import write_corpus


def read_folder(folder: Path, limit: int | None = None) -> list:
    """The RawDocuments of the first `limit` .md files of `folder`, by name."""
    from extractors.documents import read_document

    paths = sorted(folder.glob("*.md"))[:limit]
    return [read_document(p) for p in paths]


def read_seeded(folder: Path, count: int, seed: int) -> list:
    """`count` synthetic documents written into `folder` with `seed`, read back."""
    write_corpus(folder, count, seed=seed)
    return read_folder(folder)


def write_corpora(work: Path, biggest: int, sizes: Sequence[int], seed: int) -> tuple[Path, dict[int, Path]]:
    """`work/corpus-all` with `biggest` documents, and `work/corpus-<size>` for each size holding its
    first `size` documents (hard links where the file system allows)."""
    corpus_all = work / "corpus-all"
    write_corpus(corpus_all, biggest, seed=seed)
    names = sorted(p.name for p in corpus_all.glob("*.md"))
    corpora = {}
    for size in sizes:
        folder = work / f"corpus-{size}"
        folder.mkdir(exist_ok=True)
        for name in names[:size]:
            try:
                os.link(corpus_all / name, folder / name)
            except OSError:
                shutil.copy(corpus_all / name, folder / name)
        corpora[size] = folder
    return corpus_all, corpora


def warm_up() -> None:
    """Load the gazetteers, jieba's dictionary, spaCy and the direction model once, so the first
    timed document does not pay for them."""
    from extractors.documents import RawDocument
    from extractors.metadata import DocumentMetadata
    from extractors.pipeline import extract

    extract(RawDocument("warm-up.md", "中国计算机学会承接科技评估职能。各级科协要加强学会党建工作。", "0" * 64,
                        DocumentMetadata(title="warm-up")))
