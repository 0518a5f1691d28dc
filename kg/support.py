"""Support from across the corpus: which passages of *other* documents back a recommendation, and
which recommendations of other documents propose the same measure.

Provenance and support are two things. `(:Recommendation)-[:SUPPORTED_BY]->(:Passage)` is where a
recommendation was stated (出处); this module adds

* `(:Recommendation)-[:EVIDENCED_BY {kind, score, terms, entities}]->(:Passage)` to passages of
  other documents that state *the same measure*. The measure similarity (`score`) is the cosine of
  the two sentences' measure texts (`extractors.measures.measure_grams`: 2- and 3-character pieces,
  without policy titles and boilerplate phrases, each piece weighted tf × idf over the candidate
  passages); a link also needs measure words in common (`terms`). Each link has one kind, tried in
  this order, each with its own floor (MIN_SCORE, MIN_SHARED):
  - `policy` (政策依据): a passage of a policy document that is itself a recommendation (a mandate),
    not of another place at the same level below national (a peer: `extractors.issuers.backs`). The
    rule "never from a lower level" (`runs_down`, the kinds of UPWARDS_BARRED) is written and tested
    but off: measured, it cost accepted links (docs/EVIDENCE.md, "v0.11");
  - `case` (实践案例): a passage of a case, news, speech or report document that names an actor —
    a society, branch, Party body or agency (ACTOR_LABELS): who did it (`entities`);
  - `data` (数据): a passage with figures (counts, shares, money).
  Guiding-thought, purpose and study clauses (`extractors.measures.is_boilerplate`) neither get nor
  give support. Why these floors: docs/EVIDENCE.md (hand-judged links in training/support/): on the
  seed a drafter accepted 25 of 31 links at these floors (chosen on those judgements, so in-sample),
  18 of 30 out of sample at the slightly lower floors fixed before the last check, and one link in
  five found by shared words alone.
* `(:Recommendation)-[:SAME_MEASURE {score, terms}]->(:Recommendation)` between recommendations
  of different documents whose measure words mostly coincide, from the smaller id to the larger.
  A recommendation's *measure cluster* is itself and its SAME_MEASURE neighbours (one hop: no
  chains, so A~B and B~C never make A~C without their own evidence).

Explainable and deterministic. The words are `extractors.measures.measure_terms`; each weighs
`log(1 + N / df)` over the N candidate passages (those that name an entity of CANDIDATE_LABELS or
state a recommendation). An EVIDENCED_BY link carries its `score` (the cosine), the shared measure
words (`terms`, heaviest first) and the entities that made it (`entities`: for a case, the actors
the passage names; otherwise the entities the recommendation concerns that the passage names); a
SAME_MEASURE link carries twice the shared words' weight over both sides' weight and those words.
A recommendation keeps at most MAX_PER_KIND links per kind, best first, ties by passage id.

Kept current at every ingest: support is a function of the whole corpus (a new document can
support an old recommendation, and changes the weights), so `update_support` recomputes it and
writes only the difference. A passage's and a recommendation's words are computed once and kept
on the node (`terms`, and `figures` on passages); the measure text is made from the text at each
recount (it depends on the boilerplate rules, not on the corpus).
"""
from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from extractors.issuers import Standing, backs, standing
from extractors.measures import has_figures, is_boilerplate, measure_grams, measure_terms
from kg.stores.base import GraphStore
from schema.ids import fact_key
from schema.vocabulary import SUPPORT_ANCHORS

