"""Entity resolution with a log: a drafter merges a duplicate entity into another and can split it
back; every decision is a record with who and when, applied at every ingest.

A merge is `(:Merge {id, label, name, into, by, at})`: the entity `label`/`name` is the same thing
as `label`/`into`. It is keyed by names (an entity's id is made of its label and name), so it
survives re-ingest, and ingest never deletes it. While it stands, the loader rewrites each
document's facts before writing them (`rewrite`): mentions, relationships and the entities a
recommendation concerns point to the kept entity, which lists the merged names (`merged_names`,
also searchable); the merged-away entity is no longer written. Making or undoing a merge re-reads
the documents that mention either entity from their files, so the graph is what a fresh ingest
with the decision would give.

Candidate duplicates (`candidates`): the same label and the same name in traditional script, a name
that is the other's alias, or a name that is the other plus a short qualifier at the same head
(青年人才托举工程 / 人才托举工程, 团体标准化 / 团体标准). Names of different labels are never
candidates, which guards against substring over-merging (中国科协 / 中国科协青年人才托举工程).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extractors.segment import search_field
from extractors.shadow import to_simplified
from kg.stores.base import GraphStore
from schema.ids import digest
from schema.model import Entity, Facts, Relation
from schema.vocabulary import ENTITY_LABELS

MAX_QUALIFIER = 4  # characters a longer name may add to a shorter one and still be a candidate
# a qualifier that names a place or an owner makes a different thing (江西省科协党组 is not 省科协党组,
# 中国力学学会科学技术奖 is not 学会科学技术奖); so does a shorter name that is a generic kind (省…, 市…)
_OWNER_END = ("省", "市", "县", "区", "州", "学会", "协会", "研究会", "科协")
_KIND_START = ("省", "市", "县", "区", "自治区", "学会", "协会")


class MergeError(ValueError):
    """A merge or split that cannot be made, with the reason."""


@dataclass(frozen=True)
class Merge:
    label: str
    name: str  # merged away
    into: str  # kept
    by: str = ""
    at: str = ""

    @property
    def key(self) -> str:
        return f"merge-{digest(self.label, self.name)}"

    @property
    def source_id(self) -> str:
        return Entity.make_id(self.label, self.name)

    @property
    def target_id(self) -> str:
        return Entity.make_id(self.label, self.into)


def merges(store: GraphStore) -> list[Merge]:
    return [Merge(r["label"], r["name"], r["into"], r["by"] or "", r["at"] or "") for r in store.read(
        "MATCH (m:Merge) RETURN m.label AS label, m.name AS name, m.into AS into, m.by AS by, m.at AS at "
        "ORDER BY m.at, m.label, m.name")]


def merge_map(found: list[Merge]) -> dict[str, Merge]:
    """Merged-away entity id -> its merge."""
    return {m.source_id: m for m in found}


def rewrite(facts: Facts, by_source: dict[str, Merge]) -> Facts:
    """The document's facts with every merged-away entity replaced by the one it was merged into."""
    if not by_source or not any(e.id in by_source for e in facts.entities):
        return facts
    target = {sid: m.target_id for sid, m in by_source.items()}
    entities = {e.id: e for e in facts.entities if e.id not in by_source}
    for e in facts.entities:
        if e.id in by_source and target[e.id] not in entities:
            m = by_source[e.id]
            entities[m.target_id] = Entity(id=m.target_id, label=m.label, name=m.into)
    mentions = tuple(m.model_copy(update={"entity_id": target.get(m.entity_id, m.entity_id)}) for m in facts.mentions)
    relations: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()
    for r in facts.relations:
        head, tail = target.get(r.head_id, r.head_id), target.get(r.tail_id, r.tail_id)
        if head == tail or (r.type, head, tail) in seen:
            continue  # a relationship between two names of one entity, or one the merge made twice
        seen.add((r.type, head, tail))
        relations.append(r.model_copy(update={"head_id": head, "tail_id": tail}))
    recommendations = tuple(
        rec.model_copy(update={"concerns": tuple(dict.fromkeys(target.get(e, e) for e in rec.concerns))})
        for rec in facts.recommendations)
    return facts.model_copy(update={"entities": tuple(entities.values()), "mentions": mentions,
                                    "relations": tuple(relations), "recommendations": recommendations})


def apply_names(store: GraphStore, found: list[Merge]) -> None:
    """Every kept entity lists the names merged into it (`merged_names`) and is found by them."""
    names: dict[str, list[str]] = {}
    for m in found:
        names.setdefault(m.target_id, []).append(m.name)
    rows = store.read("UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id, e.name AS name, "
                      "e.aliases AS aliases", {"ids": sorted(names)})
    updates = [{"id": r["id"], "merged": sorted(names[r["id"]]),
                "search": search_field(" ".join([r["name"], *(r["aliases"] or []), *sorted(names[r["id"]])]))}
               for r in rows]
    statements = [("MATCH (e:Entity) WHERE e.merged_names IS NOT NULL AND NOT e.id IN $ids "
                   "REMOVE e.merged_names", {"ids": sorted(names)})]
    if updates:
        statements.append(("UNWIND $rows AS row MATCH (e:Entity {id: row.id}) "
                           "SET e.merged_names = row.merged, e.search = row.search", {"rows": updates}))
    store.write_all(statements)


