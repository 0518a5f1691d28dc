"""The extraction pipeline: one plain function per stage, composed.

    source file -> RawDocument -> Document -> Passages -> Mentions -> Entities
                -> Relations, Recommendations (+ directions) -> Facts

`Extractor` is the interface a statistical or LLM extractor could implement later: anything that
turns a `RawDocument` into `Facts` with exact spans.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Protocol

from extractors.directions import DirectionModel
from extractors.documents import RawDocument, ReadError, read_document
from extractors.gazetteer import Gazetteer, load_gazetteer
from extractors.guide import is_guide, parse_guide
from extractors.mentions import FoundMention, find_mentions
from extractors.passages import split_passages
from extractors.recommendations import recommendation_span
from extractors.relations import Placed, cites, dedupe, nested_relations, trigger_relations
from extractors.segment import search_field
from extractors.shadow import make_shadow
from schema.model import (
    DOCUMENT_KINDS, Address, Document, Entity, Facts, GuideItem, Mention, Passage, Recommendation, Relation,
)

GUIDE_PATH = Path(__file__).resolve().parent.parent / "seed_data" / "guide-2020.txt"
EXTRACTOR = "rules-v1"


class Extractor(Protocol):
    def __call__(self, raw: RawDocument) -> Facts: ...


# --- stage: document ------------------------------------------------------------------------

def to_document(raw: RawDocument) -> Document:
    meta = raw.metadata
    key = meta.get("id") or Path(raw.path).name
    kind = meta.get("kind") if meta.get("kind") in DOCUMENT_KINDS else "report"
    if is_guide(raw.text):
        kind = "guide"
    return Document(
        id=Document.make_id(str(key)), path=raw.path, title=meta.get("title") or Path(raw.path).stem, kind=kind,
        issuers=tuple(meta.get("issuers") or ()), date=meta.get("date"), doc_number=meta.get("doc_number"),
        source_url=meta.get("source_url"), summary=bool(meta.get("summary")),
        synthetic=bool(meta.get("synthetic")), sha256=raw.sha256, text=raw.text,
        metadata_warnings=tuple(raw.warnings))


# --- stage: mentions and entities -----------------------------------------------------------

def _entity(label: str, name: str, aliases: tuple[str, ...] = (), generic: bool = False) -> Entity:
    return Entity(id=Entity.make_id(label, name), label=label, name=name, aliases=aliases, generic=generic,
                  search=search_field(" ".join((name, *aliases))))


def _passage_at(passages: list[Passage], offset: int) -> Passage | None:
    lo, hi = 0, len(passages)
    while lo < hi:
        mid = (lo + hi) // 2
        if passages[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(passages) and passages[lo].start <= offset < passages[lo].end:
        return passages[lo]
    return None


def mentions_and_relations(doc: Document, passages: list[Passage], gazetteer: Gazetteer
                           ) -> tuple[list[Entity], list[Mention], list[Relation]]:
    found: list[FoundMention] = find_mentions(make_shadow(doc.text), gazetteer)
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    relations: list[Relation] = []
    by_passage: dict[str, list[Placed]] = {}
    policies: list[Placed] = []
    for f in found:
        passage = _passage_at(passages, f.start)
        if passage is None or f.end > passage.end:
            continue  # a name across a sentence boundary is not a name
        entity = entities.setdefault(Entity.make_id(f.label, f.canonical),
                                     _entity(f.label, f.canonical, f.aliases, f.generic))
        text = doc.text[f.start:f.end]
        mentions.append(Mention(type=f.label, text=text, start=f.start, end=f.end, entity_id=entity.id,
                                passage_id=passage.id, generic=f.generic, source=f.source))
        placed = Placed(f.start, f.end, text, entity, passage)
        by_passage.setdefault(passage.id, []).append(placed)
        if f.label == "Policy":
            policies.append(placed)
        inner_placed = []
        for label, canonical, s, e in f.nested:
            inner = entities.setdefault(Entity.make_id(label, canonical),
                                        _entity(label, canonical, gazetteer_aliases(gazetteer, label, canonical)))
            mentions.append(Mention(type=label, text=doc.text[s:e], start=s, end=e, entity_id=inner.id,
                                    passage_id=passage.id, generic=False, source="inner"))
            inner_placed.append(Placed(s, e, doc.text[s:e], inner, passage))
        relations += nested_relations(placed, inner_placed)
    for sentence in by_passage.values():
        relations += trigger_relations(doc.text, sentence)
    relations += cites(doc, policies)
    return list(entities.values()), mentions, dedupe(relations)


def gazetteer_aliases(gazetteer: Gazetteer, label: str, name: str) -> tuple[str, ...]:
    entry = gazetteer.lookup(name)
    return entry.aliases if entry and entry.label == label else ()


# --- stage: recommendations and directions --------------------------------------------------

@cache
def direction_model(guide_path: Path = GUIDE_PATH) -> DirectionModel:
    """The direction model, built from the guide's own text."""
    text = guide_path.read_text(encoding="utf-8").replace("\r\n", "\n").strip()
    items, _ = parse_guide("guide", text, split_passages("guide", text))
    return DirectionModel(items)


