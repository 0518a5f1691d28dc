"""The graph model of DESIGN.md as pydantic types.

Data flows one way through these types:
source file -> Document -> Passages -> Mentions -> Entities -> Relations / Recommendations,
all of which one document yields together as `Facts`.
Every span (`start`, `end`) indexes into `Document.text`; `end` is exclusive.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from schema.ids import make_id
from schema.vocabulary import ENTITY_LABELS, EVIDENCED_TYPES, NODE_TYPES, RELATION_SIGNATURES

# --- the vocabulary (one table: schema/vocabulary.py) ----------------------------------------

DOCUMENT_KINDS: tuple[str, ...] = ("policy", "case", "report", "speech", "news", "guide")
# extra label a Document carries by kind (news and speeches are reports of events)
KIND_LABEL = {"policy": "Policy", "case": "Case", "report": "Report", "guide": "Guide",
              "news": "Report", "speech": "Report"}
ALL_NODE_LABELS: tuple[str, ...] = tuple(n.name for n in NODE_TYPES if n.kind != "review")

# runtime Literals built from the table: pydantic validates against exactly the listed types
EntityLabel = Literal[ENTITY_LABELS]  # type: ignore[valid-type]
RelationType = Literal[EVIDENCED_TYPES]  # type: ignore[valid-type]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self


# --- documents and passages -----------------------------------------------------------------

class Document(Model):
    id: str
    path: str  # the input path as given
    title: str
    kind: Literal["policy", "case", "report", "speech", "news", "guide"] = "report"
    issuers: tuple[str, ...] = ()
    date: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    doc_number: str | None = None  # 发文字号
    source_url: str | None = None
    source_kind: Literal["official", "society", "media", "repost"] | None = None  # what kind of page source_url is
    retrieved: str | None = None  # ISO date the source page was read (a repost is cited with it)
    summary: bool = False  # a summary written from a public source, not the original text
    synthetic: bool = False  # generated for benchmarks/tests; never in seed_data
    sha256: str
    text: str
    directions: tuple[int, ...] = ()  # classified from the text, 1..4
    metadata_warnings: tuple[str, ...] = ()

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @staticmethod
    def make_id(source_key: str) -> str:
        return make_id("Document", source_key)


class Passage(Span):
    id: str
    doc_id: str
    index: int  # sentence number in the document
    paragraph: int  # paragraph number in the document
    text: str
    search: str = ""  # the text segmented into words joined by spaces, for full-text search

    @staticmethod
    def make_id(doc_id: str, start: int, end: int) -> str:
        return make_id("Passage", doc_id, start, end)


# --- mentions, entities, relations ----------------------------------------------------------

class Mention(Span):
    type: EntityLabel
    text: str
    entity_id: str
    passage_id: str
    generic: bool = False
    source: str = "gazetteer"  # which matcher found it: gazetteer, pattern, nested, title


class Entity(Model):
    id: str
    label: EntityLabel
    name: str  # canonical (simplified) name
    aliases: tuple[str, ...] = ()
    generic: bool = False  # a kind such as 全国学会, not an instance
    search: str = ""

    @staticmethod
    def make_id(label: str, name: str) -> str:
        return make_id(label, name)


class Evidence(Span):
    passage_id: str
    extractor: str
    confidence: float = Field(ge=0.0, le=1.0)


class Relation(Model):
    type: RelationType
    head_id: str
    tail_id: str
    head_label: str
    tail_label: str
    head: str  # surface text of the head mention (or the document title for CITES)
    tail: str
    evidence: Evidence

    @model_validator(mode="after")
    def _signature(self) -> "Relation":
        heads, tails = RELATION_SIGNATURES[self.type]
        if self.head_label not in heads or self.tail_label not in tails:
            raise ValueError(f"{self.type} joins {'|'.join(heads)} to {'|'.join(tails)}, "
                             f"not {self.head_label} to {self.tail_label}")
        return self


# --- recommendations and the guide ----------------------------------------------------------

class Address(Model):
    """Why a recommendation is linked to a research direction or indicator: explainable."""

    target_id: str
    target_label: Literal["ResearchDirection", "Indicator"]
    code: str  # "2" for a direction, "2.4" for an indicator
    score: float
    terms: tuple[str, ...]
    matched: bool = False  # rests on matched terms above the threshold (extractors.directions): counts as coverage


class Recommendation(Span):
    id: str
    doc_id: str
    text: str
    passage_ids: tuple[str, ...]
    trigger: str  # the cue that makes the sentence a recommendation (要, 推动, 建立健全 …)
    directions: tuple[int, ...] = ()
    indicators: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    concerns: tuple[str, ...] = ()  # entity ids

    @staticmethod
    def make_id(doc_id: str, start: int, end: int) -> str:
        return make_id("Recommendation", doc_id, start, end)


class GuideItem(Span):
    """A ResearchDirection, ResearchContent or Indicator parsed from the guide."""

    id: str
    label: Literal["ResearchDirection", "ResearchContent", "Indicator"]
    code: str  # "1", "1.c3", "1.4"
    name: str
    text: str
    direction: int
    passage_id: str
    keywords: tuple[str, ...] = ()
    deliverable: Literal["report", "review", "drafting"] | None = None  # an indicator the research itself delivers


class Facts(Model):
    """Everything one document yields; the unit the loader writes (all or nothing)."""

    document: Document
    passages: tuple[Passage, ...] = ()
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    guide_items: tuple[GuideItem, ...] = ()