def _entity(store: GraphStore, label: str, name: str) -> dict[str, Any] | None:
    rows = store.read("MATCH (e:Entity {id: $id}) RETURN e.id AS id, e.name AS name, e.label AS label",
                      {"id": Entity.make_id(label, name)})
    return rows[0] if rows else None


def documents_mentioning(store: GraphStore, entity_ids: list[str]) -> list[dict[str, Any]]:
    return store.read("UNWIND $ids AS id MATCH (e:Entity {id: id})<-[:MENTIONS]-(p:Passage)-[:PART_OF]->(d:Document) "
                      "RETURN DISTINCT d.id AS id, d.path AS path ORDER BY id", {"ids": entity_ids})


def record_merge(store: GraphStore, merge: Merge) -> list[dict[str, Any]]:
    """Record a merge (checked) and return the documents to read again."""
    if merge.label not in ENTITY_LABELS:
        raise MergeError(f"unknown label {merge.label!r} (one of {', '.join(ENTITY_LABELS)})")
    if to_simplified(merge.name) == to_simplified(merge.into) and merge.name == merge.into:
        raise MergeError("an entity cannot be merged into itself")
    standing = {m.name: m for m in merges(store) if m.label == merge.label}
    if merge.into in standing:
        raise MergeError(f"{merge.into} is itself merged into {standing[merge.into].into}: merge into that one")
    if any(m.into == merge.name for m in standing.values()):
        raise MergeError(f"other names are merged into {merge.name}: split them first, or merge into {merge.name}")
    if _entity(store, merge.label, merge.name) is None:
        raise MergeError(f"no {merge.label} named {merge.name} in the graph")
    if _entity(store, merge.label, merge.into) is None:
        raise MergeError(f"no {merge.label} named {merge.into} in the graph")
    affected = documents_mentioning(store, [merge.source_id, merge.target_id])
    store.write_all([("MERGE (m:Merge {id: $key}) SET m += $props",
                      {"key": merge.key, "props": {"label": merge.label, "name": merge.name, "into": merge.into,
                                                   "by": merge.by, "at": merge.at}})])
    return affected


def restore_merges(store: GraphStore, found: list[Merge]) -> None:
    """Write merges recorded before, unchecked (a database replaced by `kg ingest --bulk` keeps them)."""
    store.write_all([("UNWIND $rows AS row MERGE (m:Merge {id: row.key}) SET m += row.props",
                      {"rows": [{"key": m.key, "props": {"label": m.label, "name": m.name, "into": m.into,
                                                         "by": m.by, "at": m.at}} for m in found]})])


def record_split(store: GraphStore, label: str, name: str) -> list[dict[str, Any]]:
    """Remove a merge and return the documents to read again."""
    standing = [m for m in merges(store) if m.label == label and m.name == name]
    if not standing:
        raise MergeError(f"{label} {name} is not merged into anything")
    m = standing[0]
    affected = documents_mentioning(store, [m.target_id])
    store.write_all([("MATCH (m:Merge {id: $key}) DETACH DELETE m", {"key": m.key})])
    return affected


def candidates(store: GraphStore, limit: int = 100) -> list[dict[str, Any]]:
    """Pairs of entities of one label that may name the same thing, with the reason; none merged yet."""
    merged = {(m.label, m.name) for m in merges(store)}
    by_label: dict[str, list[dict[str, Any]]] = {}
    for r in store.read("MATCH (e:Entity) WHERE NOT coalesce(e.generic, false) "
                        "RETURN e.label AS label, e.name AS name, e.aliases AS aliases ORDER BY label, name"):
        if (r["label"], r["name"]) not in merged:
            by_label.setdefault(r["label"], []).append(r)
    out = []
    for label, rows in sorted(by_label.items()):
        simplified: dict[str, list[str]] = {}
        for r in rows:
            simplified.setdefault(to_simplified(r["name"]), []).append(r["name"])
        names = {r["name"]: r for r in rows}
        for a in rows:
            for b in rows:
                x, y = a["name"], b["name"]
                if x >= y:
                    continue
                reason = None
                if to_simplified(x) == to_simplified(y):
                    reason = "traditional"
                elif y in (a["aliases"] or []) or x in (b["aliases"] or []):
                    reason = "alias"
                else:
                    short, long_ = sorted((x, y), key=len)
                    extra = long_[:len(long_) - len(short)] if long_.endswith(short) else long_[len(short):]
                    if len(short) >= 4 and len(long_) - len(short) <= MAX_QUALIFIER and \
                            (long_.endswith(short) or (long_.startswith(short) and len(extra) <= 2)) and \
                            not extra.endswith(_OWNER_END) and not short.startswith(_KIND_START):
                        reason = "qualifier"
                if reason and x in names and y in names:
                    short, long_ = sorted((x, y), key=lambda n: (len(n), n))
                    out.append({"label": label, "name": long_, "into": short, "reason": reason})
    return out[:limit]
