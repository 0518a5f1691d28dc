"""Facts -> batched `UNWIND $rows … MERGE` writes, the same statements on both stores.

A document's facts are written in one transaction together with the removal of its old facts,
and its `sha256` is set in that same transaction: a document counts as ingested only when all of
its facts are in. Re-loading the same facts changes nothing: shared nodes (documents, entities)
are MERGEd on deterministic ids, and a document's own facts are deleted and CREATEd again.

What a relationship keeps (issue 13, memory): the embedded store keeps a relationship's properties
in a structure of its own, ~200 bytes from the first property on (docs/PERFORMANCE.md), so a
relationship keeps only what nothing else holds, and what it held before is read from its ends:

* `MENTIONS` keeps `start`, `end`, `source` (aggregates, review queue), `fact_key` (review) and
  `generic` only when true (read as `coalesce(m.generic, false)`). Its text is the passage's text
  at its offsets — `substring(p.text, m.start - p.start, m.end - m.start)` —, its label the
  entity's (`coalesce(e.label, head([l IN labels(e) WHERE l <> 'Entity']))`: a mention's type is
  the label its entity's id is made of), its document the passage's `doc_id`.
* `SUPPORTED_BY`, `CONCERNS` and `PART_OF` keep nothing (their span and document are the
  recommendation's and the passage's).
* `ADDRESSES` keeps no `doc_id` (the recommendation's); the extracted relationships keep no
  `head_text` / `tail_text` (their ends' names, and the evidence passage, say it) but keep
  `doc_id`, by which a re-ingest deletes them, and `year` (the document's, 0 when it has none), so
  that the list of a type's facts (`relation_list`) reads no passage or document.

A graph written before keeps those properties until `kg ingest` removes them once (`obsolete`,
`drop_obsolete`), and gives its facts their `year` and its recommendations their `matched` then.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extractors.fingerprint import extraction_fingerprint
from kg import aggregates
from kg.stores.base import GraphStore, Statement
from schema.ids import fact_key
from schema.model import KIND_LABEL, Facts
from schema.vocabulary import ENTITY_LABELS, EVIDENCED_TYPES


def match_label(label: str) -> str:
    """The label to MATCH a node by id: entities by their common `:Entity` label."""
    return "Entity" if label in ENTITY_LABELS else label


@dataclass(frozen=True)
class Write:
    """One statement template, and the shape of what it writes, for writers that do not speak
    Cypher (the CSV files of the bulk path, `kg.bulk`): a node write gives the node's `labels`,
    whether it is MERGEd on `id` (properties then accumulate as with `SET n += props`) and the row
    key of the document a `PART_OF` relationship goes to; a relationship write gives its `type`,
    the row keys of its start and end node ids, and the row keys set in its CREATE pattern."""

    cypher: str
    labels: tuple[str, ...] = ()
    merge: bool = False
    part_of: str = ""
    type: str = ""
    start: str = ""
    end: str = ""
    keys: tuple[str, ...] = ()

    @property
    def is_node(self) -> bool:
        return not self.type


class GraphRows:
    """Rows for a batch of documents, grouped by the statement that writes them."""

    def __init__(self) -> None:
        self.rows: dict[Write, list[dict[str, Any]]] = defaultdict(list)
        self.doc_ids: list[str] = []  # documents whose old facts are replaced
        self.final: list[dict[str, Any]] = []
        self.completed: list[str] = []  # documents the batch makes whole (their counts: kg.aggregates)
        self.relations: list[Any] = []  # the facts written (their ends' `neighbours`: kg.aggregates)

    def add(self, facts: Facts, *, first: bool = True, last: bool = True) -> None:
        """Add a document's facts — or one window of them: the first window replaces the
        document's old facts and writes its text, the last one marks it ingested."""
        doc = facts.document
        if last:
            self.completed.append(doc.id)
        if first:
            self.doc_ids.append(doc.id)
        kind_label = KIND_LABEL[doc.kind]
        props: dict[str, Any] = {
            "name": doc.title, "title": doc.title, "path": doc.path, "kind": doc.kind,
            "issuers": list(doc.issuers), "date": doc.date, "year": doc.year,
            "doc_number": doc.doc_number, "source_url": doc.source_url, "source_kind": doc.source_kind,
            "retrieved": doc.retrieved,
            "summary": doc.summary,
            "synthetic": doc.synthetic, "metadata_warnings": list(doc.metadata_warnings)}
        if first:
            props["text"] = doc.text
        if last:
            props["directions"] = list(doc.directions)
        self.rows[_document(kind_label)].append({"id": doc.id, "props": props})
        self.rows[_PASSAGE_W].extend(
            {"id": p.id, "doc_id": doc.id, "props": {
                "doc_id": doc.id, "index": p.index, "paragraph": p.paragraph, "start": p.start,
                "end": p.end, "text": p.text, "search": p.search, "name": p.text[:40]}}
            for p in facts.passages)
        for e in facts.entities:
            self.rows[_entity(e.label)].append({"id": e.id, "props": {
                "name": e.name, "label": e.label, "aliases": list(e.aliases), "generic": e.generic,
                "search": e.search, "fact_key": fact_key("Entity", e.label, e.name)}})
        for m in facts.mentions:
            # a mention keeps what cannot be read elsewhere (module docstring: "What a relationship keeps")
            props: dict[str, Any] = {
                "end": m.end, "source": m.source,
                "fact_key": fact_key("MENTIONS", doc.id, m.type, m.text,
                                     doc.text[max(0, m.start - 6):m.start], doc.text[m.end:m.end + 6])}
            if m.generic:
                props["generic"] = True
            self.rows[_mention("Entity")].append({
                "passage": m.passage_id, "entity": m.entity_id, "start": m.start, "props": props})
        for g in facts.guide_items:
            self.rows[_guide(g.label)].append({"id": g.id, "props": {
                "name": g.name, "code": g.code, "text": g.text, "direction": g.direction,
                "start": g.start, "end": g.end, "doc_id": doc.id, "keywords": list(g.keywords),
                "deliverable": g.deliverable}})
            self.rows[_mention(g.label)].append({
                "passage": g.passage_id, "entity": g.id, "start": g.start, "props": {
                    "end": g.end, "source": "guide"}})
        self.relations.extend(facts.relations)
        for r in facts.relations:
            ev = r.evidence
            self.rows[_relation(r.type, match_label(r.head_label), match_label(r.tail_label))].append({
                "head": r.head_id, "tail": r.tail_id, "evidence": ev.passage_id, "props": {
                    "start": ev.start, "end": ev.end, "extractor": ev.extractor,
                    "confidence": ev.confidence, "doc_id": doc.id, "year": doc.year or 0,
                    "fact_key": fact_key(r.type, doc.id, r.head_id, r.tail_id)}})
        for rec in facts.recommendations:
            rec_key = fact_key("Recommendation", doc.id, rec.text)
            self.rows[_RECOMMENDATION_W].append({"id": rec.id, "props": {
                "name": rec.text[:40], "text": rec.text, "start": rec.start, "end": rec.end,
                "doc_id": doc.id, "trigger": rec.trigger, "directions": list(rec.directions),
                "indicators": list(rec.indicators), "fact_key": rec_key,
                # whether a link to an indicator rests on matched terms (the review page's weak queue lists those
                # with none, without reading every recommendation's links)
                "matched": any(a.matched for a in rec.addresses if a.target_label == "Indicator")}})
            self.rows[_SUPPORTED_BY_W].extend({"rec": rec.id, "passage": pid} for pid in rec.passage_ids)
            for a in rec.addresses:
                self.rows[_addresses(a.target_label)].append({
                    "rec": rec.id, "target": a.target_id, "props": {
                        "score": a.score, "terms": list(a.terms), "code": a.code, "matched": a.matched,
                        "fact_key": fact_key("ADDRESSES", rec_key, a.code)}})
            self.rows[_CONCERNS_W].extend({"rec": rec.id, "entity": eid} for eid in rec.concerns)
        if last:
            self.final.append({"id": doc.id, "sha256": doc.sha256, "extracted_by": extraction_fingerprint()})

    def statements(self, entity_counts: aggregates.EntityCounts | None = None) -> list[Statement]:
        """Delete the batch's old facts, write the new ones, then mark the documents ingested; the
        counts kept in the graph (`kg.aggregates`) follow in the same transaction."""
        out: list[Statement] = [(q, {"ids": self.doc_ids}) for q in _DELETE] if self.doc_ids else []
        # nodes before relationships; order inside each group is fixed for determinism
        for write in sorted(self.rows, key=lambda w: _write_order(w.cypher)):
            out.append((write.cypher, {"rows": self.rows[write]}))
        if self.final:
            out.append((_MARK_INGESTED, {"rows": self.final}))
        neighbours = aggregates.neighbour_rows(self.relations)
        if neighbours:  # the entities each end states facts with (after the facts; before `settle`, which recounts)
            out.append((aggregates.NEIGHBOURS_IN, {"rows": neighbours}))
        # a document's counts go out with its old facts (its first window) and come in once it is
        # whole (its last window): a long document's middle windows count nothing, so the cost of
        # keeping them does not grow with the square of its length
        # (a long document's last window: the entities' counts summed window by window, EntityCounts)
        return (aggregates.remove(self.doc_ids) + out + aggregates.add(self.completed, entities=entity_counts is None)
                + ([entity_counts.statement()] if entity_counts is not None else [])
                + (aggregates.settle() if self.doc_ids else []))


