"""Counts the pages need, kept in the graph up to date at every write (issue 13), so that a page does
not count the world on each render — and so that both stores and Neo4j Browser see them.

The coverage matrix (总览, 建议溯源): for each 考核指标 (Indicator), properties

* `coverage_recommendations` — recommendations linked to it on matched terms (not rejected),
* `coverage_weak` — recommendations linked to it without matched terms (弱/未匹配),
* `coverage_evidence` — distinct passages supporting the matched ones,

exactly what `RECOUNT` (the coverage query as it was) counts; and for each Entity, properties
`direction_documents_1` … `_4` — how many documents of each research direction mention it (what the
graph explorer's direction of a neighbour is: `ENTITY_RECOUNT`), so that drawing a hub's neighbours
does not read every document that mentions each of them — `mention_count` / `known_mention_count`
(its mentions; those found by a gazetteer or nested in a known name), so that the most mentioned
entities and the names no gazetteer knows are found without reading every mention — and
`document_count`, `first_year` / `last_year` (the documents that mention it, and their years: what the
entity lists show, without reading a hub's every mention). Every such count is a sum over
documents — a recommendation, the passages that support it and its links all belong to one document
— so a write keeps them by subtracting the contribution of the documents it touches before it
changes them and adding their contribution after, in the same transaction (`around`); the years are
no sum: a write widens them with the years it adds, and recounts them for the entities whose mentions
it takes away (`settle`, at the end of the write). The loader
(`kg.load`: ingest, re-ingest, windows of a long document, removal) and the review decisions
(`kg.review.apply_decisions`: a rejected recommendation or link stops counting) do so. Any order of
ingest, re-ingest or removal gives the same counts; `kg check` compares them with `RECOUNT`, and
`write_recount` sets them from a recount (a graph loaded before they existed, `kg ingest --bulk`).

Two more, for the citation pages (政策脉络, 文档): each Document keeps `cites` — how many policies it cites
that name one policy (not generic, not a bare genre word such as 《意见》: `CITABLE`), so the lineage finds
the citing documents of a direction and year window without reading every citation of the graph — and
each Policy entity keeps `documents` — the ids of the ingested documents that are (or report) it: whose
title is its name or names it in 《》 (`title_names`), so neither page compares every document's title
with every cited name. `cites` is the document's own: set when it is whole, taken away with its facts.
`documents` changes with titles: a write takes its documents' ids out of the lists their stored titles
name and puts them in after (both by the `Entity.name` index), and a Policy entity new to the graph is
given its list from one pass over the documents' titles (`TITLE_NAMES`), in the same transaction.

And for the graph explorer (图谱探索): each Entity keeps `neighbours` — one "TYPE|way|id" for every other
entity it states a fact with (a relationship of `NEIGHBOUR_TYPES`, `way` out or in, facts a drafter rejected
left out) — because a hub states each fact once per document (tens of thousands of relationships for a few
dozen neighbours), and its neighbourhood and profile should not read them all. A write adds the keys of the
facts it writes (`neighbour_rows`, from the facts in Python); a write that takes facts away marks the
entities its documents mention (both ends of a fact are mentioned in its evidence passage) and recounts
their keys at the end (`settle`), as a review decision does for the ends of the facts it marks.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kg.stores.base import GraphStore, Statement
from schema.vocabulary import ENTITY_LABELS, RELATION_SIGNATURES

FIELDS = ("recommendations", "weak", "evidence")

# what counts as coverage of an indicator (one definition for the kept counts and their recount): a
# recommendation and link no drafter rejected; matched links count with their evidence passages, the
# others as weak
_COVERED = ("WHERE coalesce(r.review, '') <> 'rejected' AND coalesce(a.review, '') <> 'rejected' "
            "OPTIONAL MATCH (r)-[:SUPPORTED_BY]->(p:Passage) WHERE a.matched ")
_COVERAGE_COUNTS = ("count(DISTINCT CASE WHEN a.matched THEN r.id END) AS recommendations, "
                    "count(DISTINCT CASE WHEN NOT coalesce(a.matched, false) THEN r.id END) AS weak, "
                    "count(DISTINCT p) AS evidence")

# the contribution of the documents $ids to each indicator, added with $sign (+1 or -1)
_CONTRIBUTION = (
    "UNWIND $ids AS id "
    "MATCH (r:Recommendation {doc_id: id})-[a:ADDRESSES]->(i:Indicator) " + _COVERED
    + "WITH i, id, " + _COVERAGE_COUNTS + " "
    "WITH i, sum(recommendations) AS recommendations, sum(weak) AS weak, sum(evidence) AS evidence "
    "SET i.coverage_recommendations = coalesce(i.coverage_recommendations, 0) + $sign * recommendations, "
    "i.coverage_weak = coalesce(i.coverage_weak, 0) + $sign * weak, "
    "i.coverage_evidence = coalesce(i.coverage_evidence, 0) + $sign * evidence"
)

# the documents $ids, for each entity they mention, by research direction, added with $sign
DIRECTIONS = (1, 2, 3, 4)
# (and its mentions: `mention_count`, and `known_mention_count` of them found by a gazetteer or nested in a
# known name — the most mentioned entities, the names no gazetteer knows)
KNOWN_SOURCES = ("gazetteer", "nested")
# (and how many documents mention it: `document_count`)
ADDED = {**{f"d{x}": f"direction_documents_{x}" for x in DIRECTIONS},
         "mentions": "mention_count", "known": "known_mention_count", "docs": "document_count"}
# the first and last year of the documents that mention it: not sums, so a write widens them with the years
# it adds, and recounts them for the entities whose mentions it took away (`settle`)
YEARS = {"first": "first_year", "last": "last_year"}
ENTITY_PROPERTY = {**ADDED, **YEARS}
ENTITY_FIELDS = tuple(ENTITY_PROPERTY)


def _add_to_entity(amount: str) -> str:
    """The SET clause that adds `amount` (a template of the field name) to each kept entity count."""
    return ", ".join(f"e.{p} = coalesce(e.{p}, 0) + {amount.format(k)}" for k, p in ADDED.items())


def _widen(first: str, last: str) -> str:
    """The SET clause that widens an entity's first and last year to take in `first` and `last`."""
    return (f"e.first_year = CASE WHEN {first} IS NULL OR (e.first_year IS NOT NULL AND e.first_year <= {first}) "
            f"THEN e.first_year ELSE {first} END, "
            f"e.last_year = CASE WHEN {last} IS NULL OR (e.last_year IS NOT NULL AND e.last_year >= {last}) "
            f"THEN e.last_year ELSE {last} END")


