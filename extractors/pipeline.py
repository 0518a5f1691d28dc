"""The extraction pipeline: one plain function per stage, composed.

    source file -> RawDocument -> Document -> Passages -> Mentions -> Entities
                -> Relations, Recommendations (+ directions) -> Facts
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import replace
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from extractors.sources import kind_of_url
from extractors.directions import DIRECTION_MIN_SCORE, INDICATOR_MIN_SCORE, DirectionModel
from extractors.document_directions import direction_classifier, profile_features
from extractors.documents import RawDocument, ReadError, read_document
from extractors.readers import limits
from extractors.gazetteer import Gazetteer, load_gazetteer
from extractors.guide import is_guide, parse_guide
from extractors.mentions import FoundMention, find_mentions
from extractors.passages import passage_at, split_passages, statements, windows
from extractors.recommendations import recommendation_spans
from extractors.relations import (Placed, agency_societies, branch_after_term, cites, dedupe, its_supervisor,
                                  kind_branches, led_by, nested_relations, runner_before, subject_branches,
                                  takes_as_supervisor, trigger_relations)
from extractors.segment import caches_words, search_field
from extractors.shadow import make_shadow
from schema.model import (
    Address, Document, Entity, Facts, GuideItem, Mention, Passage, Recommendation, Relation,
)
from seed_data import require, resource

GUIDE_PATH = resource("guide-2020.txt", check=False)  # the bundled guide; checked where it is read
EXTRACTOR = "rules-v1"


# --- stage: document ------------------------------------------------------------------------

def to_document(raw: RawDocument) -> Document:
    meta = raw.metadata
    return Document(
        id=Document.make_id(meta.id or Path(raw.path).name), path=raw.path, title=meta.title or Path(raw.path).stem,
        kind="guide" if is_guide(raw.text) else meta.kind, issuers=tuple(meta.issuers), date=meta.date,
        doc_number=meta.doc_number, source_url=meta.source_url,
        source_kind=meta.source_kind or kind_of_url(meta.source_url), retrieved=meta.retrieved,
        summary=meta.summary, synthetic=meta.synthetic, sha256=raw.sha256, text=raw.text,
        metadata_warnings=tuple(raw.warnings))


# --- stage: mentions and entities -----------------------------------------------------------

def _entity(label: str, name: str, aliases: tuple[str, ...] = (), generic: bool = False) -> Entity:
    return Entity(id=Entity.make_id(label, name), label=label, name=name, aliases=aliases, generic=generic,
                  search=search_field(" ".join((name, *aliases))))


def _shifted(f: FoundMention, offset: int) -> FoundMention:
    if not offset:
        return f
    return replace(f, start=f.start + offset, end=f.end + offset,
                   nested=tuple((label, name, s + offset, e + offset, generic) for label, name, s, e, generic in f.nested))


SHORT_POLICY = 4  # 《意见》, 《若干措施》, 《实施方案》: a title this short names a policy of the document


def _resolve_short_policies(found: list[FoundMention], title: str) -> list[FoundMention]:
    """A short title (《意见》, 《实施方案》) is the document's way of naming a policy it named in full:
    the nearest full title before it that ends the same way (…的指导意见), else the document itself
    when its title does; with neither it names only a kind of document (generic)."""
    out = []
    full: list[FoundMention] = []
    for f in found:
        if f.label == "Policy" and len(f.canonical) <= SHORT_POLICY:
            ending = f.canonical[-2:]
            antecedent = next((a.canonical for a in reversed(full) if a.canonical.endswith(ending)), None)
            if antecedent is None:  # the document's own title, or a title it names (…就《X意见》答记者问)
                own = [t for t in re.findall(r"《([^《》]+)》", title) + [title.strip("《》 ")]
                       if t.endswith(ending) and len(t) > len(f.canonical)]
                antecedent = own[0] if own else None
            f = replace(f, canonical=antecedent) if antecedent else replace(f, generic=True)
        elif f.label == "Policy":
            full.append(f)
        out.append(f)
    return out


# relations read from one sentence's mentions by their own shape (beside the trigger rows of relation_triggers.tsv)
SENTENCE_RULES = (kind_branches, agency_societies, led_by, runner_before, takes_as_supervisor, its_supervisor,
                  branch_after_term)


def mentions_and_relations(doc: Document, passages: list[Passage], gazetteer: Gazetteer,
                           window: tuple[int, int] | None = None, cited: set[str] | None = None
                           ) -> tuple[list[Entity], list[Mention], list[Relation]]:
    """Mentions, entities and relations of the document (or of one window of it). `cited`
    carries the policies already cited by earlier windows."""
    start, end = window or (0, len(doc.text))
    found = [_shifted(f, start) for f in find_mentions(make_shadow(doc.text[start:end]), gazetteer)]
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    relations: list[Relation] = []
    by_passage: dict[str, list[Placed]] = {}
    policies: list[Placed] = []
    found = _resolve_short_policies(found, doc.title)
    for f in found:
        passage = passage_at(passages, f.start)
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
        for label, canonical, s, e, generic in f.nested:
            inner = entities.setdefault(Entity.make_id(label, canonical),
                                        _entity(label, canonical, gazetteer_aliases(gazetteer, label, canonical), generic))
            mentions.append(Mention(type=label, text=doc.text[s:e], start=s, end=e, entity_id=inner.id,
                                    passage_id=passage.id, generic=generic, source="inner"))
            inner_placed.append(Placed(s, e, doc.text[s:e], inner, passage))
        relations += nested_relations(placed, inner_placed)
    for sentence in by_passage.values():
        relations += trigger_relations(doc.text, sentence)
        relations += subject_branches(doc.text, sentence, relations)
        for rule in SENTENCE_RULES:
            relations += rule(doc.text, sentence)
    relations += cites(doc, policies, cited if cited is not None else set())
    return list(entities.values()), mentions, dedupe(relations)


def gazetteer_aliases(gazetteer: Gazetteer, label: str, name: str) -> tuple[str, ...]:
    entry = gazetteer.lookup(name)
    return entry.aliases if entry and entry.label == label else ()


# --- stage: recommendations and directions --------------------------------------------------

@caches_words  # the guide's words come from the segmenter
@cache
def direction_model(guide_path: Path = GUIDE_PATH) -> DirectionModel:
    """The direction model, built from the guide's own text."""
    text = require(guide_path, "the direction model").read_text(encoding="utf-8").replace("\r\n", "\n").strip()
    items, _ = parse_guide("guide", text, split_passages("guide", text))
    return DirectionModel(items)