def _write_order(template: str) -> tuple[int, str]:
    """Documents first, then the other nodes, then passages (which link to documents), then
    relationships; ties broken by the statement text so the order is fixed."""
    if template.startswith("UNWIND $rows AS row MERGE (n:Document"):
        return (0, template)
    if template.startswith("UNWIND $rows AS row CREATE (n:Passage"):
        return (2, template)
    if template.startswith(("UNWIND $rows AS row MERGE (n:", "UNWIND $rows AS row CREATE (n:")):
        return (1, template)
    return (3, template)


_DOCUMENT = ("UNWIND $rows AS row MERGE (n:Document {{id: row.id}}) "
             "SET n += row.props SET n:`{kind}`")
# A document's own facts are CREATEd: its old facts were deleted earlier in the same transaction,
# so nothing can match, and CREATE skips MERGE's lookup and lock (measured: docs/PERFORMANCE.md).
# Shared nodes (documents, entities) are MERGEd.
_PASSAGE = ("UNWIND $rows AS row CREATE (n:Passage {id: row.id}) SET n += row.props "
            "WITH n, row MATCH (d:Document {id: row.doc_id}) CREATE (n)-[:PART_OF]->(d)")
_ENTITY = "UNWIND $rows AS row MERGE (n:Entity {{id: row.id}}) SET n += row.props SET n:`{label}`"
_GUIDE = "UNWIND $rows AS row CREATE (n:`{label}` {{id: row.id}}) SET n += row.props"
_RECOMMENDATION = "UNWIND $rows AS row CREATE (n:Recommendation {id: row.id}) SET n += row.props"
_MENTION = ("UNWIND $rows AS row MATCH (p:Passage {{id: row.passage}}) "
            "MATCH (e:`{label}` {{id: row.entity}}) "
            "CREATE (p)-[m:MENTIONS {{start: row.start}}]->(e) SET m += row.props")