_PER_ENTITY = (
    "WITH e, " + ", ".join(f"sum(CASE WHEN d IS NOT NULL AND {x} IN coalesce(d.directions, []) THEN 1 ELSE 0 END) "
                           f"AS d{x}" for x in DIRECTIONS)
    + ", sum(n) AS mentions, sum(known) AS known, count(d) AS docs, min(d.year) AS first, max(d.year) AS last "
)
_ENTITY_CONTRIBUTION = (
    "UNWIND $ids AS id MATCH (d:Document {id: id}) "
    "MATCH (p:Passage {doc_id: id})-[m:MENTIONS]->(e:Entity) "
    "WITH d, e, count(m) AS n, sum(CASE WHEN m.source IN $known THEN 1 ELSE 0 END) AS known "
    + _PER_ENTITY
    + "SET " + _add_to_entity("$sign * {}") + ", "
    + _widen("CASE WHEN $sign > 0 THEN first END", "CASE WHEN $sign > 0 THEN last END")
)
# before a write takes documents' mentions away: their entities' years (and the entities they state facts with:
# `neighbours`) are recounted after it (`settle`)
_YEARS_STALE = ("UNWIND $ids AS id MATCH (p:Passage {doc_id: id})-[:MENTIONS]->(e:Entity) "
                "WITH DISTINCT e SET e.years_stale = true, e.neighbours_stale = true")
