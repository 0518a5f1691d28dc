"""Review: drafters verify, reject or correct facts, and every decision survives re-ingest.

A decision is its own record in the graph, `(:Review {fact_key, status, value, note, by, at, kind,
text})`, keyed by the fact's *stable identity* (`schema.ids.fact_key`: what the fact says and the
document it is in, never node ids or offsets), which every reviewable node and relationship
carries as `fact_key`: recommendations, entities, mentions, extracted relationships, direction
and indicator links (ADDRESSES) and support links (EVIDENCED_BY, SAME_MEASURE).

Ingest never deletes a Review (its label is in no delete statement). After every ingest, and
after every decision, `apply_decisions` copies each decision onto the facts that carry its key
(`review`, `review_value`): named queries hide `review = 'rejected'` unless asked to show it,
pages strike it through, a correction overrides the extracted text where it is shown, and a
verified fact is marked. A decision whose fact is gone (its sentence was rewritten, its document
removed) is kept and reported as orphaned (`kg review list`, `kg check`), never dropped.

`kg review export FILE.jsonl` / `import FILE.jsonl` move decisions between stores or through git.
Writes go through `set_decision` only, with parameters; the Cypher console stays read-only.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kg import aggregates
from kg.stores.base import GraphStore

Status = Literal["verified", "rejected", "corrected"]
STATUSES: tuple[str, ...] = ("verified", "rejected", "corrected")
# where facts carry a fact_key: node labels, and relationship types
REVIEWED_LABELS = ("Recommendation", "Entity")
REVIEWED_TYPES = ("MENTIONS", "BRANCH_OF", "PARTY_ORG_OF", "SUPERVISED_BY", "RUNS", "UNDERTAKES", "ISSUED",
                  "CITES", "ADDRESSES", "EVIDENCED_BY", "SAME_MEASURE")


class ReviewError(ValueError):
    """A decision that cannot be recorded: the reason, naming the file and line where there is one."""


class Decision(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    fact_key: str = Field(pattern=r"^fact-[0-9a-f]{16}$")
    status: Status
    value: str | None = None  # the corrected value (status `corrected`)
    note: str = ""
    by: str = ""
    at: str = ""  # ISO time, UTC
    kind: str = ""  # what the fact is (Recommendation, UNDERTAKES, EVIDENCED_BY …), for reading the log
    text: str = ""  # what the fact said when it was decided, for reading an orphaned decision

    @field_validator("value")
    @classmethod
    def _value(cls, value: str | None) -> str | None:
        return value.strip() if value and value.strip() else None

    def model_post_init(self, __context: object) -> None:
        if self.status == "corrected" and not self.value:
            raise ValueError("a correction needs the corrected value")


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def describe(store: GraphStore, key: str) -> tuple[str, str] | None:
    """(kind, text) of the fact that carries `key`, or None if no fact does."""
    for label in REVIEWED_LABELS:
        rows = store.read(f"MATCH (n:{label} {{fact_key: $k}}) RETURN coalesce(n.text, n.name) AS text LIMIT 1",
                          {"k": key})
        if rows:
            return label, rows[0]["text"] or ""
    rows = store.read("MATCH (a)-[x]->(b) WHERE type(x) IN $types AND x.fact_key = $k "
                      "RETURN type(x) AS kind, coalesce(a.text, a.name, a.id) AS head, "
                      "coalesce(b.name, b.text, b.id) AS tail, "
                      # a mention's text: its passage's at its offsets (kg/load.py; kept as x.text before)
                      "coalesce(x.text, CASE WHEN type(x) = 'MENTIONS' "
                      "THEN substring(a.text, x.start - a.start, x.`end` - x.start) END) AS text LIMIT 1",
                      {"k": key, "types": list(REVIEWED_TYPES)})
    if rows:
        r = rows[0]
        return r["kind"], r["text"] or f"{r['head']} —{r['kind']}→ {r['tail']}"
    return None


def set_decision(store: GraphStore, decision: Decision, *, require_fact: bool = True) -> Decision:
    """Record a decision (replacing an earlier one about the same fact) and apply it."""
    found = describe(store, decision.fact_key)
    if found is None and require_fact:
        raise ReviewError(f"no fact has the key {decision.fact_key} (kg review list shows the facts decided; "
                          "a fact's key is its fact_key property)")
    kind, text = found or (decision.kind, decision.text)
    decision = decision.model_copy(update={"kind": decision.kind or kind, "text": decision.text or text,
                                           "at": decision.at or now()})
    _record(store, [decision])
    return decision


def _record(store: GraphStore, found: list[Decision]) -> None:
    """Write decisions as Review records (one per fact: a later one replaces an earlier) and apply them."""
    store.write_all([("UNWIND $rows AS row MERGE (d:Review {id: row.fact_key}) SET d += row.props",
                      {"rows": [{"fact_key": d.fact_key, "props": {**d.model_dump(), "name": d.text[:40] or d.fact_key}}
                                for d in found]})])
    apply_decisions(store)


def record_decisions(store: GraphStore, found: list[Decision]) -> None:
    """Write decisions as they were recorded (a database replaced by `kg ingest --bulk` keeps them)."""
    _record(store, found)


def clear_decision(store: GraphStore, key: str) -> bool:
    """Remove the decision about a fact (the fact shows as extracted again)."""
    rows = store.write("MATCH (d:Review {id: $key}) DETACH DELETE d RETURN count(*) AS n", {"key": key})
    apply_decisions(store)
    return bool(rows and rows[0]["n"])


def decisions(store: GraphStore) -> list[Decision]:
    rows = store.read("MATCH (d:Review) RETURN d.fact_key AS fact_key, d.status AS status, d.value AS value, "
                      "d.note AS note, d.by AS by, d.at AS at, d.kind AS kind, d.text AS text ORDER BY d.at, d.fact_key")
    return [Decision(**{k: v for k, v in r.items() if v is not None}) for r in rows]


def present_keys(store: GraphStore, keys: Iterable[str]) -> set[str]:
    """The keys among `keys` that some fact in the graph carries."""
    wanted = sorted(set(keys))
    found: set[str] = set()
    if not wanted:
        return found
    for label in REVIEWED_LABELS:
        found |= {r["k"] for r in store.read(f"UNWIND $keys AS k MATCH (n:{label} {{fact_key: k}}) RETURN DISTINCT k",
                                             {"keys": wanted})}
    found |= {r["k"] for r in store.read("MATCH ()-[x]->() WHERE type(x) IN $types AND x.fact_key IN $keys "
                                         "RETURN DISTINCT x.fact_key AS k",
                                         {"keys": wanted, "types": list(REVIEWED_TYPES)})}
    return found


def orphaned(store: GraphStore) -> list[Decision]:
    """Decisions whose fact is no longer in the graph (kept, and reported)."""
    all_ = decisions(store)
    present = present_keys(store, (d.fact_key for d in all_))
    return [d for d in all_ if d.fact_key not in present]


def apply_decisions(store: GraphStore) -> None:
    """Copy every decision onto the facts that carry its key, and clear marks no decision backs."""
    rows = [{"key": d.fact_key, "status": d.status, "value": d.value} for d in decisions(store)]
    statements = []
    for label in REVIEWED_LABELS:
        statements.append((f"MATCH (n:{label}) WHERE n.review IS NOT NULL AND NOT n.fact_key IN $keys "
                           "REMOVE n.review, n.review_value", {"keys": [r["key"] for r in rows]}))
        statements.append((f"UNWIND $rows AS row MATCH (n:{label} {{fact_key: row.key}}) "
                           "SET n.review = row.status, n.review_value = row.value", {"rows": rows}))
    statements.append(("MATCH ()-[x]->() WHERE x.review IS NOT NULL AND NOT x.fact_key IN $keys "
                       "REMOVE x.review, x.review_value", {"keys": [r["key"] for r in rows]}))
    statements.append(("UNWIND $rows AS row MATCH ()-[x]->() WHERE type(x) IN $types AND x.fact_key = row.key "
                       "SET x.review = row.status, x.review_value = row.value",
                       {"rows": rows, "types": list(REVIEWED_TYPES)}))
    # the counts kept in the graph follow the marks (a rejected recommendation or link stops counting, a rejected
    # fact no longer ties its ends: their `neighbours` recounted, those of the facts marked before and after)
    touched = aggregates.review_documents(store, [r["key"] for r in rows])
    ends = [(aggregates.REVIEWED_ENDS_STALE, {})]
    store.write_all(aggregates.around(touched, ends + statements + ends, entities=False)
                    + [(aggregates.SETTLE_NEIGHBOURS, {})])


def has_decisions(store: GraphStore) -> bool:
    return bool(store.read("MATCH (d:Review) RETURN d.id AS id LIMIT 1"))


# --- moving decisions: JSON lines ---------------------------------------------------------------

def export_decisions(store: GraphStore, path: Path) -> int:
    """Every decision, then every merge of entities (`{"type": "merge", …}`), one JSON object a line."""
    from kg.merges import merges

    lines = [json.dumps(d.model_dump(), ensure_ascii=False, sort_keys=True) for d in decisions(store)]
    lines += [json.dumps({"type": "merge", "label": m.label, "name": m.name, "into": m.into, "by": m.by, "at": m.at},
                         ensure_ascii=False, sort_keys=True) for m in merges(store)]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def read_decisions(path: Path) -> tuple[list[Decision], list[dict]]:
    """The decisions and the merges of a JSON-lines file, or ReviewError naming the file, the line and
    the reason (nothing is imported from a file with a bad line)."""
    found, merge_rows = [], []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{path}: cannot be read ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if isinstance(row, dict) and row.get("type") == "merge":
                if not all(isinstance(row.get(k), str) and row.get(k) for k in ("label", "name", "into")):
                    raise ValueError("a merge needs label, name and into")
                merge_rows.append(row)
            else:
                found.append(Decision(**row))
        except (json.JSONDecodeError, TypeError, ValidationError, ValueError) as exc:
            reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            raise ReviewError(f"{path}:{number}: {reason}") from exc
    return found, merge_rows


def import_decisions(store: GraphStore, path: Path) -> int:
    """Record the decisions of a file (a later decision about a fact replaces an earlier one); those
    whose fact is not in this graph are kept as orphaned, ready for when it is ingested. The file's
    merges are made by `kg.resolution.import_review` (they read documents again)."""
    found, _ = read_decisions(path)
    if found:
        _record(store, found)
    return len(found)