_RELATION = ("UNWIND $rows AS row MATCH (a:`{head}` {{id: row.head}}) MATCH (b:`{tail}` {{id: row.tail}}) "
             "CREATE (a)-[x:`{type}` {{evidence: row.evidence}}]->(b) SET x += row.props")
_SUPPORTED_BY = ("UNWIND $rows AS row MATCH (r:Recommendation {id: row.rec}) "
                 "MATCH (p:Passage {id: row.passage}) "
                 "CREATE (r)-[:SUPPORTED_BY]->(p)")
_ADDRESSES = ("UNWIND $rows AS row MATCH (r:Recommendation {{id: row.rec}}) "
              "MATCH (t:`{label}` {{id: row.target}}) CREATE (r)-[x:ADDRESSES]->(t) SET x += row.props")
_CONCERNS = ("UNWIND $rows AS row MATCH (r:Recommendation {id: row.rec}) "
             "MATCH (e:Entity {id: row.entity}) CREATE (r)-[:CONCERNS]->(e)")


@lru_cache(maxsize=None)
def _document(kind: str) -> Write:
    return Write(_DOCUMENT.format(kind=kind), labels=("Document", kind), merge=True)


@lru_cache(maxsize=None)
def _entity(label: str) -> Write:
    return Write(_ENTITY.format(label=label), labels=("Entity", label), merge=True)