SETTLE = ("MATCH (e:Entity) WHERE e.years_stale "
          "CALL (e) { OPTIONAL MATCH (e)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document) "
          "RETURN min(d.year) AS first, max(d.year) AS last } "
          "SET e.first_year = first, e.last_year = last REMOVE e.years_stale")
ENTITY_RECOUNT = (
    "MATCH (e:Entity) OPTIONAL MATCH (e)<-[m:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document) "
    "WITH e, d, count(m) AS n, sum(CASE WHEN m.source IN $known THEN 1 ELSE 0 END) AS known "
    + _PER_ENTITY + "RETURN e.id AS id, e.name AS name, " + ", ".join(f"coalesce({k}, 0) AS {k}" for k in ENTITY_FIELDS)
)
ENTITY_STORED = ("MATCH (e:Entity) RETURN e.id AS id, e.name AS name, "
                 + ", ".join(f"coalesce(e.{p}, 0) AS {k}" for k, p in ENTITY_PROPERTY.items()))


# --- citations (政策脉络, 文档) ------------------------------------------------------------------
# a cited policy that names one policy: not an entity marked generic, nor a bare genre word of at most four
# characters (意见, 方案, 通知, 实施方案, 若干措施 — a document's short form of its own subject), which names a
# different policy in every document that uses it (one definition: the kept count, its recount, the queries)
GENRE_ENDINGS = ("意见", "方案", "通知", "办法", "措施", "规定", "细则", "要点", "章程", "公约", "行动", "计划",
                 "规划", "纲要", "决定", "条例")
CITABLE = ("NOT coalesce(p.generic, false) AND NOT (size(p.name) <= 4 AND ("
           + " OR ".join(f"p.name ENDS WITH '{w}'" for w in GENRE_ENDINGS) + "))")
# the names a document's title gives it: the title itself and every name it quotes in 《》 (what
# `title = name OR title CONTAINS '《' + name + '》'` matches), as a Cypher expression of `d` and in Python
TITLE_NAMES = ("[coalesce(d.title, '')] + [x IN split(coalesce(d.title, ''), '《')[1..] WHERE x CONTAINS '》' "
               "| split(x, '》')[0]]")


def title_names(title: str | None) -> list[str]:
    """The names a document's title gives it (`TITLE_NAMES` in Python)."""
    title = title or ""
    return [title] + [x.split("》")[0] for x in title.split("《")[1:] if "》" in x]


_CITES_COUNT = ("UNWIND $ids AS id MATCH (d:Document {id: id}) "
                "OPTIONAL MATCH (d)-[:CITES]->(p:Entity) WHERE " + CITABLE + " "
                "WITH d, count(DISTINCT p.id) AS n SET d.cites = n")
_CITES_OUT = "UNWIND $ids AS id MATCH (d:Document {id: id}) REMOVE d.cites"
# the documents $ids taken out of (put into) the `documents` of the Policy entities their titles name; a
# list kept sorted, each id once
_TITLES_OUT = ("UNWIND $ids AS id MATCH (d:Document {id: id}) "
               "WITH DISTINCT d.id AS did, " + TITLE_NAMES + " AS names UNWIND names AS name "
               "WITH DISTINCT did, name MATCH (p:Entity {name: name}) WHERE p.documents IS NOT NULL "
               "SET p.documents = [x IN p.documents WHERE x <> did]")
# a Policy entity with no list yet (new to the graph: the write just made it): its list from one pass over every
# document's title, only when there is one (run before _TITLES_IN, which then finds the written documents in place)
_FRESH_POLICIES = ("MATCH (p:Policy) WHERE p:Entity AND p.documents IS NULL "
                   "SET p.documents = [] "
                   "WITH collect(p.name) AS fresh WHERE size(fresh) > 0 "
                   "MATCH (d:Document) WITH fresh, d.id AS did, " + TITLE_NAMES + " AS names "
                   "UNWIND names AS name WITH fresh, did, name WHERE name IN fresh WITH DISTINCT did, name "
                   "MATCH (p:Entity {name: name}) WHERE p.label = 'Policy' "
                   "SET p.documents = [x IN p.documents WHERE x < did] + [did] + [x IN p.documents WHERE x > did]")