KINDS = ("policy", "case", "data")
MAX_PER_KIND = 3
# the floors of each kind: measure similarity (cosine of the measure texts) and shared measure words,
# chosen on hand-judged links (docs/EVIDENCE.md: 25 of 31 accepted on the seed, in-sample)
MIN_SCORE = {"policy": 0.2, "case": 0.25, "data": 0.2}
SCORE_DECIMALS = 3  # a link's score is rounded to these, then held to its floor
MIN_SHARED = {"policy": 3, "case": 2, "data": 3}
ACTOR_LABELS = ("Society", "Branch", "PartyOrganization", "Agency")  # who can be said to have done a measure (a case)
CANDIDATE_LABELS = tuple(dict.fromkeys(tuple(SUPPORT_ANCHORS) + ACTOR_LABELS))  # a passage naming one is a candidate
SAME_MEASURE_MIN = 0.5
SAME_MEASURE_MIN_SHARED = 2
MAX_TERM_GROUP = 500  # a word more recommendations than this share proposes no SAME_MEASURE pairs (bounds the work)
SPECIFIC_SHARE = 0.02  # a SAME_MEASURE pair needs a shared word found in at most this share of passages
CASE_KINDS = ("case", "news", "speech", "report")
# The kinds whose passage must come from a document of the same or a higher level than the recommendation's
# (`runs_down`: support runs downwards or sideways, never upwards). Measured against every judgement on record
# for `policy` and NOT shipped: on the seed it removed 13 policy links of which the judges had accepted 8 (a
# city's plan restating its province's point, word for word), and the judged acceptance fell from 51 % to 49 %
# (docs/EVIDENCE.md, "v0.11"). ("policy",) turns it on; the tests run it both ways.
UPWARDS_BARRED: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)  # slots: a corpus of 10,000 documents has millions of links
class Link:
    head: str  # recommendation id
    tail: str  # passage id (EVIDENCED_BY) or recommendation id (SAME_MEASURE)
    kind: str  # policy | case | data | same
    score: float
    terms: tuple[str, ...]
    entities: tuple[str, ...] = ()
    key: str = ""  # fact_key: what a review decision about the link is keyed by

    def keyed(self, key: str) -> Link:
        """The same link with its fact_key (as `dataclasses.replace`, without its cost per link)."""
        return Link(self.head, self.tail, self.kind, self.score, self.terms, self.entities, key)

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
    kind: str  # the kind of link it can give (policy | case | data), "" for none
    terms: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Rec:
    id: str
    doc_id: str
    terms: frozenset[str]
    passage_id: str
    text: str


