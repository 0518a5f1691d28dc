#!/usr/bin/env python3
"""Print the corpus table of `seed_data/documents/` (one row per document, like the shared corpus
README) and write it into `seed_data/README.md` between the markers, with per-direction and
per-year counts. `--check` exits 1 when the README is not up to date (tests/test_corpus.py).

    .venv/bin/python scripts/corpus_table.py [--check]
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.corpus import load_corpus  # noqa: E402
from seed_data import resource  # noqa: E402

README = resource("README.md")  # the checkout's seed_data/README.md (ROOT is first on sys.path)
BEGIN, END = "<!-- corpus table: begin (scripts/corpus_table.py) -->", "<!-- corpus table: end -->"


def _cell(value: object) -> str:
    return str(value if value is not None else "").replace("|", "\\|").replace("\n", " ")


def table() -> str:
    docs = load_corpus()
    by_direction = collections.Counter(d for doc in docs for d in doc.directions)
    years = collections.Counter(doc.date[:4] for doc in docs if doc.date)
    kinds = collections.Counter(doc.kind for doc in docs)
    sources = collections.Counter(doc.source_kind or "(shared corpus)" for doc in docs)
    lines = [
        f"{len(docs)} documents. By research direction: "
        + ", ".join(f"课题{d} {by_direction[d]}" for d in (1, 2, 3, 4)) + ".",
        "By kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ".",
        "By source: " + ", ".join(f"{k} {n}" for k, n in sorted(sources.items())) + ".",
        "By year: " + ", ".join(f"{y} {n}" for y, n in sorted(years.items())) + f"; {sum(1 for d in docs if not d.date)} undated.",
        "",
        "| id | title | kind | date | directions | source |",
        "|---|---|---|---|---|---|",
    ]
    for doc in docs:
        lines.append(f"| {doc.id} | {_cell(doc.title)} | {doc.kind} | {_cell(doc.date)} | "
                     f"{list(doc.directions)} | {_cell(doc.source_kind or 'shared')} |")
    return "\n".join(lines)


def render(current: str) -> str:
    block = f"{BEGIN}\n{table()}\n{END}"
    if BEGIN in current and END in current:
        head, rest = current.split(BEGIN, 1)
        return head + block + rest.split(END, 1)[1]
    return current.rstrip("\n") + "\n\n" + block + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if seed_data/README.md is out of date")
    args = parser.parse_args()
    current = README.read_text(encoding="utf-8")
    wanted = render(current)
    if args.check:
        if wanted != current:
            print("seed_data/README.md is out of date: run scripts/corpus_table.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(wanted, encoding="utf-8")
    print(table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