_TITLES_IN = ("UNWIND $ids AS id MATCH (d:Document {id: id}) "
              "WITH DISTINCT d.id AS did, " + TITLE_NAMES + " AS names UNWIND names AS name "
              "WITH DISTINCT did, name MATCH (p:Entity {name: name}) WHERE p.label = 'Policy' "
              "SET p.documents = [x IN coalesce(p.documents, []) WHERE x < did] + [did] "
              "+ [x IN coalesce(p.documents, []) WHERE x > did]")
CITES_RECOUNT = ("MATCH (d:Document) OPTIONAL MATCH (d)-[:CITES]->(p:Entity) WHERE " + CITABLE + " "
                 "RETURN d.id AS id, d.cites AS kept, count(DISTINCT p.id) AS recount")


def _documents_out(doc_ids: list[str]) -> list[Statement]:
    return [(_CITES_OUT, {"ids": doc_ids}), (_TITLES_OUT, {"ids": doc_ids})] if doc_ids else []


def _documents_in(doc_ids: list[str]) -> list[Statement]:
    return ([(_CITES_COUNT, {"ids": doc_ids}), (_FRESH_POLICIES, {"ids": doc_ids}), (_TITLES_IN, {"ids": doc_ids})]
            if doc_ids else [])  # (_FRESH_POLICIES takes no ids: `ids` is there for the bench's builder, which renames them)


def policy_documents_recount(store: GraphStore) -> list[dict[str, Any]]:
    """Every Policy entity: the documents it keeps (None: no list yet) and those a recount finds."""
    by_name: dict[str, list[str]] = {}
    for r in store.read("MATCH (d:Document) RETURN d.id AS id, d.title AS title"):
        for name in set(title_names(r["title"])):
            by_name.setdefault(name, []).append(r["id"])
    return [{"id": r["id"], "name": r["name"], "kept": r["kept"], "recount": sorted(by_name.get(r["name"], []))}
            for r in store.read("MATCH (p:Entity) WHERE p.label = 'Policy' "
                                "RETURN p.id AS id, p.name AS name, p.documents AS kept")]


# --- the entities each entity states facts with (图谱探索) ------------------------------------------
NEIGHBOUR_TYPES: tuple[str, ...] = tuple(
    t for t, (heads, tails) in RELATION_SIGNATURES.items()
    if set(heads) & set(ENTITY_LABELS) and set(tails) & set(ENTITY_LABELS))
_TYPES = "|".join(NEIGHBOUR_TYPES)


def neighbour_rows(relations: Iterable[Any]) -> list[dict[str, Any]]:
    """The keys the facts `relations` add to their ends' `neighbours`: one row an entity, keys sorted."""
    keys: dict[str, set[str]] = {}
    for r in relations:
        if r.type in NEIGHBOUR_TYPES and r.head_label in ENTITY_LABELS and r.tail_label in ENTITY_LABELS:
            keys.setdefault(r.head_id, set()).add(f"{r.type}|out|{r.tail_id}")
            keys.setdefault(r.tail_id, set()).add(f"{r.type}|in|{r.head_id}")
    return [{"id": e, "keys": sorted(k)} for e, k in sorted(keys.items())]


# each key put in its place (the list is kept sorted, as a recount leaves it: the same graph whatever the order
# of writes, `kg ingest --bulk` included); no list is written empty (an entity without facts has none)
NEIGHBOURS_IN = ("UNWIND $rows AS row MATCH (e:Entity {id: row.id}) UNWIND row.keys AS k "
                 "WITH e, k WHERE NOT k IN coalesce(e.neighbours, []) "
                 "SET e.neighbours = [x IN coalesce(e.neighbours, []) WHERE x < k] + [k] "
                 "+ [x IN coalesce(e.neighbours, []) WHERE x > k]")