@lru_cache(maxsize=None)
def _guide(label: str) -> Write:
    return Write(_GUIDE.format(label=label), labels=(label,))


@lru_cache(maxsize=None)
def _mention(label: str) -> Write:
    return Write(_MENTION.format(label=label), type="MENTIONS", start="passage", end="entity", keys=("start",))


@lru_cache(maxsize=None)
def _relation(rtype: str, head: str, tail: str) -> Write:
    return Write(_RELATION.format(type=rtype, head=head, tail=tail), type=rtype, start="head", end="tail",
                 keys=("evidence",))


@lru_cache(maxsize=None)
def _addresses(label: str) -> Write:
    return Write(_ADDRESSES.format(label=label), type="ADDRESSES", start="rec", end="target")


_PASSAGE_W = Write(_PASSAGE, labels=("Passage",), part_of="doc_id")
_RECOMMENDATION_W = Write(_RECOMMENDATION, labels=("Recommendation",))
_SUPPORTED_BY_W = Write(_SUPPORTED_BY, type="SUPPORTED_BY", start="rec", end="passage")
_CONCERNS_W = Write(_CONCERNS, type="CONCERNS", start="rec", end="entity")
_MARK_INGESTED = ("UNWIND $rows AS row MATCH (d:Document {id: row.id}) "
                  "SET d.sha256 = row.sha256, d.extracted_by = row.extracted_by")

# Removing a document's old facts: its passages (with their MENTIONS), recommendations, guide
# items, the relationships whose evidence lies in it, and the entities no passage mentions any more.
_DELETE: tuple[str, ...] = (
    "UNWIND $ids AS id MATCH (d:Document {id: id}) REMOVE d.sha256",
    # each entity once, and each fact from its head (both ends are mentioned in its evidence): passages × mentions ×
    # every relationship of a hub passed kglite's limit of intermediate rows for a document of 150k passages
    "UNWIND $ids AS id MATCH (p:Passage {doc_id: id})-[:MENTIONS]->(e:Entity) WITH DISTINCT id, e "
    "MATCH (e)-[x]->() WHERE x.doc_id = id DELETE x",
    "UNWIND $ids AS id MATCH (d:Document {id: id})-[x:CITES]->() DELETE x",
    "UNWIND $ids AS id MATCH (r:Recommendation {doc_id: id}) DETACH DELETE r",
    # entities that only these documents mention (they are MERGEd again if still mentioned)
    "UNWIND $ids AS id MATCH (p:Passage {doc_id: id})-[:MENTIONS]->(e:Entity) WITH DISTINCT e "
    "WHERE NOT EXISTS { MATCH (e)<-[:MENTIONS]-(q:Passage) WHERE NOT q.doc_id IN $ids } DETACH DELETE e",
    "UNWIND $ids AS id MATCH (p:Passage {doc_id: id}) DETACH DELETE p",
    "UNWIND $ids AS id MATCH (g:ResearchDirection {doc_id: id}) DETACH DELETE g",
    "UNWIND $ids AS id MATCH (g:ResearchContent {doc_id: id}) DETACH DELETE g",
    "UNWIND $ids AS id MATCH (g:Indicator {doc_id: id}) DETACH DELETE g",
)
# Properties relationships no longer keep (module docstring): the test of a graph written before
# (one relationship of each type looked at: a graph is written all one way, `drop_obsolete` is
# run by `kg ingest` before it writes) and the statements that remove them.
_OBSOLETE_TEST = (
    "MATCH ()-[m:MENTIONS]->() WITH m LIMIT 1 RETURN m.text IS NOT NULL OR m.doc_id IS NOT NULL AS old",
    "MATCH ()-[x:SUPPORTED_BY]->() WITH x LIMIT 1 RETURN x.doc_id IS NOT NULL AS old",
    "MATCH ()-[x:CONCERNS]->() WITH x LIMIT 1 RETURN x.doc_id IS NOT NULL AS old",
    "MATCH ()-[x:ADDRESSES]->() WITH x LIMIT 1 RETURN x.doc_id IS NOT NULL AS old",
    f"MATCH ()-[x:{'|'.join(EVIDENCED_TYPES)}]->() WITH x LIMIT 1 RETURN x.year IS NULL AS old",
    "MATCH (r:Recommendation) WITH r LIMIT 1 RETURN r.matched IS NULL AS old",
)
_DROP_OBSOLETE: tuple[str, ...] = (
    "MATCH ()-[m:MENTIONS]->() WHERE m.text IS NOT NULL OR m.doc_id IS NOT NULL "
    "REMOVE m.text, m.label, m.doc_id",
    "MATCH ()-[m:MENTIONS]->() WHERE m.generic = false REMOVE m.generic",
    "MATCH ()-[x:SUPPORTED_BY]->() WHERE x.doc_id IS NOT NULL REMOVE x.start, x.`end`, x.doc_id",
    "MATCH ()-[x:CONCERNS]->() WHERE x.doc_id IS NOT NULL REMOVE x.doc_id",
    "MATCH ()-[x:ADDRESSES]->() WHERE x.doc_id IS NOT NULL REMOVE x.doc_id",
    "MATCH ()-[x]->() WHERE x.head_text IS NOT NULL OR x.tail_text IS NOT NULL REMOVE x.head_text, x.tail_text",
    "MATCH ()-[x]->() WHERE x.evidence IS NOT NULL AND x.doc_id IS NOT NULL AND x.year IS NULL "
    "WITH x, x.doc_id AS did MATCH (d:Document {id: did}) SET x.year = coalesce(d.year, 0)",
    "MATCH (r:Recommendation) WHERE r.matched IS NULL "
    "SET r.matched = EXISTS { MATCH (r)-[a:ADDRESSES]->(:Indicator) WHERE a.matched }",
)