def recommendations(doc: Document, passages: list[Passage], mentions: list[Mention], model: DirectionModel,
                    doc_totals: dict[str, float] | None = None) -> list[Recommendation]:
    """Recommendations with the directions and indicators they address. A sentence that names no
    direction's terms inherits its document's leading direction (score 0, no terms: shown as such)."""
    leading = max(doc_totals, key=lambda c: (doc_totals[c], c)) if doc_totals else None
    by_start = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    out = []
    sentences = statements(doc.text, passages)
    spans = recommendation_spans(doc.text, [(s[0].start, s[-1].end) for s in sentences], doc.title)
    for sentence, span in zip(sentences, spans):
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
                                     score=score, terms=terms,
                                     matched=bool(terms) and score >= DIRECTION_MIN_SCORE))
            for icode, iscore, iterms in model.indicators_for(code, text):
                indicators.append(icode)
                addresses.append(Address(target_id=model.items[icode].id, target_label="Indicator", code=icode,
                                         score=iscore, terms=iterms,
                                         matched=bool(iterms) and iscore >= INDICATOR_MIN_SCORE))
        first = bisect.bisect_left(starts, span.start)
        concerns = tuple(dict.fromkeys(m.entity_id for m in by_start[first:bisect.bisect_left(starts, span.end)]
                                       if m.end <= span.end))
        out.append(Recommendation(
            id=Recommendation.make_id(doc.id, span.start, span.end), doc_id=doc.id, text=text,
            start=span.start, end=span.end, passage_ids=tuple(p.id for p in sentence), trigger=span.trigger,
            directions=tuple(sorted(int(c) for c, _, _ in directions)), indicators=tuple(sorted(indicators)),
            addresses=tuple(addresses), concerns=concerns))
    return out


# The term profiles' votes for a document (measured on the dev part of the gold, tests/gold/README.md, "Document
# directions"): a sentence counts when it names a direction's terms as clearly as a link that counts as coverage
# does (score >= DIRECTION_MIN_SCORE, 1.5), for every direction close to its best (>= 0.6 of it), by the square
# root of its score (one long sentence of many terms does not outweigh a document's thrust); the title counts three
# times. In a document none of whose sentences is that clear, sentences of score >= 1 decide. The leading direction
# of these votes is the one its recommendations without terms of their own inherit (shown as unmatched); the
# document's own directions are the trained classifier's (extractors.document_directions: 0.80 against 0.73 for
# these votes, cross-validated on dev; `profile_directions` below is what the votes alone would say, for that
# comparison).
SENTENCE_MIN_SCORE = DIRECTION_MIN_SCORE
WEAK_SENTENCE_MIN_SCORE = 1.0
SENTENCE_RATIO = 0.6
TITLE_WEIGHT = 3.0
DOCUMENT_SHARE = 0.6