# (made distinct as scalars, then joined: comparing nodes and building strings per relationship cost more on kglite)
_NEIGHBOUR_KEYS = ("OPTIONAL MATCH (e)-[x:" + _TYPES + "]-(o:Entity) WHERE coalesce(x.review, '') <> 'rejected' "
                   "WITH DISTINCT type(x) AS type, startNode(x).id = e.id AS out, o.id AS other "
                   "WITH type + '|' + CASE WHEN out THEN 'out' ELSE 'in' END + '|' + other AS key "
                   "ORDER BY key RETURN collect(key) AS keys")
SETTLE_NEIGHBOURS = ("MATCH (e:Entity) WHERE e.neighbours_stale CALL (e) { " + _NEIGHBOUR_KEYS + " } "
                     "SET e.neighbours = CASE WHEN size(keys) = 0 THEN null ELSE keys END REMOVE e.neighbours_stale")
# the ends of the facts a review decision marks (or marked): their keys recounted (a rejected fact leaves them)
REVIEWED_ENDS_STALE = ("MATCH (a:Entity)-[x:" + _TYPES + "]->(b:Entity) WHERE x.review IS NOT NULL "
                       "SET a.neighbours_stale = true, b.neighbours_stale = true")
NEIGHBOURS_RECOUNT = ("MATCH (e:Entity)-[x:" + _TYPES + "]-(o:Entity) "
                      "WITH e.id AS id, CASE WHEN coalesce(x.review, '') <> 'rejected' THEN type(x) + '|' "
                      "+ CASE WHEN startNode(x).id = e.id THEN 'out' ELSE 'in' END + '|' + o.id END AS key "
                      "RETURN id, collect(DISTINCT key) AS keys")
NEIGHBOURS_STORED = "MATCH (e:Entity) WHERE e.neighbours IS NOT NULL RETURN e.id AS id, e.neighbours AS keys"


def neighbours_recount(store: GraphStore) -> list[dict[str, Any]]:
    """Every entity with a fact, or with `neighbours` kept: the keys it keeps (None: no list; none when it states
    no fact a drafter did not reject) and a recount, sorted."""
    counted = {r["id"]: sorted(set(r["keys"])) for r in store.read(NEIGHBOURS_RECOUNT)}
    stored = {r["id"]: r["keys"] for r in store.read(NEIGHBOURS_STORED)}
    return [{"id": e, "kept": stored.get(e), "recount": counted.get(e, [])} for e in sorted(set(counted) | set(stored))]


# the counts from scratch (the coverage query before the counts were kept)
RECOUNT = "MATCH (i:Indicator) OPTIONAL MATCH (r:Recommendation)-[a:ADDRESSES]->(i) " + _COVERED \
    + "RETURN i.id AS id, i.code AS code, " + _COVERAGE_COUNTS
STORED = ("MATCH (i:Indicator) RETURN i.id AS id, i.code AS code, "
          "coalesce(i.coverage_recommendations, 0) AS recommendations, coalesce(i.coverage_weak, 0) AS weak, "
          "coalesce(i.coverage_evidence, 0) AS evidence")


def _contribution(doc_ids: Iterable[str], sign: int, entities: bool) -> list[Statement]:
    ids = list(dict.fromkeys(doc_ids))
    if not ids:
        return []
    return [(_CONTRIBUTION, {"ids": ids, "sign": sign})] + (
        [(_ENTITY_CONTRIBUTION, {"ids": ids, "sign": sign, "known": list(KNOWN_SOURCES)})] if entities else [])


def remove(doc_ids: Iterable[str], *, entities: bool = True, documents: bool = True) -> list[Statement]:
    """Statements that take the contribution of these documents out (before they change); with
    `entities`, the write they begin ends with `settle()`; with `documents`, their citations and titles
    too (`cites`, the Policy entities' `documents`)."""
    ids = list(dict.fromkeys(doc_ids))
    return (_contribution(ids, -1, entities) + ([(_YEARS_STALE, {"ids": ids})] if entities and ids else [])
            + (_documents_out(ids) if documents else []))