def recommendations(doc: Document, passages: list[Passage], mentions: list[Mention], model: DirectionModel,
                    doc_totals: dict[str, float] | None = None) -> list[Recommendation]:
    """Recommendations with the directions and indicators they address. A sentence that names no
    direction's terms inherits its document's leading direction (score 0, no terms: shown as such)."""
    leading = max(doc_totals, key=lambda c: (doc_totals[c], c)) if doc_totals else None
    out = []
    for p in passages:
        span = recommendation_span(doc.text, p.start, p.end)
        if span is None:
            continue
        text = doc.text[span.start:span.end]
        addresses: list[Address] = []
        directions = model.classify(text, ratio=0.8)
        if not directions and leading:
            directions = [(leading, 0.0, ())]
        indicators: list[str] = []
        for code, score, terms in directions:
            addresses.append(Address(target_id=model.items[code].id, target_label="ResearchDirection", code=code,
                                     score=score, terms=terms))
            for icode, iscore, iterms in model.indicators_for(code, text):
                indicators.append(icode)
                addresses.append(Address(target_id=model.items[icode].id, target_label="Indicator", code=icode,
                                         score=iscore, terms=iterms))
        concerns = tuple(dict.fromkeys(m.entity_id for m in mentions
                                       if span.start <= m.start and m.end <= span.end))
        out.append(Recommendation(
            id=Recommendation.make_id(doc.id, span.start, span.end), doc_id=doc.id, text=text,
            start=span.start, end=span.end, passage_ids=(p.id,), trigger=span.trigger,
            directions=tuple(sorted(int(c) for c, _, _ in directions)), indicators=tuple(sorted(indicators)),
            addresses=tuple(addresses), concerns=concerns))
    return out


def direction_totals(doc: Document, passages: list[Passage], model: DirectionModel) -> dict[str, float]:
    """Each sentence (and the title) votes for its best direction with its score."""
    totals: Counter[str] = Counter()
    for text in [doc.title] + [p.text for p in passages]:
        for code, score, _ in model.classify(text, ratio=1.0):
            totals[code] += score
    return dict(totals)


def document_directions(totals: dict[str, float], share: float = 0.4) -> tuple[int, ...]:
    """The directions a whole document bears on: those with at least `share` of the best total."""
    if not totals:
        return ()
    best = max(totals.values())
    return tuple(sorted(int(c) for c, s in totals.items() if s >= share * best))


# --- composition ----------------------------------------------------------------------------

def extract(raw: RawDocument, gazetteer: Gazetteer | None = None, model: DirectionModel | None = None) -> Facts:
    gazetteer = gazetteer or load_gazetteer()
    model = model or direction_model()
    doc = to_document(raw)
    passages = split_passages(doc.id, doc.text)
    entities, mentions, relations = mentions_and_relations(doc, passages, gazetteer)
    guide_items: list[GuideItem] = []
    recs: list[Recommendation] = []
    if doc.kind == "guide":
        guide_items, guide_relations = parse_guide(doc.id, doc.text, passages)
        relations += guide_relations
        directions: tuple[int, ...] = (1, 2, 3, 4)
    else:
        totals = direction_totals(doc, passages, model)
        recs = recommendations(doc, passages, mentions, model, totals)
        directions = document_directions(totals)
    doc = doc.model_copy(update={"directions": directions})
    return Facts(document=doc, passages=tuple(passages), entities=tuple(entities), mentions=tuple(mentions),
                 relations=tuple(relations), recommendations=tuple(recs), guide_items=tuple(guide_items))


def extract_path(path: str | Path) -> Facts:
    return extract(read_document(path))


def extract_many(paths: Iterable[str | Path]) -> Iterator[Facts | ReadError]:
    for path in paths:
        try:
            yield extract_path(path)
        except ReadError as exc:
            yield exc
