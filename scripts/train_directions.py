"""Train the document-direction classifier and write it to extractors/models/directions.json.

    .venv/bin/python scripts/train_directions.py

Prints the 5-fold cross-validated F1 (over dev documents, never split) of every setting tried and of the guide's
term profiles on the same documents, then trains on all of dev with the best setting. Deterministic: the same
gold gives the same file. Never trained on the test part of tests/gold.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.direction_training import train  # noqa: E402
from extractors.model_file import write_model  # noqa: E402
from extractors.document_directions import MODEL_PATH  # noqa: E402


def main() -> int:
    model = train()
    print(json.dumps(model.cross_validated, ensure_ascii=False, indent=1))
    print(f"{model.documents} dev documents, {len(model.idf)} features; chosen: C={model.c:g} "
          f"threshold={model.threshold:g} ratio={model.ratio:g}")
    write_model(model, MODEL_PATH)
    print(f"model written to {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