def uncount_document(store: GraphStore, doc_id: str, chunk: int) -> list[Statement]:
    """Statements that take one document's contribution out, as `remove([doc_id])` does, with its rows summed in
    Python from reads of `chunk` passages (and recommendations) at a time: `remove`'s queries read all its mentions
    and links at once, whose memory grows with the document (+0.9 GB for a 2 MB one of 45k passages). Its entities are
    marked for `settle`, which must end the removal."""
    found = store.read("MATCH (d:Document {id: $id}) RETURN d.directions AS directions", {"id": doc_id})
    directions = set(found[0]["directions"] or []) if found else set()
    pids = [r["id"] for r in store.read("MATCH (p:Passage {doc_id: $id}) RETURN p.id AS id", {"id": doc_id})]
    mentions: dict[str, list[int]] = {}
    for k in range(0, len(pids), chunk):
        for r in store.read("UNWIND $pids AS pid MATCH (p:Passage {id: pid})-[m:MENTIONS]->(e:Entity) "
                            "RETURN e.id AS id, count(m) AS n, "
                            "sum(CASE WHEN m.source IN $known THEN 1 ELSE 0 END) AS known",
                            {"pids": pids[k:k + chunk], "known": list(KNOWN_SOURCES)}):
            counts = mentions.setdefault(r["id"], [0, 0])
            counts[0] += r["n"]
            counts[1] += r["known"]
    flags = {f"d{x}": int(x in directions) for x in DIRECTIONS}
    rows = [{"id": e, "mentions": n, "known": known, "docs": 1, **flags} for e, (n, known) in sorted(mentions.items())]
    rids = [r["id"] for r in store.read("MATCH (r:Recommendation {doc_id: $id}) RETURN r.id AS id", {"id": doc_id})]
    coverage: dict[str, tuple[set[str], set[str], set[str]]] = {}  # indicator: matched, weak, evidence passages
    for k in range(0, len(rids), chunk):
        for r in store.read("UNWIND $rids AS rid MATCH (r:Recommendation {id: rid})-[a:ADDRESSES]->(i:Indicator) "
                            + _COVERED + "RETURN i.id AS indicator, r.id AS rec, coalesce(a.matched, false) AS matched, "
                            "collect(DISTINCT p.id) AS passages", {"rids": rids[k:k + chunk]}):
            matched, weak, evidence = coverage.setdefault(r["indicator"], (set(), set(), set()))
            (matched if r["matched"] else weak).add(r["rec"])
            evidence.update(x for x in r["passages"] if x is not None)
    indicators = [{"id": i, "recommendations": len(m), "weak": len(w), "evidence": len(e)}
                  for i, (m, w, e) in sorted(coverage.items())]
    return [("UNWIND $rows AS row MATCH (i:Indicator {id: row.id}) "
             "SET i.coverage_recommendations = coalesce(i.coverage_recommendations, 0) - row.recommendations, "
             "i.coverage_weak = coalesce(i.coverage_weak, 0) - row.weak, "
             "i.coverage_evidence = coalesce(i.coverage_evidence, 0) - row.evidence", {"rows": indicators}),
            ("UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET " + _add_to_entity("-1 * row.{}")
             + ", e.years_stale = true, e.neighbours_stale = true", {"rows": rows})] + _documents_out([doc_id])


def settle() -> list[Statement]:
    """The statements that end a write which took mentions away: the first and last year of their
    entities, recounted (a minimum cannot be kept by subtraction), and their `neighbours`."""
    return [(SETTLE_NEIGHBOURS, {}), (SETTLE, {})]


def add(doc_ids: Iterable[str], *, entities: bool = True, documents: bool = True) -> list[Statement]:
    """Statements that put the contribution of these documents in (after they changed)."""
    ids = list(dict.fromkeys(doc_ids))
    return _contribution(ids, 1, entities) + (_documents_in(ids) if documents else [])