def obsolete(store: GraphStore) -> bool:
    """The graph was written before relationships kept less (module docstring)."""
    return any(r["old"] for q in _OBSOLETE_TEST for r in store.read(q))


def drop_obsolete(store: GraphStore) -> None:
    """Remove the properties relationships no longer keep (a graph written before): one transaction;
    the graph then is the graph a fresh ingest writes."""
    store.write_all([(q, {}) for q in _DROP_OBSOLETE])


def load_facts(store: GraphStore, batch: Sequence[Facts]) -> None:
    """Write the facts of a batch of documents in one transaction."""
    rows = GraphRows()
    for facts in batch:
        rows.add(facts)
    store.write_all(rows.statements())


def load_window(store: GraphStore, facts: Facts, *, first: bool, last: bool,
                counts: aggregates.EntityCounts | None = None) -> None:
    """Write one window of a long document in its own transaction. Until the last window is in,
    the document has no sha256, so an interrupted load is redone from the start. `counts`, given
    to every window of the document, sums its entities' counts as it goes (else the last window
    counts them in the graph)."""
    rows = GraphRows()
    rows.add(facts, first=first, last=last)
    if counts is not None:
        counts.add(facts)
    store.write_all(rows.statements(counts if last else None))


REMOVAL_CHUNK = 2_000  # passages (or recommendations) of a long or half-loaded document removed per transaction


def is_long(store: GraphStore, doc_id: str, chunk: int = REMOVAL_CHUNK) -> bool:
    """Whether a stored document has more than `chunk` passages: one removed in pieces (`remove_complete_document`)."""
    return store.read("MATCH (p:Passage {doc_id: $id}) RETURN count(p) AS n", {"id": doc_id})[0]["n"] > chunk


def delete_documents(store: GraphStore, doc_ids: Iterable[str], chunk: int = REMOVAL_CHUNK) -> None:
    """Remove documents and everything extracted from them (for `kg ingest --prune`), their counts with them: in one
    transaction, but a document of more than `chunk` passages in pieces (`remove_complete_document`). A half-written
    document, whose counts were never added: `remove_incomplete_document`."""
    ids = list(doc_ids)
    long = [i for i in ids if is_long(store, i, chunk)]
    short = [i for i in ids if i not in long]
    if short:
        statements = [(q, {"ids": short}) for q in _DELETE] + [
            ("UNWIND $ids AS id MATCH (d:Document {id: id}) DETACH DELETE d", {"ids": short})]
        store.write_all(aggregates.remove(short) + statements + aggregates.settle())
    for doc_id in long:
        remove_complete_document(store, doc_id, chunk)


