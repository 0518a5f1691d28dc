"""Support from across the corpus: which passages of *other* documents back a recommendation, and
which recommendations of other documents propose the same measure.

Provenance and support are two things. `(:Recommendation)-[:SUPPORTED_BY]->(:Passage)` is where a
recommendation was stated (出处); this module adds

* `(:Recommendation)-[:EVIDENCED_BY {kind, score, terms, entities}]->(:Passage)` to passages of
  other documents that speak of the same thing: every link is anchored on an *entity the
  recommendation concerns* — a function, programme, society, branch, Party body or policy, not a
  hub named everywhere (at most ANCHOR_SHARE of the passages mention it) — and shares measure
  words with it. Each link has one kind, tried in this order:
  - `policy` (政策依据): a passage of a policy document that is itself a recommendation (a mandate)
    and names the anchor — or, without an anchor, states a recommendation of the same measure
    (a SAME_MEASURE pair, below);
  - `case` (实践案例): a passage of a case, news, speech or report document that states a
    relationship fact (UNDERTAKES, RUNS, PARTY_ORG_OF, BRANCH_OF, SUPERVISED_BY, ISSUED) of the anchor;
  - `data` (数据): a passage with figures (counts, shares, money) that names the anchor.
  Why anchored: on a hand-judged sample of 90 links found by shared words alone, a drafter accepted
  22 %; of those that also shared such an entity, 80 % (docs/EVIDENCE.md).
* `(:Recommendation)-[:SAME_MEASURE {score, terms}]->(:Recommendation)` between recommendations
  of different documents whose measure words mostly coincide, from the smaller id to the larger.
  A recommendation's *measure cluster* is itself and its SAME_MEASURE neighbours (one hop: no
  chains, so A~B and B~C never make A~C without their own evidence).

Explainable and deterministic. The words are `extractors.measures.measure_terms`; each weighs
`log(1 + N / df)` over the N candidate passages (those that name an entity of an anchor label or
state a recommendation: a word found everywhere says little). A
link's `score` is the weight of the shared words over the weight of the recommendation's words
(for SAME_MEASURE: twice the shared weight over both sides' weight), and it carries those words
(`terms`, heaviest first) and the entities that made a case (`entities`). A recommendation keeps
at most MAX_PER_KIND links per kind, best first, ties by passage id.

Kept current at every ingest: support is a function of the whole corpus (a new document can
support an old recommendation, and changes the weights), so `update_support` recomputes it and
writes only the difference. A passage's and a recommendation's words are computed once and kept
on the node (`terms`, and `figures` on passages).
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from extractors.measures import has_figures, measure_terms
from kg.stores.base import GraphStore
from schema.ids import fact_key
from schema.vocabulary import SUPPORT_ANCHORS

KINDS = ("policy", "case", "data")
MAX_PER_KIND = 3
MIN_SCORE = {"policy": 0.2, "case": 0.2, "data": 0.2}
MIN_SHARED = {"policy": 1, "case": 1, "data": 1}  # shared measure words besides the anchor (≥ 1: evidence_for relies on it)
ANCHOR_LABELS = SUPPORT_ANCHORS
ANCHOR_SHARE = 0.03  # an entity more passages than this mention is a hub, not an anchor
SAME_MEASURE_MIN = 0.5
SAME_MEASURE_MIN_SHARED = 2
MAX_TERM_GROUP = 500  # a word more recommendations than this share proposes no SAME_MEASURE pairs (bounds the work)
SPECIFIC_SHARE = 0.02  # a SAME_MEASURE pair needs a shared word found in at most this share of passages
FACT_TYPES = ("UNDERTAKES", "RUNS", "PARTY_ORG_OF", "BRANCH_OF", "SUPERVISED_BY", "ISSUED")
CASE_KINDS = ("case", "news", "speech", "report")


@dataclass(frozen=True, slots=True)  # slots: a corpus of 10,000 documents has millions of links
class Link:
    head: str  # recommendation id
    tail: str  # passage id (EVIDENCED_BY) or recommendation id (SAME_MEASURE)
    kind: str  # policy | case | data | same
    score: float
    terms: tuple[str, ...]
    entities: tuple[str, ...] = ()
    key: str = ""  # fact_key: what a review decision about the link is keyed by

    def row(self) -> dict[str, Any]:
        props: dict[str, Any] = {"score": self.score, "terms": list(self.terms), "fact_key": self.key}
        if self.kind != "same":
            props.update(kind=self.kind, entities=list(self.entities))
        return {"head": self.head, "tail": self.tail, "props": props}


@dataclass
class SupportReport:
    evidenced_by: int = 0  # links after the update
    same_measure: int = 0
    added: int = 0
    removed: int = 0
    supported: int = 0  # recommendations with at least one EVIDENCED_BY
    recommendations: int = 0


@dataclass(frozen=True, slots=True)
class _Passage:
    id: str
    doc_id: str
    kind: str
    terms: frozenset[str]
    figures: bool


@dataclass(frozen=True, slots=True)
class _Rec:
    id: str
    doc_id: str
    terms: frozenset[str]
    passage_id: str


# The passages support can come from: those that name an entity of an anchor label, and those that
# state a recommendation. Only these get measure words (a long report's other passages never do),
# and a document offers at most MAX_PASSAGES_PER_DOCUMENT of them, in reading order: support stays
# bounded in memory whatever one document's size (a 50 MB report would otherwise fill the process).
_CANDIDATES = ("CALL { MATCH (p:Passage)-[:MENTIONS]->(e:Entity) WHERE e.label IN $labels RETURN p "
               "UNION MATCH (:Recommendation)-[:SUPPORTED_BY]->(p:Passage) RETURN p } ")
MAX_PASSAGES_PER_DOCUMENT = 2000
READ_BATCH = 2000


def candidates(store: GraphStore) -> dict[str, bool]:
    """Candidate passage id -> whether its words are still missing, at most MAX_PASSAGES_PER_DOCUMENT
    a document."""
    by_doc: dict[str, list[tuple[int, str, bool]]] = defaultdict(list)
    for r in store.read(_CANDIDATES + "RETURN p.id AS id, p.doc_id AS doc, p.index AS i, p.terms IS NULL AS missing",
                        {"labels": list(ANCHOR_LABELS)}):
        by_doc[r["doc"]].append((r["i"] or 0, r["id"], bool(r["missing"])))
    return {pid: missing for doc in sorted(by_doc) for _, pid, missing in sorted(by_doc[doc])[:MAX_PASSAGES_PER_DOCUMENT]}


def _read_passages(store: GraphStore, ids: list[str], tail: str) -> Iterator[dict[str, Any]]:
    for i in range(0, len(ids), READ_BATCH):
        yield from store.read("UNWIND $ids AS id MATCH (p:Passage {id: id}) " + tail, {"ids": ids[i:i + READ_BATCH]})


def _fill_terms(store: GraphStore, wanted: dict[str, bool]) -> None:
    """Compute the words of candidate passages and recommendations that have none yet (new ones),
    a batch at a time."""
    missing = [pid for pid, m in wanted.items() if m]
    for i in range(0, len(missing), READ_BATCH):
        rows = store.read("UNWIND $ids AS id MATCH (p:Passage {id: id}) RETURN p.id AS id, p.text AS text",
                          {"ids": missing[i:i + READ_BATCH]})
        store.write_all([("UNWIND $rows AS row MATCH (p:Passage {id: row.id}) "
                          "SET p.terms = row.terms, p.figures = row.figures",
                          {"rows": [{"id": r["id"], "terms": list(measure_terms(r["text"] or "")),
                                     "figures": has_figures(r["text"] or "")} for r in rows]})])
    rows = store.read("MATCH (r:Recommendation) WHERE r.terms IS NULL RETURN r.id AS id, r.text AS text")
    store.write_batches("UNWIND $rows AS row MATCH (r:Recommendation {id: row.id}) SET r.terms = row.terms",
                        ({"id": r["id"], "terms": list(measure_terms(r["text"] or ""))} for r in rows))


class Corpus:
    """What support is computed from, read from the store in a few passes."""

    def __init__(self, store: GraphStore, ids: list[str] | None = None) -> None:
        ids = sorted(candidates(store)) if ids is None else ids
        self.passages = {r["id"]: _Passage(r["id"], r["doc"], r["kind"] or "report", frozenset(r["terms"] or ()),
                                           bool(r["figures"]))
                         for r in _read_passages(store, ids, "MATCH (p)-[:PART_OF]->(d:Document) WHERE NOT d:Guide "
                                                 "RETURN p.id AS id, p.doc_id AS doc, d.kind AS kind, "
                                                 "p.terms AS terms, p.figures AS figures")}
        all_passages = store.read("MATCH (p:Passage) RETURN count(p) AS n")[0]["n"]
        rows = store.read("MATCH (r:Recommendation)-[:SUPPORTED_BY]->(p:Passage) RETURN r.id AS id, "
                          "r.doc_id AS doc, r.terms AS terms, r.fact_key AS fact_key, min(p.id) AS passage")
        self.recs = sorted((_Rec(r["id"], r["doc"], frozenset(r["terms"] or ()), r["passage"]) for r in rows),
                           key=lambda r: r.id)
        self.rec_keys = {r["id"]: r["fact_key"] or r["id"] for r in rows}
        self.stated = {r.passage_id for r in self.recs}  # passages that state a recommendation
        self.concerns: dict[str, dict[str, str]] = defaultdict(dict)  # rec -> {entity id: name}
        for r in store.read("MATCH (r:Recommendation)-[:CONCERNS]->(e:Entity) RETURN r.id AS rec, e.id AS id, "
                            "e.name AS name"):
            self.concerns[r["rec"]][r["id"]] = r["name"]
        self.mentions: dict[str, set[str]] = defaultdict(set)  # passage -> anchor-label entities it names
        named: dict[str, int] = defaultdict(int)  # entity -> passages of the whole graph that name it
        for r in store.read("MATCH (p:Passage)-[:MENTIONS]->(e:Entity) WHERE e.label IN $labels "
                            "RETURN DISTINCT p.id AS passage, e.id AS id", {"labels": list(ANCHOR_LABELS)}):
            named[r["id"]] += 1
            if r["passage"] in self.passages:
                self.mentions[r["passage"]].add(r["id"])
        self.anchors = {e for e, c in named.items() if c <= max(ANCHOR_SHARE * all_passages, 5)}
        # anchor -> document -> passages that name it (a recommendation skips its own document at once)
        self.by_anchor: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for pid in sorted(self.mentions):
            p = self.passages.get(pid)
            if p is not None:
                for e in self.mentions[pid] & self.anchors:
                    self.by_anchor[e][p.doc_id].append(pid)
        self.facts: dict[str, set[str]] = defaultdict(set)  # passage -> entity ids of the facts it states
        for r in store.read("MATCH (a:Entity)-[x]->(b:Entity) WHERE type(x) IN $types AND x.evidence IS NOT NULL "
                            "RETURN x.evidence AS passage, a.id AS a, b.id AS b", {"types": list(FACT_TYPES)}):
            self.facts[r["passage"]] |= {r["a"], r["b"]}
        # the passages of by_anchor that can give a link of some kind (evidence_for): a policy passage that
        # states a recommendation, a case passage that states a fact, a passage with figures
        self.eligible_by_anchor: dict[str, dict[str, list[str]]] = {
            e: {doc: kept for doc, pids in docs.items() if (kept := [pid for pid in pids if self._eligible(pid)])}
            for e, docs in self.by_anchor.items()}
        df: dict[str, int] = defaultdict(int)
        for p in self.passages.values():
            for t in p.terms:
                df[t] += 1
        n = max(len(self.passages), 1)
        self.weight = {t: math.log(1 + n / c) for t, c in df.items()}
        self._max_weight = math.log(1 + n)
        # only specific words propose SAME_MEASURE candidates: a pair needs one of them anyway
        self.specific = {t for t, c in df.items() if c <= max(SPECIFIC_SHARE * n, 5)}

    def _eligible(self, pid: str) -> bool:
        p = self.passages[pid]
        return (p.kind == "policy" and pid in self.stated) or (p.kind in CASE_KINDS and bool(self.facts.get(pid))) \
            or p.figures

    def w(self, term: str) -> float:
        return self.weight.get(term, self._max_weight)

    def is_specific(self, term: str) -> bool:
        return term in self.specific or term not in self.weight

    def ranked(self, terms: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(terms, key=lambda t: (-self.w(t), t)))


def evidence_for(corpus: Corpus, rec: _Rec, same: dict[str, Link] | None = None) -> list[Link]:
    """`same`: passage id -> the SAME_MEASURE link to the recommendation that passage states.

    Every candidate passage (one that names an anchor of the recommendation, in another document)
    is scored, and the best MAX_PER_KIND of each kind are kept. The work per candidate is kept
    small — this runs once per recommendation per candidate, O(corpus²) in all: a passage that
    shares no word with the recommendation is passed over before anything else (its score would
    be 0), and a link's words and entity names are put in order only for the links kept."""
    total = sum(corpus.w(t) for t in rec.terms)
    concerned = corpus.concerns.get(rec.id, {})
    anchors = set(concerned) & corpus.anchors
    if not total:
        return []
    anchor_words = set(concerned.values())
    found: dict[str, list[Link]] = defaultdict(list)
    for pid, pair in sorted((same or {}).items()):
        p = corpus.passages.get(pid)
        if p is not None and p.kind == "policy" and p.doc_id != rec.doc_id:
            found["policy"].append(Link(rec.id, pid, "policy", pair.score, pair.terms,
                                        tuple(sorted(concerned[e] for e in anchors & corpus.mentions.get(pid, set())))))
    scored: dict[str, list[tuple[float, str, frozenset[str], set[str]]]] = defaultdict(list)
    weight, heaviest, passages, facts, stated = corpus.weight, corpus._max_weight, corpus.passages, corpus.facts, \
        corpus.stated
    terms, own, skip = rec.terms, rec.doc_id, set(same or {})
    seen: set[str] = set()
    for e in anchors:
        for doc, pids in corpus.eligible_by_anchor.get(e, {}).items():
            if doc == own:
                continue
            for pid in pids:
                if pid in seen or pid in skip:
                    continue
                seen.add(pid)
                p = passages[pid]
                if terms.isdisjoint(p.terms):  # score 0: below every MIN_SCORE, fewer than MIN_SHARED words
                    continue
                if p.kind == "policy" and pid in stated:
                    kind, named = "policy", anchors & corpus.mentions.get(pid, set())
                elif p.kind in CASE_KINDS and anchors & facts.get(pid, set()):
                    kind, named = "case", anchors & facts[pid]
                elif p.figures:
                    kind, named = "data", anchors & corpus.mentions.get(pid, set())
                else:
                    continue
                shared = terms & p.terms
                score = round(sum(weight.get(t, heaviest) for t in shared) / total, 3)  # = corpus.w(t)
                if score >= MIN_SCORE[kind] and len(shared - anchor_words) >= MIN_SHARED[kind]:
                    scored[kind].append((score, pid, shared, named))
    for kind, links in scored.items():
        found[kind] += [Link(rec.id, pid, kind, score, corpus.ranked(shared), tuple(sorted(concerned[e] for e in named)))
                        for score, pid, shared, named in sorted(links, key=lambda x: (-x[0], x[1]))[:MAX_PER_KIND]]
    out = []
    for kind in KINDS:
        out += sorted(found[kind], key=lambda link: (-link.score, link.tail))[:MAX_PER_KIND]
    return out


