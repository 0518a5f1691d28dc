"""A small, hand-built graph (not produced by the extractors) used by the store and conformance
tests. Texts are short phrases quoted from the guide and seed documents; offsets are computed
here from the texts so every span is exact."""
from __future__ import annotations

import hashlib

from extractors.passages import passage_at
from schema.model import (
    Address, Document, Entity, Evidence, Facts, GuideItem, Mention, Passage, Recommendation, Relation,
)


def _doc(key: str, title: str, kind: str, text: str, date: str | None, directions: tuple[int, ...],
         issuers: tuple[str, ...] = ()) -> Document:
    return Document(id=Document.make_id(key), path=f"fixture/{key}.md", title=title, kind=kind,
                    issuers=issuers, date=date, sha256=hashlib.sha256(text.encode()).hexdigest(),
                    text=text, directions=directions)


def _passages(doc: Document) -> list[Passage]:
    out, start = [], 0
    for i, line in enumerate(doc.text.split("\n")):
        end = start + len(line)
        out.append(Passage(id=Passage.make_id(doc.id, start, end), doc_id=doc.id, index=i, paragraph=i,
                           start=start, end=end, text=line, search=" ".join(_words(line))))
        start = end + 1
    return out


def _words(text: str) -> list[str]:
    # hand-picked words present in the fixture texts, so search works without the segmenter
    vocab = ["中国科协", "学会", "党委", "承接", "科技评估", "青年人才托举工程", "中国计算机学会", "党建",
             "人才", "政府", "职能", "实施", "方案"]
    return [w.lower() for w in vocab if w in text]


def _entity(label: str, name: str, aliases: tuple[str, ...] = (), generic: bool = False) -> Entity:
    return Entity(id=Entity.make_id(label, name), label=label, name=name, aliases=aliases, generic=generic,
                  search=" ".join(_words(name) + [a.lower() for a in aliases]) or name.lower())


def _mention(doc: Document, passages: list[Passage], entity: Entity, text: str, nth: int = 0,
             source: str = "gazetteer") -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    passage = passage_at(passages, start)
    assert passage is not None
    return Mention(type=entity.label, text=text, start=start, end=start + len(text), entity_id=entity.id,
                   passage_id=passage.id, generic=entity.generic, source=source)


def _relation(rtype: str, head: Entity, tail: Entity, passage: Passage) -> Relation:
    return Relation(type=rtype, head_id=head.id, tail_id=tail.id, head_label=head.label, tail_label=tail.label,
                    head=head.name, tail=tail.name,
                    evidence=Evidence(passage_id=passage.id, start=passage.start, end=passage.end,
                                      extractor="fixture", confidence=0.9))


def guide_facts() -> Facts:
    text = ("课题1：坚持和加强党对科技社团的全面领导\n"
            "4.提出新时代科技社团党建工作破题和创新开展的具体举措和实施路径；\n"
            "课题2：构筑以科技人才为核心的科学共同体\n"
            "4.提出科技社团完善科技人才发现、培养和评价体系，更好服务凝聚科技工作者的措施建议；")
    doc = _doc("guide", "科技社团改革与国家治理现代化系列研究课题申报指南", "guide", text, "2020", (1, 2, 3, 4),
               ("中国科协",))
    ps = _passages(doc)
    items, rels = [], []
    for d, (head, ind) in enumerate([(ps[0], ps[1]), (ps[2], ps[3])], start=1):
        direction = GuideItem(id=f"dir-{d}", label="ResearchDirection", code=str(d), name=head.text[4:],
                              text=head.text, direction=d, passage_id=head.id, start=head.start, end=head.end)
        indicator = GuideItem(id=f"ind-{d}.4", label="Indicator", code=f"{d}.4", name=ind.text[2:],
                              text=ind.text, direction=d, passage_id=ind.id, start=ind.start, end=ind.end)
        items += [direction, indicator]
        rels.append(Relation(type="HAS_INDICATOR", head_id=direction.id, tail_id=indicator.id,
                             head_label="ResearchDirection", tail_label="Indicator", head=direction.name,
                             tail=indicator.name, evidence=Evidence(passage_id=ind.id, start=ind.start,
                                                                    end=ind.end, extractor="guide",
                                                                    confidence=1.0)))
    return Facts(document=doc, passages=tuple(ps), guide_items=tuple(items), relations=tuple(rels))


