"""How many of the names the gazetteers find, the shapes find alone: a check that needs no gold.

    .venv/bin/python scripts/silver_shapes.py [DOCUMENTS_DIR] [--misses]

Every document is extracted twice: as shipped, and with every name of the gazetteers removed (only their
generic kinds kept, and the segmenter forgetting the names too, as `kg eval --leave-names-out` does). Each
mention of the first run that the second finds at the same place with the same type counts as found by
shape. Prints, per type, found / all; `--misses` lists what the shapes missed, most frequent first.
Deterministic; reads the seed documents by default.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.documents import ReadError, read_document  # noqa: E402
from extractors.gazetteer import Gazetteer, load_gazetteer  # noqa: E402
from extractors.pipeline import extract  # noqa: E402
from extractors.segment import names_unknown  # noqa: E402
from extractors.shadow import to_simplified  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "seed_data" / "documents"


def spans(facts) -> dict[tuple[int, int, str], str]:
    return {(m.start, m.end, m.type): m.text for m in facts.mentions if m.source != "inner"}


def main(argv: list[str]) -> int:
    folder = Path(next((a for a in argv if not a.startswith("--")), SEED))
    gazetteer = load_gazetteer()
    names = {to_simplified(n) for e in gazetteer.entries if not e.generic for n in (e.canonical, *e.aliases)}
    kinds_only = Gazetteer([e for e in gazetteer.entries if e.generic])
    raws = []
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        try:
            raws.append(read_document(path))
        except ReadError:
            continue
    shipped = [spans(extract(raw)) for raw in raws]
    total, found, missed = Counter(), Counter(), Counter()
    with names_unknown(names):
        for raw, known in zip(raws, shipped):
            alone = spans(extract(raw, gazetteer=kinds_only))
            for key, text in known.items():
                total[key[2]] += 1
                if key in alone:
                    found[key[2]] += 1
                else:
                    missed[(key[2], text)] += 1
    print(f"{len(raws)} documents in {folder}")
    for label in sorted(total):
        print(f"{label:20} {found[label]:5} / {total[label]:5}  {found[label] / total[label]:.3f}")
    if "--misses" in argv:
        for (label, text), n in missed.most_common():
            print(f"  {label:20} {text} ×{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