def same_measures(corpus: Corpus) -> list[Link]:
    by_term: dict[str, list[_Rec]] = defaultdict(list)
    for rec in corpus.recs:
        for t in rec.terms:
            if corpus.is_specific(t):  # only specific words propose candidates
                by_term[t].append(rec)
    weight = {rec.id: sum(corpus.w(t) for t in rec.terms) for rec in corpus.recs}
    pairs: set[tuple[str, str]] = set()
    recs = {rec.id: rec for rec in corpus.recs}
    for group in by_term.values():
        if len(group) > MAX_TERM_GROUP or len({rec.doc_id for rec in group}) < 2:
            continue
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.doc_id != b.doc_id:
                    pairs.add((min(a.id, b.id), max(a.id, b.id)))
    out = []
    for x, y in sorted(pairs):
        a, b = recs[x], recs[y]
        shared = a.terms & b.terms
        score = round(2 * sum(corpus.w(t) for t in shared) / (weight[x] + weight[y]), 3)
        if score >= SAME_MEASURE_MIN and len(shared) >= SAME_MEASURE_MIN_SHARED:
            out.append(Link(x, y, "same", score, corpus.ranked(shared)))
    return out


def with_keys(store: GraphStore, corpus: Corpus, evidence: list[Link], same: list[Link]
              ) -> tuple[list[Link], list[Link]]:
    """The links with their fact_key: the recommendation's key and the supporting passage's
    document and text (EVIDENCED_BY), or the two recommendations' keys (SAME_MEASURE)."""
    texts = {r["id"]: (r["doc"], r["text"]) for r in _read_passages(
        store, sorted({link.tail for link in evidence}), "RETURN p.id AS id, p.doc_id AS doc, p.text AS text")}
    keyed_evidence = [replace(link, key=fact_key("EVIDENCED_BY", corpus.rec_keys[link.head], *texts[link.tail]))
                      for link in evidence]
    keyed_same = [replace(link, key=fact_key("SAME_MEASURE", *sorted((corpus.rec_keys[link.head],
                                                                       corpus.rec_keys[link.tail]))))
                  for link in same]
    return keyed_evidence, keyed_same