def policy_facts() -> Facts:
    text = ("中国科协印发《关于进一步加强中国科协所属学会党委建设的指导意见》。\n"
            "中国计算机学会党委要加强党建工作，推动学会承接科技评估等政府转移职能。\n"
            "中国科协实施青年人才托举工程，支持中国计算机学会培养青年人才。")
    doc = _doc("policy", "中国科协关于加强学会党委建设的通知", "policy", text, "2018-09-05", (1, 2), ("中国科协",))
    ps = _passages(doc)
    cast = _entity("Agency", "中国科协", ("中国科学技术协会",))
    ccf = _entity("Society", "中国计算机学会", ("CCF",))
    party = _entity("PartyOrganization", "中国计算机学会党委")
    policy = _entity("Policy", "关于进一步加强中国科协所属学会党委建设的指导意见")
    func = _entity("GovernmentFunction", "科技评估")
    prog = _entity("TalentProgram", "青年人才托举工程")
    mentions = [
        _mention(doc, ps, cast, "中国科协"), _mention(doc, ps, policy, policy.name),
        _mention(doc, ps, party, "中国计算机学会党委"), _mention(doc, ps, func, "科技评估"),
        _mention(doc, ps, cast, "中国科协", nth=2), _mention(doc, ps, prog, "青年人才托举工程"),
        _mention(doc, ps, ccf, "中国计算机学会", nth=1),
        _mention(doc, ps, ccf, "中国计算机学会", source="nested"),  # inside 中国计算机学会党委: the facts' end
    ]
    relations = [
        _relation("ISSUED", cast, policy, ps[0]), _relation("PARTY_ORG_OF", party, ccf, ps[1]),
        _relation("UNDERTAKES", ccf, func, ps[1]), _relation("RUNS", cast, prog, ps[2]),
    ]
    cites = Relation(type="CITES", head_id=doc.id, tail_id=policy.id, head_label="Document", tail_label="Policy",
                     head=doc.title, tail=policy.name,
                     evidence=Evidence(passage_id=ps[0].id, start=ps[0].start, end=ps[0].end,
                                       extractor="fixture", confidence=1.0))
    recs = []
    for p, dirs, ind, concerns, matched in [(ps[1], (1,), "1.4", (party, ccf, func), True),
                                            (ps[2], (1, 2), "2.4", (prog, ccf), False)]:
        addresses = tuple(Address(target_id=f"dir-{d}", target_label="ResearchDirection", code=str(d), score=0.8,
                                  terms=("党建",) if d == 1 else ("人才",), matched=True) for d in dirs)
        addresses += (Address(target_id=f"ind-{ind}", target_label="Indicator", code=ind,
                              score=1.2 if matched else 0.0, terms=("举措",) if matched else (), matched=matched),)
        recs.append(Recommendation(id=Recommendation.make_id(doc.id, p.start, p.end), doc_id=doc.id, text=p.text,
                                   start=p.start, end=p.end, passage_ids=(p.id,), trigger="要",
                                   directions=dirs, indicators=(ind,), addresses=addresses,
                                   concerns=tuple(e.id for e in concerns)))
    return Facts(document=doc, passages=tuple(ps), entities=(cast, ccf, party, policy, func, prog),
                 mentions=tuple(mentions), relations=tuple(relations) + (cites,), recommendations=tuple(recs))


def all_facts() -> list[Facts]:
    return [guide_facts(), policy_facts()]


def case_facts() -> Facts:
    """A case report in which the society of the policy's first recommendation does what it asks."""
    text = ("中国计算机学会承接科技评估职能，已完成科技评估项目12项。\n"
            "中国计算机学会党委组织党员开展党建学习。\n"
            "政府转移职能中由学会承接的科技评估占35%。\n"
            "学会的青年工作委员会参与了评估。")
    doc = _doc("case", "中国计算机学会承接科技评估的做法", "case", text, "2021-03-01", (2,), ("中国计算机学会",))
    ps = _passages(doc)
    ccf = _entity("Society", "中国计算机学会", ("CCF",))
    party = _entity("PartyOrganization", "中国计算机学会党委")
    func = _entity("GovernmentFunction", "科技评估")
    branch = _entity("Branch", "青年工作委员会")  # a name no gazetteer knows: found by its shape
    mentions = [_mention(doc, ps, ccf, "中国计算机学会"), _mention(doc, ps, func, "科技评估"),
                _mention(doc, ps, party, "中国计算机学会党委"), _mention(doc, ps, func, "科技评估", nth=2),
                _mention(doc, ps, branch, "青年工作委员会", source="shape"),
                _mention(doc, ps, ccf, "中国计算机学会", nth=1, source="nested")]  # inside 中国计算机学会党委
    relations = [_relation("UNDERTAKES", ccf, func, ps[0]), _relation("PARTY_ORG_OF", party, ccf, ps[1])]
    return Facts(document=doc, passages=tuple(ps), entities=(ccf, party, func, branch), mentions=tuple(mentions),
                 relations=tuple(relations))


def second_policy_facts() -> Facts:
    """Another issuer's policy that proposes the same measure as the policy's first recommendation."""
    text = "各省科协要推动学会承接科技评估等政府转移职能，中国计算机学会党委要加强党建工作。"
    doc = _doc("policy2", "省科协关于学会承接政府转移职能的意见", "policy", text, "2022-06-01", (2,), ("江西省科协",))
    ps = _passages(doc)
    func = _entity("GovernmentFunction", "科技评估")
    party = _entity("PartyOrganization", "中国计算机学会党委")
    mentions = [_mention(doc, ps, func, "科技评估"), _mention(doc, ps, party, "中国计算机学会党委")]
    p = ps[0]
    rec = Recommendation(id=Recommendation.make_id(doc.id, p.start, p.end), doc_id=doc.id, text=p.text,
                         start=p.start, end=p.end, passage_ids=(p.id,), trigger="要", directions=(2,),
                         indicators=("2.4",), addresses=(
                             Address(target_id="dir-2", target_label="ResearchDirection", code="2", score=0.8,
                                     terms=("人才",), matched=True),),
                         concerns=(func.id, party.id))
    return Facts(document=doc, passages=tuple(ps), entities=(func, party), mentions=tuple(mentions),
                 recommendations=(rec,))


def corpus_facts() -> list[Facts]:
    """The fixture graph with support across documents: the policy's first recommendation is backed
    by the second policy (policy), the case (case, and data: it counts 12 projects)."""
    return all_facts() + [case_facts(), second_policy_facts()]