def remove_complete_document(store: GraphStore, doc_id: str, chunk: int = REMOVAL_CHUNK) -> None:
    """Remove a complete document in pieces: its counts first, with its sha256, in one transaction whose rows are
    summed in Python `chunk` passages at a time (`aggregates.uncount_document`) — after it the document is one an
    interrupted load left, counted nowhere — then its facts as `remove_incomplete_document` removes those, here or,
    if this is interrupted, at the next `kg ingest`. One transaction for a 2 MB document of 45k passages took 0.9 GB
    beyond the graph's own."""
    store.write_all(aggregates.uncount_document(store, doc_id, chunk)
                    + [("MATCH (d:Document {id: $id}) SET d.sha256 = null", {"id": doc_id})])
    remove_incomplete_document(store, doc_id, chunk)

# A half-loaded document's passages, `$pids` of document `$id` at a time: the facts whose evidence lies in the
# document, from the entities these passages mention; the entities no other document mentions; the passages.
_DELETE_PASSAGES: tuple[str, ...] = (
    "UNWIND $pids AS pid MATCH (p:Passage {id: pid})-[:MENTIONS]->(e:Entity) WITH DISTINCT e "
    "MATCH (e)-[x]->() WHERE x.doc_id = $id DELETE x",
    "UNWIND $pids AS pid MATCH (p:Passage {id: pid})-[:MENTIONS]->(e:Entity) WITH DISTINCT e "
    "WHERE NOT EXISTS { MATCH (e)<-[:MENTIONS]-(q:Passage) WHERE q.doc_id <> $id } DETACH DELETE e",
    "UNWIND $pids AS pid MATCH (p:Passage {id: pid}) DETACH DELETE p",
)


def remove_incomplete_document(store: GraphStore, doc_id: str, chunk: int = REMOVAL_CHUNK) -> None:
    """Remove a document an interrupted load left half-written (no sha256, its counts never added), `chunk`
    recommendations, then `chunk` passages, per transaction: one transaction for the whole of a document of
    260k passages ran the embedded store out of memory. The Document node goes last, so a removal itself
    interrupted is finished by the next `kg ingest` (`kg.ingest.remove_incomplete` finds the document again)."""
    while rids := [r["id"] for r in store.read(
            "MATCH (r:Recommendation {doc_id: $id}) RETURN r.id AS id LIMIT $n", {"id": doc_id, "n": chunk})]:
        store.write_all([("UNWIND $rids AS rid MATCH (r:Recommendation {id: rid}) DETACH DELETE r", {"rids": rids})])
    while pids := [r["id"] for r in store.read(
            "MATCH (p:Passage {doc_id: $id}) RETURN p.id AS id LIMIT $n", {"id": doc_id, "n": chunk})]:
        store.write_all([(q, {"pids": pids, "id": doc_id}) for q in _DELETE_PASSAGES])
    store.write_all([(q, {"ids": [doc_id]}) for q in _DELETE] + [
        ("MATCH (d:Document {id: $id}) DETACH DELETE d", {"id": doc_id})] + aggregates.settle())  # a pruned one's
    # entities were marked for it (`remove_complete_document`); a half-loaded one's were not, and nothing is recounted


def ingested_documents(store: GraphStore) -> dict[str, dict[str, Any]]:
    """`{doc_id: {"sha256", "path", "extracted_by"}}` of every fully ingested document (`extracted_by`: the
    extraction that made its facts, `extractors.fingerprint`; None for a graph written before it was kept)."""
    rows = store.read("MATCH (d:Document) WHERE d.sha256 IS NOT NULL "
                      "RETURN d.id AS id, d.sha256 AS sha256, d.path AS path, d.extracted_by AS extracted_by")
    return {r["id"]: {"sha256": r["sha256"], "path": r["path"], "extracted_by": r["extracted_by"]} for r in rows}
