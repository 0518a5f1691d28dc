"""The JSON contract of `kg extract --json` (DESIGN.md, "Command line"): one object per document."""
from __future__ import annotations

from typing import Any

from schema.model import Facts


def facts_to_json(facts: Facts) -> dict[str, Any]:
    doc = facts.document
    return {
        "doc": {"id": doc.id, "path": doc.path, "title": doc.title, "kind": doc.kind,
                "issuer": "、".join(doc.issuers) or None, "date": doc.date, "doc_number": doc.doc_number,
                "sha256": doc.sha256, "directions": list(doc.directions)},
        "text": doc.text,
        "mentions": [{"type": m.type, "text": m.text, "start": m.start, "end": m.end, "entity_id": m.entity_id,
                      "generic": m.generic}
                     for m in facts.mentions if m.source != "inner"],
        "relations": [{"type": r.type, "head": r.head, "tail": r.tail, "head_id": r.head_id, "tail_id": r.tail_id,
                       "start": r.evidence.start, "end": r.evidence.end, "confidence": r.evidence.confidence}
                      for r in facts.relations],
        "recommendations": [{"text": r.text, "start": r.start, "end": r.end, "directions": list(r.directions),
                             "indicators": list(r.indicators)}
                            for r in facts.recommendations],
    }