class EntityCounts:
    """A long document's contribution to the entities' counts, summed in Python window by window
    (`kg.ingest` loads it so): counting its mentions in the graph at the end would read them all in
    one query, whose memory grows with the document (2.2 GB for a 2 MB text)."""

    def __init__(self) -> None:
        self.mentions: dict[str, list[int]] = {}
        self.directions: frozenset[int] = frozenset()
        self.year: int | None = None

    def add(self, facts: Any) -> None:
        """One window's Facts: its mentions, and the document's directions (known at its last window)."""
        for m in facts.mentions:
            counts = self.mentions.setdefault(m.entity_id, [0, 0])
            counts[0] += 1
            counts[1] += m.source in KNOWN_SOURCES
        self.directions = frozenset(facts.document.directions or ()) or self.directions
        self.year = facts.document.year if facts.document.year is not None else self.year

    def statement(self) -> Statement:
        """Add the whole document's contribution."""
        flags = {f"d{x}": int(x in self.directions) for x in DIRECTIONS}
        rows = [{"id": eid, "mentions": n, "known": known, "docs": 1, **flags}
                for eid, (n, known) in sorted(self.mentions.items())]
        return ("UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET "
                + _add_to_entity("row.{}") + ", " + _widen("$year", "$year"),
                {"rows": rows, "year": self.year})


def around(doc_ids: Iterable[str], statements: list[Statement], *, entities: bool = True) -> list[Statement]:
    """`statements` (which change these documents' facts) with the counts kept: their contribution
    out before, in after, all in the one transaction the caller writes them in. `entities=False`:
    the statements change no mention, no document's directions, citations or title (review decisions)."""
    ids = list(dict.fromkeys(doc_ids))
    return (remove(ids, entities=entities, documents=entities) + statements
            + add(ids, entities=entities, documents=entities) + (settle() if entities else []))


def stale(store: GraphStore) -> list[dict[str, Any]]:
    """The kept counts that differ from a recount (for `kg check`): one row per indicator and field."""
    counted = {r["id"]: r for r in store.read(RECOUNT)}
    bad = []
    for r in store.read(STORED):
        c = counted.get(r["id"], {})
        for f in FIELDS:
            if r[f] != c.get(f, 0):
                bad.append({"indicator": r["code"], "count": f"coverage_{f}", "kept": r[f], "recount": c.get(f, 0)})
    counted = {r["id"]: r for r in entity_recount(store)}
    for r in store.read(ENTITY_STORED):
        c = counted.get(r["id"], {})
        for k, prop in ENTITY_PROPERTY.items():
            if r[k] != c.get(k, 0):
                bad.append({"entity": r["id"], "name": r["name"], "count": prop, "kept": r[k], "recount": c.get(k, 0)})
    for r in neighbours_recount(store):
        if (r["kept"] or []) != r["recount"]:  # kept sorted, as the recount
            bad.append({"entity": r["id"], "count": "neighbours", "kept": r["kept"], "recount": r["recount"]})
    for r in store.read(CITES_RECOUNT):
        if (r["kept"] or 0) != r["recount"]:
            bad.append({"document": r["id"], "count": "cites", "kept": r["kept"], "recount": r["recount"]})
    for r in policy_documents_recount(store):
        if (r["kept"] or []) != r["recount"]:  # kept sorted, as the recount
            bad.append({"entity": r["id"], "name": r["name"], "count": "documents", "kept": r["kept"],
                        "recount": r["recount"]})
    return bad