def compute(corpus: Corpus) -> tuple[list[Link], list[Link]]:
    same = same_measures(corpus)
    stated_at = {rec.id: rec.passage_id for rec in corpus.recs}
    pairs: dict[str, dict[str, Link]] = defaultdict(dict)  # rec -> {passage of the other rec: pair}
    for link in same:
        pairs[link.head][stated_at[link.tail]] = link
        pairs[link.tail][stated_at[link.head]] = link
    evidence = [link for rec in corpus.recs for link in evidence_for(corpus, rec, pairs.get(rec.id))]
    return evidence, same


_EVIDENCED = ("UNWIND $rows AS row MATCH (r:Recommendation {id: row.head}) MATCH (p:Passage {id: row.tail}) "
              "CREATE (r)-[x:EVIDENCED_BY]->(p) SET x += row.props")
_SAME = ("UNWIND $rows AS row MATCH (a:Recommendation {id: row.head}) MATCH (b:Recommendation {id: row.tail}) "
         "CREATE (a)-[x:SAME_MEASURE]->(b) SET x += row.props")
_DROP_EVIDENCED = ("UNWIND $rows AS row MATCH (r:Recommendation {id: row.head})-[x:EVIDENCED_BY]->"
                   "(p:Passage {id: row.tail}) DELETE x")