def direction_totals(doc: Document | None, passages: list[Passage], model: DirectionModel
                     ) -> tuple[Counter[str], Counter[str]]:
    """The votes of the sentences (and of the title, when the document is given, three times) for the
    directions they name, with the square root of their scores: (the clear sentences', every sentence's from 1)."""
    weighted = ([(doc.title, TITLE_WEIGHT)] if doc else []) + [(p.text, 1.0) for p in passages]
    clear: Counter[str] = Counter()
    loose: Counter[str] = Counter()
    for text, weight in weighted:
        scored = model.score_directions(text)
        for floor, votes in ((SENTENCE_MIN_SCORE, clear), (WEAK_SENTENCE_MIN_SCORE, loose)):
            for code, score, _ in model.pick(scored, min_score=floor, ratio=SENTENCE_RATIO):
                votes[code] += weight * math.sqrt(score)
    return clear, loose


def profile_directions(totals: dict[str, float], share: float = DOCUMENT_SHARE) -> tuple[int, ...]:
    """The directions the term profiles' votes give a whole document: those with at least `share` of the best
    total (the classifier decides; this is what it is measured against)."""
    if not totals:
        return ()
    best = max(totals.values())
    return tuple(sorted(int(c) for c, s in totals.items() if s >= share * best))


# --- composition ----------------------------------------------------------------------------

WINDOW_CHARS = 200_000  # a longer document is extracted (and loaded) window by window


def extract_windows(raw: RawDocument, gazetteer: Gazetteer | None = None, model: DirectionModel | None = None,
                    window_chars: int = WINDOW_CHARS) -> Iterator[Facts]:
    """The facts of a document, one window of about `window_chars` characters at a time, so memory
    stays bounded however long the document is. Every window's Facts carries the Document; the last
    one carries the document's directions (they need every window). A text longer than KG_MAX_DOCUMENT_CHARS is
    refused (ValueError) before anything is extracted (a 50 MB text file is accepted by default, `kg bench` holds it;
    a corpus of web pages can set the bound far lower)."""
    if len(raw.text) > limits.MAX_DOCUMENT_CHARS:
        raise ValueError(f"its text is {len(raw.text):,} characters long (limit {limits.MAX_DOCUMENT_CHARS:,}; "
                         "KG_MAX_DOCUMENT_CHARS raises it)")
    gazetteer = gazetteer or load_gazetteer()
    model = model or direction_model()
    doc = to_document(raw)
    parts = windows(doc.text, window_chars)
    clear: Counter[str] = Counter()
    loose: Counter[str] = Counter()
    classifier = direction_classifier()
    grams = classifier.title_counts(doc.title)  # the classifier's features, window by window
    cited: set[str] = set()
    index = paragraph = 0
    for number, window in enumerate(parts):
        passages = split_passages(doc.id, doc.text, window, index, paragraph)
        if passages:
            index, paragraph = passages[-1].index + 1, passages[-1].paragraph + 1
        entities, mentions, relations = mentions_and_relations(doc, passages, gazetteer, window, cited)
        guide_items: list[GuideItem] = []
        recs: list[Recommendation] = []
        if doc.kind == "guide":
            guide_items, guide_relations = parse_guide(doc.id, doc.text, passages)
            relations += guide_relations
        else:
            window_clear, window_loose = direction_totals(doc if number == 0 else None, passages, model)
            clear.update(window_clear)
            loose.update(window_loose)
            recs = recommendations(doc, passages, mentions, model, dict(clear or loose))
            grams += classifier.gram_counts(doc.text[window[0]:window[1]])
        last = number == len(parts) - 1
        if last:
            directions = (1, 2, 3, 4) if doc.kind == "guide" else classifier.classify_counts(
                grams + classifier.feature_counts(profile_features(profile_directions(dict(clear or loose)))))
            doc = doc.model_copy(update={"directions": directions})
        yield Facts(document=doc, passages=tuple(passages), entities=tuple(entities), mentions=tuple(mentions),
                    relations=tuple(relations), recommendations=tuple(recs), guide_items=tuple(guide_items))


def extract(raw: RawDocument, gazetteer: Gazetteer | None = None, model: DirectionModel | None = None) -> Facts:
    """All the facts of one document."""
    parts = list(extract_windows(raw, gazetteer, model))
    if len(parts) == 1:
        return parts[0]
    entities = {e.id: e for part in parts for e in part.entities}
    return Facts(document=parts[-1].document,
                 passages=tuple(p for part in parts for p in part.passages),
                 entities=tuple(entities.values()),
                 mentions=tuple(m for part in parts for m in part.mentions),
                 relations=tuple(r for part in parts for r in part.relations),
                 recommendations=tuple(r for part in parts for r in part.recommendations),
                 guide_items=tuple(g for part in parts for g in part.guide_items))


def extract_path(path: str | Path) -> Facts:
    return extract(read_document(path))


def extract_many(paths: Iterable[str | Path]) -> Iterator[Facts | ReadError]:
    for path in paths:
        try:
            yield extract_path(path)
        except ReadError as exc:
            yield exc