class _Pieces:
    """The measure pieces of the passages that can give a link, as they are read: each piece once
    (an index), each passage's piece numbers and counts in flat arrays."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.passages: list[str] = []
        self.lengths, self.ids, self.counts = array("q"), array("q"), array("q")

    def add(self, pid: str, grams: Mapping[str, int]) -> None:
        self.passages.append(pid)
        self.lengths.append(len(grams))
        self.ids.extend([self.index.setdefault(g, len(self.index)) for g in grams])
        self.counts.extend(grams.values())


# The passages support can come from: those that name an entity of an actor or anchor label, and those
# that state a recommendation. Only these get measure words (a long report's other passages never do),
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
                        {"labels": list(CANDIDATE_LABELS)}):
        by_doc[r["doc"]].append((r["i"] or 0, r["id"], bool(r["missing"])))
    return {pid: missing for doc in sorted(by_doc) for _, pid, missing in sorted(by_doc[doc])[:MAX_PASSAGES_PER_DOCUMENT]}


def _read_passages(store: GraphStore, ids: list[str], tail: str) -> Iterator[dict[str, Any]]:
    for i in range(0, len(ids), READ_BATCH):
        yield from store.read("UNWIND $ids AS id MATCH (p:Passage {id: id}) " + tail, {"ids": ids[i:i + READ_BATCH]})


def _fill_terms(store: GraphStore, wanted: dict[str, bool]) -> None:
    """Compute the words of candidate passages and recommendations that have none yet (new ones),
    a batch at a time. A text met again is not cut again (most recommendations are the whole text of
    their passage; reposts repeat passages)."""
    terms = _TermsOnce()
    missing = [pid for pid, m in wanted.items() if m]
    for i in range(0, len(missing), READ_BATCH):
        rows = store.read("UNWIND $ids AS id MATCH (p:Passage {id: id}) RETURN p.id AS id, p.text AS text",
                          {"ids": missing[i:i + READ_BATCH]})
        store.write_all([("UNWIND $rows AS row MATCH (p:Passage {id: row.id}) "
                          "SET p.terms = row.terms, p.figures = row.figures",
                          {"rows": [{"id": r["id"], "terms": terms(r["text"] or ""),
                                     "figures": has_figures(r["text"] or "")} for r in rows]})])
    rows = store.read("MATCH (r:Recommendation) WHERE r.terms IS NULL RETURN r.id AS id, r.text AS text")
    store.write_batches("UNWIND $rows AS row MATCH (r:Recommendation {id: row.id}) SET r.terms = row.terms",
                        ({"id": r["id"], "terms": terms(r["text"] or "")} for r in rows))


class _TermsOnce:
    """`measure_terms` (a list, as stored), each distinct text cut once (jieba's tagger is most of `_fill_terms`)."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> list[str]:
        found = self.known.get(text)
        if found is None:
            found = self.known[text] = measure_terms(text)
        return list(found)


class Corpus:
    """What support is computed from, read from the store in a few passes."""

    def __init__(self, store: GraphStore, ids: list[str] | None = None) -> None:
        ids = sorted(candidates(store)) if ids is None else ids
        rows = store.read("MATCH (r:Recommendation)-[:SUPPORTED_BY]->(p:Passage) RETURN r.id AS id, "
                          "r.doc_id AS doc, r.terms AS terms, r.text AS text, r.fact_key AS fact_key, "
                          "min(p.id) AS passage")
        self.recs = sorted((_Rec(r["id"], r["doc"], frozenset(r["terms"] or ()), r["passage"], r["text"] or "")
                            for r in rows), key=lambda r: r.id)
        self.rec_keys = {r["id"]: r["fact_key"] or r["id"] for r in rows}
        self.stated = {r.passage_id for r in self.recs}  # passages that state a recommendation
        self.concerns: dict[str, dict[str, str]] = defaultdict(dict)  # rec -> {entity id: name}
        for r in store.read("MATCH (r:Recommendation)-[:CONCERNS]->(e:Entity) RETURN r.id AS rec, e.id AS id, "
                            "e.name AS name"):
            self.concerns[r["rec"]][r["id"]] = r["name"]
        self.mentions: dict[str, dict[str, str]] = defaultdict(dict)  # passage -> {entity id: name}
        self.actors: dict[str, dict[str, str]] = defaultdict(dict)  # passage -> {actor entity id: name}
        for r in store.read("MATCH (p:Passage)-[:MENTIONS]->(e:Entity) WHERE e.label IN $labels "
                            "RETURN DISTINCT p.id AS passage, e.id AS id, e.name AS name, e.label AS label",
                            {"labels": list(CANDIDATE_LABELS)}):
            self.mentions[r["passage"]][r["id"]] = r["name"]
            if r["label"] in ACTOR_LABELS:
                self.actors[r["passage"]][r["id"]] = r["name"]
        # what each document speaks for (level, place): a province's policy is no basis of another province's point
        self.standing = {r["id"]: standing(list(r["issuers"] or ()), r["title"] or "")
                         for r in store.read("MATCH (d:Document) RETURN d.id AS id, d.issuers AS issuers, "
                                             "d.title AS title")}
        self.passages: dict[str, _Passage] = {}
        df: Counter[str] = Counter()  # pieces: in how many candidate passages
        wdf: dict[str, int] = defaultdict(int)
        pieces = _Pieces()  # of the passages that can give a link (the others only count in df)
        for r in _read_passages(store, ids, "MATCH (p)-[:PART_OF]->(d:Document) WHERE NOT d:Guide "
                                "RETURN p.id AS id, p.doc_id AS doc, d.kind AS kind, p.terms AS terms, "
                                "p.figures AS figures, p.text AS text"):
            text = r["text"] or ""
            grams = measure_grams(text)
            df.update(grams.keys())
            terms = frozenset(r["terms"] or ())
            for t in terms:
                wdf[t] += 1
            kind = "" if is_boilerplate(text) else self._kind(r["id"], r["kind"] or "report", bool(r["figures"]))
            self.passages[r["id"]] = _Passage(r["id"], r["doc"], kind, terms)
            if kind:
                pieces.add(r["id"], grams)
        n = max(len(self.passages), 1)
        self._unseen = math.log(1 + n)  # the weight of a piece or word no candidate passage holds
        self.idf = {g: math.log(1 + n / c) for g, c in df.items()}
        del df
        self._index(pieces)
        self.weight = {t: math.log(1 + n / c) for t, c in wdf.items()}
        # only specific words propose SAME_MEASURE candidates: a pair needs one of them anyway
        self.specific = {t for t, c in wdf.items() if c <= max(SPECIFIC_SHARE * n, 5)}

    def _index(self, pieces: _Pieces) -> None:
        """The passages' measure vectors, indexed so that a recommendation's passages at or above
        their floors are found without scoring every passage (`matches`).

        A row per passage in id order (`self.rows`: its document, kind, floors). Passages whose
        vectors are the same (the same pieces with the same weights, bit for bit: reposts, repeated
        sentences) share one *vector* (`row_vector`, and `vector_rows[vector_offsets[v]:vector_offsets[v
        + 1]]` its rows in order), scored once: its score is every one of its rows' score. Each
        piece's vectors with their weights (`posting_vectors`, `posting_weights`, from `offsets`)
        are the inverted index. The weights are those `vector` gives, bit for bit (the same float
        operations, array by array: `_weights`)."""
        self.rows = sorted(pieces.passages)
        row_of = {pid: row for row, pid in enumerate(self.rows)}
        lengths = np.frombuffer(pieces.lengths, dtype=np.int64) if pieces.lengths else np.empty(0, dtype=np.int64)
        rows = np.repeat(np.array([row_of[pid] for pid in pieces.passages], dtype=np.int64), lengths)
        ids = np.frombuffer(pieces.ids, dtype=np.int64) if pieces.ids else np.empty(0, dtype=np.int64)
        weights = self._weights(pieces, ids, lengths)
        names = sorted(pieces.index)
        self.pieces = {g: i for i, g in enumerate(names)}
        rank = np.empty(len(names), dtype=np.int64)
        rank[[pieces.index[g] for g in names]] = np.arange(len(names))
        by_piece = rank[ids]
        del ids
        # each row's pieces in sorted order (a piece's number is its place in sorted order)
        order = np.lexsort((by_piece, rows))
        row_pieces, row_weights = by_piece[order], weights[order]
        row_starts = np.searchsorted(rows[order], np.arange(len(self.rows) + 1))
        del rows, weights, by_piece, order
        # one vector per distinct (pieces, weights), numbered in the order of their first row
        numbers: dict[bytes, int] = {}
        vector_of = [numbers.setdefault(row_pieces[s:e].tobytes() + row_weights[s:e].tobytes(), len(numbers))
                     for s, e in zip(row_starts[:-1].tolist(), row_starts[1:].tolist())]
        del numbers
        self.row_vector = np.array(vector_of, dtype=np.int64)
        first = np.unique(self.row_vector, return_index=True)[1]  # the first row of each vector, in vector order
        at, counts = _ranges(row_starts[first], row_starts[first + 1] - row_starts[first])
        vector_pieces, vector_weights = row_pieces[at], row_weights[at]
        del row_pieces, row_weights, at
        owner = np.repeat(np.arange(len(first), dtype=np.int64), counts)
        by_piece = np.argsort(vector_pieces, kind="stable")  # by piece, vectors in order within a piece
        self.posting_vectors = owner[by_piece]
        self.posting_weights = vector_weights[by_piece]
        self.offsets = np.searchsorted(vector_pieces[by_piece], np.arange(len(names) + 1))
        del owner, by_piece, vector_pieces, vector_weights
        self.vector_rows = np.argsort(self.row_vector, kind="stable")  # each vector's rows, in order
        self.vector_offsets = np.searchsorted(self.row_vector[self.vector_rows], np.arange(len(first) + 1))
        documents: dict[str, int] = {}
        self.row_doc = np.array([documents.setdefault(self.passages[pid].doc_id, len(documents)) for pid in self.rows],
                                dtype=np.int64)
        self.doc_code = documents
        self.row_kind = np.array([KINDS.index(self.passages[pid].kind) for pid in self.rows], dtype=np.int64)
        self.row_floor = np.array([MIN_SCORE[self.passages[pid].kind] for pid in self.rows])
        # its kind's floor, less half the scores' last decimal: a similarity that rounds to the floor (0.2496 → 0.25)
        # reaches it (the rounded score is checked again)
        self.row_threshold = self.row_floor - 0.5 * 10.0 ** -SCORE_DECIMALS
        self.row_min_shared = np.array([MIN_SHARED[self.passages[pid].kind] for pid in self.rows], dtype=np.int64)
        # the lowest threshold of a vector's rows: a vector below it gives no row a link
        self.vector_threshold = np.full(len(first), np.inf)
        np.minimum.at(self.vector_threshold, self.row_vector, self.row_threshold)
        self._hits: tuple[tuple[str, frozenset[str]], tuple[np.ndarray, np.ndarray]] | None = None
        self._index_terms()

    def _index_terms(self) -> None:
        """The measure words of each row, as word numbers in flat arrays (`row_terms[term_offsets[row]:
        term_offsets[row + 1]]`), to count the words a recommendation shares with many rows at once."""
        self.term_ids: dict[str, int] = {}
        number = self.term_ids.setdefault
        words = [[number(t, len(self.term_ids)) for t in self.passages[pid].terms] for pid in self.rows]
        self.term_offsets = np.cumsum([0] + [len(w) for w in words], dtype=np.int64)
        self.row_terms = np.array([i for w in words for i in w], dtype=np.int64)

    def shared_terms(self, terms: Iterable[str], rows: np.ndarray) -> np.ndarray:
        """How many of `terms` each of `rows` has among its measure words."""
        wanted = np.zeros(len(self.term_ids), dtype=bool)
        wanted[[self.term_ids[t] for t in terms if t in self.term_ids]] = True
        starts = self.term_offsets[rows]
        lengths = self.term_offsets[rows + 1] - starts
        ends = np.cumsum(lengths)
        # where the rows' words are in row_terms, row after row
        at = np.arange(int(lengths.sum())) + np.repeat(starts - (ends - lengths), lengths)
        found = np.concatenate(([0], np.cumsum(wanted[self.row_terms[at]])))
        return found[ends] - found[ends - lengths]

    def _weights(self, pieces: _Pieces, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """`vector` of every passage at once, in `pieces`' order: tf × idf, each passage to unit length."""
        counts = np.frombuffer(pieces.counts, dtype=np.int64) if pieces.counts else np.empty(0, dtype=np.int64)
        seen = np.unique(counts)
        tf = np.array([1 + math.log(c) for c in seen.tolist()])[np.searchsorted(seen, counts)]
        idf = np.empty(len(pieces.index))
        for g, i in pieces.index.items():
            idf[i] = self.idf.get(g, self._unseen)
        raw = tf * idf[ids]
        squares = (raw * raw).tolist()
        ends = np.cumsum(lengths).tolist()
        norms = [math.sqrt(math.fsum(squares[end - length:end])) or 1.0 for end, length in zip(ends, lengths.tolist())]
        return raw / np.repeat(np.array(norms), lengths)

    def similarities(self, text: str) -> np.ndarray:
        """The measure similarity (cosine) of `text` to every indexed passage (`self.rows`), without
        pruning: the products of its pieces' weights, added piece by piece in sorted order (each
        vector's sum, given to each of its rows)."""
        return self._similarities(text)[self.row_vector]

    def _similarities(self, text: str) -> np.ndarray:
        """The similarity of `text` to every vector: each piece's products (its posting list, the
        vectors in order), pieces in sorted order, added one after the other into the vectors' sums
        (`np.bincount` adds its weights in the order given: each vector's products in the order of
        its pieces, from 0.0)."""
        qids, qw = self._query(text)
        at, lengths = _ranges(self.offsets[qids], self.offsets[qids + 1] - self.offsets[qids])
        return np.bincount(self.posting_vectors[at], weights=np.repeat(qw, lengths) * self.posting_weights[at],
                           minlength=len(self.vector_threshold)).astype(float)

    def _query(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The numbers of `text`'s pieces that some vector holds, in sorted order, and their weights (`vector`)."""
        vector = self.vector(measure_grams(text))
        found = sorted((self.pieces[g], x) for g, x in vector.items() if g in self.pieces)
        return np.array([i for i, _ in found], dtype=np.int64), np.array([x for _, x in found], dtype=float)

    def matches(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The vectors whose measure similarity to `text` reaches the lowest threshold of their rows
        (`vector_threshold`), and their similarities: the same floats as `similarities` gives."""
        scores = self._similarities(text)
        matched = np.flatnonzero(scores >= self.vector_threshold)
        return matched, scores[matched]

    def hits(self, text: str, terms: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
        """The rows at or above their kind's floors (similarity, the score's rounded below; measure
        words in common) for a recommendation of this text and these words, by kind, then best first,
        ties by passage id (row); and their similarities. The last answer is kept: `compute` goes
        through the recommendations by text, so a text stated in many documents is matched once."""
        if self._hits is not None and self._hits[0] == (text, terms):
            return self._hits[1]
        vectors, scores = self.matches(text)
        at, counts = _ranges(self.vector_offsets[vectors], self.vector_offsets[vectors + 1] - self.vector_offsets[vectors])
        rows, similar = self.vector_rows[at], np.repeat(scores, counts)
        keep = similar >= self.row_threshold[rows]
        rows, similar = rows[keep], similar[keep]
        keep = self.shared_terms(terms, rows) >= self.row_min_shared[rows]
        rows, similar = rows[keep], similar[keep]
        order = np.lexsort((rows, -similar, self.row_kind[rows]))
        self._hits = ((text, terms), (rows[order], similar[order]))
        return self._hits[1]

    def backs(self, basis_doc: str, point_doc: str) -> bool:
        """Whether a policy of document `basis_doc` can be the basis of a recommendation of `point_doc`."""
        unknown = Standing(None, "")
        return backs(self.standing.get(basis_doc, unknown), self.standing.get(point_doc, unknown))

    def runs_down(self, basis_doc: str, point_doc: str) -> bool:
        """Whether document `basis_doc` is at the same or a higher level than `point_doc` (unknown: yes)."""
        unknown = Standing(None, "")
        return runs_down(self.standing.get(basis_doc, unknown), self.standing.get(point_doc, unknown))

    def _kind(self, pid: str, doc_kind: str, figures: bool) -> str:
        if doc_kind == "policy" and pid in self.stated:
            return "policy"
        if doc_kind in CASE_KINDS and self.actors.get(pid):
            return "case"
        return "data" if figures else ""

    def vector(self, counted: Mapping[str, float]) -> dict[str, float]:
        """tf × idf of the pieces, to unit length (fsum: the same whatever the order of the pieces)."""
        raw = {g: (1 + math.log(c)) * self.idf.get(g, self._unseen) for g, c in counted.items()}
        norm = math.sqrt(math.fsum(x * x for x in raw.values())) or 1.0
        return {g: x / norm for g, x in raw.items()}

    def w(self, term: str) -> float:
        return self.weight.get(term, self._unseen)

    def is_specific(self, term: str) -> bool:
        return term in self.specific or term not in self.weight

    def ranked(self, terms: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(terms, key=lambda t: (-self.w(t), t)))


def runs_down(basis: Standing, point: Standing) -> bool:
    """Whether a text of standing `basis` is at the same or a higher level than one of standing `point`
    (3 national, 2 provincial, 1 local, `extractors.issuers`): a national or parent mandate backs a local
    point, a local text is no basis of its parent's. A level unknown on either side rules nothing out."""
    return basis.level is None or point.level is None or basis.level >= point.level


def evidence_for(corpus: Corpus, rec: _Rec) -> list[Link]:
    """The passages of other documents that state the recommendation's measure, best first, at most
    MAX_PER_KIND of each kind.

    The passages at or above their kind's floors (similarity; measure words in common) are found at
    once for the recommendation's text and words (`Corpus.hits`: numpy, a passage vector scored once
    for all the passages that have it, a text stated by many recommendations matched once); then,
    kind by kind and best first, those of other documents are looked at one by one (a policy's
    standing) until MAX_PER_KIND are kept."""
    if not rec.terms or is_boilerplate(rec.text) or not corpus.rows:
        return []
    hits, similar = corpus.hits(rec.text, rec.terms)
    kinds = corpus.row_kind[hits]
    own = corpus.doc_code.get(rec.doc_id, -1)
    concerned = corpus.concerns.get(rec.id, {})
    out = []
    for k, kind in enumerate(KINDS):
        kept = 0
        start, end = np.searchsorted(kinds, k), np.searchsorted(kinds, k + 1)
        for row, similarity in _others(corpus, hits[start:end], similar[start:end], own):
            pid = corpus.rows[row]
            score = round(similarity, SCORE_DECIMALS)
            shared = rec.terms & corpus.passages[pid].terms
            if score < MIN_SCORE[kind] or len(shared) < MIN_SHARED[kind]:
                continue
            if kind == "policy" and not corpus.backs(corpus.passages[pid].doc_id, rec.doc_id):
                continue  # another place's text at the same level is a peer, no basis
            if kind in UPWARDS_BARRED and not corpus.runs_down(corpus.passages[pid].doc_id, rec.doc_id):
                continue  # a lower level's text is no basis of a higher level's point (off: UPWARDS_BARRED)
            if kind == "case":
                entities = set(corpus.actors[pid].values())
            else:
                entities = {name for e, name in corpus.mentions.get(pid, {}).items() if e in concerned}
            out.append(Link(rec.id, pid, kind, score, corpus.ranked(shared), tuple(sorted(entities))))
            kept += 1
            if kept == MAX_PER_KIND:
                break
    return out


def _others(corpus: Corpus, rows: np.ndarray, similar: np.ndarray, own: int) -> Iterator[tuple[int, float]]:
    """(row, similarity) of the rows of other documents than `own`, in order, a few at a time: a
    recommendation mostly keeps the first ones, so most of a long list is never made Python numbers."""
    start, size = 0, 8
    while start < len(rows):
        chunk, scores = rows[start:start + size], similar[start:start + size]
        other = corpus.row_doc[chunk] != own
        yield from zip(chunk[other].tolist(), scores[other].tolist())
        start, size = start + size, size * 4


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions `starts[i]`, …, `starts[i] + lengths[i] - 1` of every i, one after the other
    (and `lengths`)."""
    ends = np.cumsum(lengths)
    total = int(ends[-1]) if len(ends) else 0
    return np.arange(total, dtype=np.int64) + np.repeat(starts - (ends - lengths), lengths), lengths


def same_measures(corpus: Corpus) -> list[Link]:
    w = {t: corpus.w(t) for rec in corpus.recs for t in rec.terms}  # corpus.w, looked up once a word
    rank = {t: (-x, t) for t, x in w.items()}  # corpus.ranked's order
    weight = [sum(w[t] for t in rec.terms) for rec in corpus.recs]
    out = []
    for i, j in _proposed_pairs(corpus):
        a, b = corpus.recs[i], corpus.recs[j]
        shared = a.terms & b.terms
        if len(shared) < SAME_MEASURE_MIN_SHARED:
            continue
        score = round(2 * sum(w[t] for t in shared) / (weight[i] + weight[j]), 3)
        if score >= SAME_MEASURE_MIN:
            out.append(Link(a.id, b.id, "same", score, tuple(sorted(shared, key=rank.__getitem__))))
    return out


def _proposed_pairs(corpus: Corpus) -> Iterator[tuple[int, int]]:
    """The pairs of recommendations (their numbers in `corpus.recs`, the smaller first) of different
    documents that share a specific word which at most MAX_TERM_GROUP recommendations have, each
    pair once, in order (so in the order of their ids)."""
    by_term: dict[str, list[int]] = defaultdict(list)
    for i, rec in enumerate(corpus.recs):
        for t in rec.terms:
            if corpus.is_specific(t):  # only specific words propose candidates
                by_term[t].append(i)
    documents: dict[str, int] = {}
    doc = np.array([documents.setdefault(rec.doc_id, len(documents)) for rec in corpus.recs], dtype=np.int64)
    n = len(corpus.recs)
    codes = []  # i * n + j
    for group in by_term.values():
        if len(group) > MAX_TERM_GROUP:
            continue
        members = np.array(group, dtype=np.int64)  # in order: i < j below
        first, second = np.triu_indices(len(members), 1)
        i, j = members[first], members[second]
        other = doc[i] != doc[j]
        codes.append(i[other] * n + j[other])
    pairs = np.unique(np.concatenate(codes)) if codes else np.empty(0, dtype=np.int64)
    for start in range(0, len(pairs), 100_000):  # made Python numbers a chunk at a time (memory)
        chunk = pairs[start:start + 100_000]
        yield from zip((chunk // n).tolist(), (chunk % n).tolist())


def with_keys(store: GraphStore, corpus: Corpus, evidence: list[Link], same: list[Link]
              ) -> tuple[list[Link], list[Link]]:
    """The links with their fact_key: the recommendation's key and the supporting passage's
    document and text (EVIDENCED_BY), or the two recommendations' keys (SAME_MEASURE)."""
    texts = {r["id"]: (r["doc"], r["text"]) for r in _read_passages(
        store, sorted({link.tail for link in evidence}), "RETURN p.id AS id, p.doc_id AS doc, p.text AS text")}
    keyed_evidence = [link.keyed(fact_key("EVIDENCED_BY", corpus.rec_keys[link.head], *texts[link.tail]))
                      for link in evidence]
    keyed_same = [link.keyed(fact_key("SAME_MEASURE", *sorted((corpus.rec_keys[link.head],
                                                                corpus.rec_keys[link.tail])))) for link in same]
    return keyed_evidence, keyed_same


def compute(corpus: Corpus) -> tuple[list[Link], list[Link]]:
    same = same_measures(corpus)
    found: list[list[Link]] = [[] for _ in corpus.recs]
    # by text, so that a repeated text is matched once (`Corpus.hits` keeps the last answer); in id order after
    for i in sorted(range(len(corpus.recs)), key=lambda i: (corpus.recs[i].text, sorted(corpus.recs[i].terms))):
        found[i] = evidence_for(corpus, corpus.recs[i])
    return [link for links in found for link in links], same


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