def missing(store: GraphStore) -> bool:
    """The graph holds mentions but no kept counts, or documents without `cites`, or Policy entities
    without `documents`: it was written before they were kept (the loader gives every mentioned entity
    its counts, every whole document its `cites`, every Policy entity its `documents`)."""
    return bool(store.read("MATCH (e:Entity) WHERE e.document_count IS NULL "
                           "MATCH (e)<-[:MENTIONS]-(:Passage) RETURN e.id AS id LIMIT 1")
                or store.read("MATCH (d:Document) WHERE d.cites IS NULL AND d.sha256 IS NOT NULL "
                              "RETURN d.id AS id LIMIT 1")
                or store.read("MATCH (p:Policy) WHERE p:Entity AND p.documents IS NULL RETURN p.id AS id LIMIT 1")
                or store.read("MATCH (e:Entity) WHERE e.neighbours IS NULL "
                              f"MATCH (e)-[x:{_TYPES}]-(:Entity) WHERE coalesce(x.review, '') <> 'rejected' "
                              "RETURN e.id AS id LIMIT 1"))


def entity_recount(store: GraphStore) -> list[dict[str, Any]]:
    return store.read(ENTITY_RECOUNT, {"known": list(KNOWN_SOURCES)})


def write_recount(store: GraphStore) -> int:
    """Set the kept counts from a recount (a graph written before the counts were kept, a bulk
    import): as the loader leaves them — on every indicator a recommendation counts for and every
    entity something mentions — and wherever a kept count differs; the number of nodes written."""
    stored = {r["id"]: r for r in store.read(STORED)}
    indicators = [r for r in store.read(RECOUNT)
                  if r["recommendations"] or r["weak"] or any(r[f] != stored.get(r["id"], {}).get(f, 0) for f in FIELDS)]
    stored = {r["id"]: r for r in store.read(ENTITY_STORED)}
    entities = [r for r in entity_recount(store)
                if r["mentions"] or any(r[k] != stored.get(r["id"], {}).get(k, 0) for k in ENTITY_FIELDS)]
    store.write_all([("UNWIND $rows AS row MATCH (i:Indicator {id: row.id}) "
                      "SET i.coverage_recommendations = row.recommendations, i.coverage_weak = row.weak, "
                      "i.coverage_evidence = row.evidence", {"rows": indicators}),
                     ("UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET "
                      + ", ".join(f"e.{p} = row.{k}" for k, p in ADDED.items()) + ", "
                      + ", ".join(f"e.{p} = CASE WHEN row.{k} = 0 THEN null ELSE row.{k} END" for k, p in YEARS.items()),
                      {"rows": entities})])
    keyed = [{"id": r["id"], "keys": r["recount"]} for r in neighbours_recount(store) if (r["kept"] or []) != r["recount"]]
    store.write_all([("UNWIND $rows AS row MATCH (e:Entity {id: row.id}) "
                      "SET e.neighbours = CASE WHEN size(row.keys) = 0 THEN null ELSE row.keys END", {"rows": keyed})])
    citing = [{"id": r["id"], "n": r["recount"]} for r in store.read(CITES_RECOUNT) if r["kept"] != r["recount"]]
    policies = [{"id": r["id"], "documents": r["recount"]} for r in policy_documents_recount(store)
                if r["kept"] is None or r["kept"] != r["recount"]]
    store.write_all([("UNWIND $rows AS row MATCH (d:Document {id: row.id}) SET d.cites = row.n", {"rows": citing}),
                     ("UNWIND $rows AS row MATCH (p:Entity {id: row.id}) SET p.documents = row.documents",
                      {"rows": policies})])
    return len(indicators) + len(entities) + len(keyed) + len(citing) + len(policies)


def review_documents(store: GraphStore, keys: list[str]) -> list[str]:
    """The documents whose counted facts a change of review decisions may touch: those with a
    recommendation or link marked now, or carrying one of `keys` (the decisions to apply)."""
    rows = store.read(
        "MATCH (r:Recommendation)-[a:ADDRESSES]->(:Indicator) "
        "WHERE r.review IS NOT NULL OR a.review IS NOT NULL OR r.fact_key IN $keys OR a.fact_key IN $keys "
        "RETURN DISTINCT r.doc_id AS doc_id", {"keys": keys})
    return sorted(r["doc_id"] for r in rows if r["doc_id"])