_DROP_SAME = ("UNWIND $rows AS row MATCH (a:Recommendation {id: row.head})-[x:SAME_MEASURE]->"
              "(b:Recommendation {id: row.tail}) DELETE x")


def stored_links(store: GraphStore) -> tuple[dict[tuple[str, str], dict], dict[tuple[str, str], dict]]:
    evidence = {(r["head"], r["tail"]): r["props"] for r in store.read(
        "MATCH (r:Recommendation)-[x:EVIDENCED_BY]->(p:Passage) RETURN r.id AS head, p.id AS tail, "
        "{kind: x.kind, score: x.score, terms: x.terms, entities: x.entities, fact_key: x.fact_key} AS props")}
    same = {(r["head"], r["tail"]): r["props"] for r in store.read(
        "MATCH (a:Recommendation)-[x:SAME_MEASURE]->(b:Recommendation) RETURN a.id AS head, b.id AS tail, "
        "{score: x.score, terms: x.terms, fact_key: x.fact_key} AS props")}
    return evidence, same


def _changes(stored: dict[tuple[str, str], dict], links: list[Link]) -> tuple[list[dict], list[Link]]:
    """(the stored links to drop, as `{head, tail}` rows; the links to add), each in (head, tail) order.
    A link's row is made only to compare it with a stored one: a first ingest stores none."""
    wanted = {(link.head, link.tail): link for link in links}
    drop = [{"head": h, "tail": t} for (h, t), props in sorted(stored.items())
            if (h, t) not in wanted or wanted[(h, t)].row()["props"] != props]
    add = [link for key, link in sorted(wanted.items()) if key not in stored or stored[key] != link.row()["props"]]
    return drop, add


