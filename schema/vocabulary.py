"""The graph's vocabulary in one table: every node label and relationship type, with what each layer
needs to know about it. Everything else derives from these rows (the model's literals and relationship
signatures, id prefixes, gazetteer files, `kg check`'s evidence rule, the dashboard's names and colours),
so a new type is one row here plus its data (a gazetteer file, triggers in `seed_data/rules/`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NodeKind = Literal["entity", "guide", "document", "fact", "review"]


@dataclass(frozen=True)
class NodeType:
    name: str  # the graph label
    prefix: str  # of its ids: `soc-…` names a Society
    zh: str  # shown in Chinese
    en: str  # shown in English
    colour: str  # in graph views (colour-blind-safe where possible)
    kind: NodeKind
    gazetteer: str | None = None  # file of real names and aliases under seed_data/gazetteers/
    support_anchor: bool = False  # a passage naming one is a candidate source of support (kg.support)


@dataclass(frozen=True)
class RelationshipType:
    name: str
    zh: str
    en: str
    heads: tuple[str, ...] = ()  # labels a head may carry (extracted and guide facts; empty: not checked)
    tails: tuple[str, ...] = ()
    evidenced: bool = False  # a fact stated in a passage: it carries its evidence span (`kg check`)
    triggered: bool = False  # found by relation triggers (seed_data/rules/relation_triggers.tsv)


NODE_TYPES: tuple[NodeType, ...] = (
    NodeType("Society", "soc", "学会/社团", "Society", "#1f77b4", "entity", "societies.tsv", support_anchor=True),
    NodeType("Branch", "br", "分支机构", "Branch", "#6baed6", "entity", "branches.tsv", support_anchor=True),
    NodeType("PartyOrganization", "party", "党组织", "Party organisation", "#d62728", "entity", "party_orgs.tsv",
             support_anchor=True),
    NodeType("TalentProgram", "prog", "人才项目", "Talent programme", "#ff7f0e", "entity", "talent_programs.tsv",
             support_anchor=True),
    NodeType("GovernmentFunction", "func", "政府职能", "Gov. function", "#2ca02c", "entity", "functions.tsv",
             support_anchor=True),
    NodeType("Agency", "agency", "机构", "Agency", "#9467bd", "entity", "agencies.tsv"),
    NodeType("Policy", "policy", "政策", "Policy", "#8c564b", "entity"),
    # a university, institute, hospital or company named as the owner of a Party body (南昌大学党委 → 南昌大学)
    NodeType("Institution", "inst", "单位", "Institution", "#98df8a", "entity"),
    NodeType("Document", "doc", "文档", "Document", "#636363", "document"),
    NodeType("Passage", "psg", "段落", "Passage", "#bcbd22", "document"),
    NodeType("Recommendation", "rec", "建议", "Recommendation", "#e377c2", "fact"),
    NodeType("ResearchDirection", "dir", "研究课题", "Research direction", "#17becf", "guide"),
    NodeType("ResearchContent", "content", "研究内容", "Research content", "#9edae5", "guide"),
    NodeType("Indicator", "ind", "考核指标", "Indicator", "#dbdb8d", "guide"),
    NodeType("Review", "review", "审核决定", "Review decision", "#7f7f7f", "review"),
    NodeType("Merge", "merge", "合并", "Merge", "#c49c94", "review"),
)

_ENTITIES = tuple(n.name for n in NODE_TYPES if n.kind == "entity")

RELATIONSHIP_TYPES: tuple[RelationshipType, ...] = (
    RelationshipType("BRANCH_OF", "分支", "branch of", ("Branch",), ("Society",), evidenced=True, triggered=True),
    RelationshipType("PARTY_ORG_OF", "党组织", "Party org. of", ("PartyOrganization",),
                     ("Society", "Branch", "Agency", "Institution"),
                     evidenced=True, triggered=True),
    RelationshipType("SUPERVISED_BY", "主管", "supervised by", ("Society",), ("Agency",), evidenced=True, triggered=True),
    RelationshipType("RUNS", "主办", "runs", ("Society", "Agency"), ("TalentProgram",), evidenced=True, triggered=True),
    RelationshipType("UNDERTAKES", "承接", "undertakes", ("Society",), ("GovernmentFunction",), evidenced=True,
                     triggered=True),
    RelationshipType("ISSUED", "发布", "issued", ("Agency",), ("Policy", "Document"), evidenced=True, triggered=True),
    RelationshipType("CITES", "引用", "cites", ("Document",), ("Policy",), evidenced=True),
    RelationshipType("INSTANCE_OF", "属于", "instance of", _ENTITIES, _ENTITIES, evidenced=True),
    RelationshipType("HAS_CONTENT", "研究内容", "has content", ("ResearchDirection",), ("ResearchContent",),
                     evidenced=True),
    RelationshipType("HAS_INDICATOR", "考核指标", "has indicator", ("ResearchDirection",), ("Indicator",),
                     evidenced=True),
    RelationshipType("MENTIONS", "提及", "mentions"),
    RelationshipType("CONCERNS", "涉及", "concerns"),
    RelationshipType("ADDRESSES", "对应", "addresses"),
    RelationshipType("SUPPORTED_BY", "出处", "stated in"),
    RelationshipType("EVIDENCED_BY", "佐证", "evidenced by"),
    RelationshipType("SAME_MEASURE", "同类举措", "same measure"),
    RelationshipType("PART_OF", "出自", "part of"),
)

# --- derived ------------------------------------------------------------------------------------

NODES: dict[str, NodeType] = {n.name: n for n in NODE_TYPES}
RELATIONSHIPS: dict[str, RelationshipType] = {r.name: r for r in RELATIONSHIP_TYPES}

ENTITY_LABELS: tuple[str, ...] = _ENTITIES
GUIDE_LABELS: tuple[str, ...] = tuple(n.name for n in NODE_TYPES if n.kind == "guide")
PREFIX: dict[str, str] = {n.name: n.prefix for n in NODE_TYPES}
GAZETTEER_FILES: dict[str, str] = {n.gazetteer: n.name for n in NODE_TYPES if n.gazetteer}
SUPPORT_ANCHORS: tuple[str, ...] = tuple(n.name for n in NODE_TYPES if n.support_anchor)
# extracted and guide facts: (head labels, tail labels) the model allows
RELATION_SIGNATURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    r.name: (r.heads, r.tails) for r in RELATIONSHIP_TYPES if r.evidenced}
EVIDENCED_TYPES: tuple[str, ...] = tuple(r.name for r in RELATIONSHIP_TYPES if r.evidenced)
TRIGGERED_TYPES: tuple[str, ...] = tuple(r.name for r in RELATIONSHIP_TYPES if r.triggered)


def _check() -> None:
    names = [n.name for n in NODE_TYPES] + [r.name for r in RELATIONSHIP_TYPES]
    if len(set(names)) != len(names):
        raise ValueError("schema/vocabulary.py: a type is listed twice")
    prefixes = [n.prefix for n in NODE_TYPES]
    if len(set(prefixes)) != len(prefixes):
        raise ValueError("schema/vocabulary.py: two node types share an id prefix")
    colours = [n.colour for n in NODE_TYPES]
    if len(set(colours)) != len(colours):
        raise ValueError("schema/vocabulary.py: two node types share a colour")
    for r in RELATIONSHIP_TYPES:
        unknown = [label for label in (*r.heads, *r.tails) if label not in NODES]
        if unknown:
            raise ValueError(f"schema/vocabulary.py: {r.name} names unknown label(s) {', '.join(unknown)}")


_check()