@dataclass
class Recount:
    """Support as the corpus gives it now, beside what the store holds."""

    corpus: Corpus
    evidence: list[Link]
    same: list[Link]
    changes: dict[str, tuple[list[dict], list[Link]]]  # EVIDENCED_BY / SAME_MEASURE -> (to drop, to add)


def recount(store: GraphStore, ids: list[str] | None = None) -> Recount:
    corpus = Corpus(store, ids)
    evidence, same = with_keys(store, corpus, *compute(corpus))
    stored_evidence, stored_same = stored_links(store)
    return Recount(corpus, evidence, same, {"EVIDENCED_BY": _changes(stored_evidence, evidence),
                                           "SAME_MEASURE": _changes(stored_same, same)})


WRITE_ROWS = 5000  # rows per statement of the support update (all of them in one transaction)


class _Statements:
    """The statements of a support update, `WRITE_ROWS` rows each, their rows made as they are
    run (and made again if the store runs the transaction again): one transaction, all or nothing,
    without the rows of every link at once — a first ingest of 1,000 documents adds ~200,000 links,
    and the update's write transaction was the peak of that ingest (docs/PERFORMANCE.md)."""

    def __init__(self, parts: list[tuple[str, list[dict] | list[Link]]]) -> None:
        self.parts = [(query, items) for query, items in parts if items]

    def __iter__(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for query, items in self.parts:
            for i in range(0, len(items), WRITE_ROWS):
                yield query, {"rows": [x.row() if isinstance(x, Link) else x for x in items[i:i + WRITE_ROWS]]}

    def __len__(self) -> int:
        return sum(-(-len(items) // WRITE_ROWS) for _, items in self.parts)


def update_support(store: GraphStore) -> SupportReport:
    """Bring EVIDENCED_BY and SAME_MEASURE up to date with the corpus in the store."""
    wanted = candidates(store)
    _fill_terms(store, wanted)
    now = recount(store, sorted(wanted))
    corpus, evidence, same = now.corpus, now.evidence, now.same
    (drop_e, add_e), (drop_s, add_s) = now.changes["EVIDENCED_BY"], now.changes["SAME_MEASURE"]
    statements = _Statements([(_DROP_EVIDENCED, drop_e), (_DROP_SAME, drop_s), (_EVIDENCED, add_e), (_SAME, add_s)])
    if len(statements):
        store.write_all(statements)  # type: ignore[arg-type]  # iterated once (again on a retry), as a list is
    return SupportReport(evidenced_by=len(evidence), same_measure=len(same), added=len(add_e) + len(add_s),
                         removed=len(drop_e) + len(drop_s), supported=len({link.head for link in evidence}),
                         recommendations=len(corpus.recs))


def support_is_current(store: GraphStore) -> bool:
    """Cheap test: every passage and recommendation has its words (a store an older version wrote,
    or one an interrupted ingest left, has not)."""
    return not any(candidates(store).values()) and \
        not store.read("MATCH (r:Recommendation) WHERE r.terms IS NULL RETURN r.id AS id LIMIT 1")


def stale_support(store: GraphStore) -> list[dict[str, Any]]:
    """Links that differ from a recount (for `kg check`): missing, extra or with other properties."""
    out = []
    for name, (drop, add) in recount(store).changes.items():
        out += [{"type": name, "stale": f"{r['head']} -> {r['tail']}"} for r in drop]
        out += [{"type": name, "missing": f"{link.head} -> {link.tail}"} for link in add]
    return out
