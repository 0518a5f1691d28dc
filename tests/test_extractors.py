"""Extraction: exact spans everywhere, the guide, scripts and glosses, recommendations, determinism."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

from extractors.documents import RawDocument
from extractors.gazetteer import load_gazetteer
from extractors.metadata import DocumentMetadata
from extractors.passages import sentence_spans
from extractors.pipeline import extract
from extractors.recommendations import recommendation_span
from tests.conftest import ROOT, SEED


def raw(text: str, title: str = "测试文本") -> RawDocument:
    return RawDocument(path="test.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                       metadata=DocumentMetadata(title=title), warnings=())


def test_every_span_of_every_seed_document_is_exact(seed_facts):
    assert len(seed_facts) == 1 + len(list((SEED / "documents").glob("*.md"))) >= 150
    for facts in seed_facts:
        text = facts.document.text
        for p in facts.passages:
            assert text[p.start:p.end] == p.text
        for m in facts.mentions:
            assert text[m.start:m.end] == m.text, (facts.document.path, m)
        for r in facts.relations:
            evidence = text[r.evidence.start:r.evidence.end]
            assert evidence, (facts.document.path, r)
            if r.type not in ("CITES", "HAS_CONTENT", "HAS_INDICATOR"):
                assert r.head in evidence and r.tail in evidence, (facts.document.path, r)
        for rec in facts.recommendations:
            assert text[rec.start:rec.end] == rec.text


def test_the_guide_yields_four_directions_and_24_indicators(seed_facts):
    guide = seed_facts[0]
    assert guide.document.kind == "guide"
    labels = [i.label for i in guide.guide_items]
    assert labels.count("ResearchDirection") == 4
    assert labels.count("Indicator") == 24
    codes = sorted(i.code for i in guide.guide_items if i.label == "Indicator")
    assert codes == sorted(f"{d}.{n}" for d in range(1, 5) for n in range(1, 7))
    direction_2 = next(i for i in guide.guide_items if i.code == "2")
    assert direction_2.name == "构筑以科技人才为核心的科学共同体，深度服务人才发展体制机制改革"
    text = guide.document.text
    for item in guide.guide_items:
        assert text[item.start:item.end] == item.text
        assert "[bookmark" not in item.name


def test_passages_split_on_chinese_sentence_ends_and_semicolons():
    text = "第一句。第二句；第三句！\n第四句？“引文。”后文"
    spans = [(text[s:e], para) for para, s, e in sentence_spans(text)]
    assert spans == [("第一句。", 0), ("第二句；", 0), ("第三句！", 0), ("第四句？", 1), ("“引文。”", 1), ("后文", 1)]


def test_traditional_script_matches_and_keeps_the_original_text():
    facts = extract(raw("中國計算機學會青年工作委員會召開會議。"))
    branch = next(m for m in facts.mentions if m.type == "Branch" and m.source != "inner")
    assert branch.text == "中國計算機學會青年工作委員會"
    rel = next(r for r in facts.relations if r.type == "BRANCH_OF")
    society = next(e for e in facts.entities if e.id == rel.tail_id)
    assert society.name == "中国计算机学会"


def test_pinyin_glosses_do_not_break_names_or_offsets():
    text = "中国科学技术协(xié)会印发通知。"
    facts = extract(raw(text))
    agency = next(m for m in facts.mentions if m.type == "Agency")
    assert agency.text == "中国科学技术协(xié)会"
    assert next(e for e in facts.entities if e.id == agency.entity_id).name == "中国科学技术协会"


def test_aliases_resolve_to_one_entity():
    facts = extract(raw("中国科学技术协会发布通知。中国科协组织实施青年人才托举工程。"))
    agencies = {m.entity_id for m in facts.mentions if m.type == "Agency"}
    assert len(agencies) == 1


def test_nested_party_organisation_gives_party_org_of():
    facts = extract(raw("中国电子学会理事会党委要加强政治引领。"))
    party = next(m for m in facts.mentions if m.type == "PartyOrganization" and m.source != "inner")
    assert party.text == "中国电子学会理事会党委"
    rel = next(r for r in facts.relations if r.type == "PARTY_ORG_OF")
    assert (rel.head, rel.tail) == ("中国电子学会理事会党委", "中国电子学会")


def test_trigger_relations():
    facts = extract(raw("国务院办公厅印发《关于深化科技奖励制度改革的方案》。中国机械工程学会承接工程师资格认证工作。"))
    found = {(r.type, r.head, r.tail) for r in facts.relations}
    assert ("ISSUED", "国务院办公厅", "关于深化科技奖励制度改革的方案") in found
    assert ("UNDERTAKES", "中国机械工程学会", "工程师资格认证") in found
    assert any(r.type == "CITES" for r in facts.relations)


@pytest.mark.parametrize("sentence, expected", [
    ("各级科协要加强对所属学会党建工作的指导。", True),
    ("——推动学会有序承接政府转移职能。", True),
    ("建立健全学会党建工作机制；", True),
    ("鼓励学会开展团体标准研制。", True),
    ("中国科协召开深化全国学会党建工作改革座谈会。", False),
    ("会议认为，社会工作在党和国家工作中占有重要地位。", False),
    ("会议对下一步工作提出要求：", False),
])
def test_recommendation_or_not(sentence, expected):
    assert (recommendation_span(sentence, 0, len(sentence)) is not None) == expected


def test_recommendation_span_skips_bullets():
    text = "——加强秘书处党组织建设。"
    span = recommendation_span(text, 0, len(text))
    assert span is not None and text[span.start:span.end] == "加强秘书处党组织建设。"


@pytest.mark.parametrize("text, kept", [
    ("第一，加强秘书处党组织建设。", "加强秘书处党组织建设。"),  # 第X with its punctuation is a list mark
    ("第二至第五部分依次对应科协的四项服务职责：为科技工作者服务。", None),  # 第X that counts is part of the text
    ("第三项任务是实施科学家精神弘扬工程，要求各级科协推进落实。", None),
    ("第一条 学会应当加强党的建设。", None),  # an article keeps its number
])
def test_a_list_mark_is_skipped_and_a_counting_word_is_kept(text, kept):
    """What the deciders read and a recommendation's text is: 第二至… lost its 第二 as a list mark (14 of the 297
    recommendations of one direction on the seed began 至…, 项…, 条…)."""
    from extractors.recommendations import candidate

    found = candidate(text, 0, len(text))
    assert found is not None and text[found.start:found.end] == (kept or text)


@pytest.mark.parametrize("text, kept", [
    ("各级科协要做建言献策的“智慧库”（页面在此中断）。", "各级科协要做建言献策的“智慧库”"),
    ("第三项任务是要求各学会实施科学家精神弘扬工程，页面在此中断。", "第三项任务是要求各学会实施科学家精神弘扬工程"),
    ("学会要加强党建工作（页面在此中断，其余部分未能读到）", "学会要加强党建工作"),
    ("學會要加強黨建工作（頁面在此中斷）。", "學會要加強黨建工作"),  # in traditional script too
])
def test_an_editor_s_note_at_the_end_is_no_part_of_a_recommendation(text, kept):
    """A summary notes where its page broke off; the recommendation's text ends before the note."""
    from extractors.recommendations import candidate

    found = candidate(text, 0, len(text))
    assert found is not None and text[found.start:found.end] == kept


def test_every_indicator_that_asks_for_measures_has_words_to_match():
    # a word stopped for the directions (分类: society texts use it everywhere) may still be the one word that
    # tells an indicator apart (3.5, 分类指导建议); an indicator with no word could only ever be a gap
    from extractors.pipeline import direction_model

    model = direction_model()
    codes = {p.code: p for profiles in model.indicators.values() for p in profiles}
    assert len(codes) == 12 and all(p.weights for p in codes.values()), {c: p.weights for c, p in codes.items()}
    assert "分类" in codes["3.5"].weights


def test_a_document_bears_on_its_thrust_not_on_a_passing_list_of_topics():
    # four sentences on Party building and one that lists the topics of direction 4 in passing: a
    # sentence votes by the square root of its score, so one long list does not make a second direction
    text = ("各学会党支部要把党的政治建设摆在首位，加强党员教育管理。\n"
            "学会党委要落实全面从严治党责任，推动党建工作与业务工作深度融合。\n"
            "要发挥基层党组织战斗堡垒作用和党员先锋模范作用。\n"
            "同时，学会可结合学术交流、国际合作、科普宣传和科学素质提升、科研诚信与科技伦理教育开展主题党日活动。\n")
    assert extract(raw(text, title="关于加强学会党建工作的通知")).document.directions == (1,)


def test_recommendations_are_linked_to_directions_with_terms(seed_facts):
    recs = [r for f in seed_facts for r in f.recommendations]
    assert len(recs) > 50
    for rec in recs:
        assert rec.directions, rec.text
        for a in rec.addresses:
            assert a.score >= 0
            for term in a.terms:
                assert term in rec.text or term in rec.text.replace(" ", ""), (term, rec.text)


def test_extraction_is_deterministic_across_processes():
    # every field of the facts (scores and matched terms too), not only the JSON contract
    code = ("from extractors.pipeline import extract_path;"
            "print(extract_path('seed_data/documents/008.md').model_dump_json())")
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.append(subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                                      text=True, check=True).stdout)
    assert outputs[0] == outputs[1]
    facts = json.loads(outputs[0])
    assert facts["mentions"] and facts["recommendations"] and facts["recommendations"][0]["addresses"]


# Floors, not goals: the scores measured when each split was made (tests/gold/README.md), less a
# small margin, so a change that makes extraction worse fails here. The goals of issue 9 are higher.
# v0.6: the old test part (scored for totals over several sessions) joined dev, and the test part became 25
# documents written from pages outside the seed corpus, scored once after the rules of v0.6 were decided on dev:
# mentions 0.781 (0.768 names left out), relations 0.676 (0.600), recommendations 0.726, directions 0.722; after
# the rules that the 25 further dev documents (926-950) led to: 0.790 (0.777), 0.720 (0.648), 0.765, 0.722; after
# those of 951-975: 0.809 (0.797), 0.720 (0.648), 0.781, 0.722; after those of 976-1000: 0.809 (0.798),
# 0.720 (0.667), 0.802, 0.722; after those of 1001-1025: 0.809 (0.803), 0.720 (0.685), 0.781, 0.722; after those
# of 1026-1050: 0.814 (0.808), 0.720 (0.685), 0.793, 0.722; with 1051-1075 in the classifier's training: 0.795.
# Dev then gained 150 more documents written the same way (926-1075), read and tuned on: dev (202 documents)
# 0.841 (0.828), 0.788 (0.780), 0.99 (trained on), 0.708. v0.7 (four more rounds, 1076-1175 joined dev): test
# 0.821 (0.815), 0.711 (0.676), 0.817, 0.725; dev (302 documents) 0.864 (0.851), 0.819 (0.810), 0.99, 0.765.
# v0.8: dev grew to 417 with 75 fresh documents whose document directions score 0.52-0.68 (speeches, interviews,
# tables, civil affairs, think tanks: 1216-1290); no direction rule changed, dev's directions went 0.757 -> 0.737,
# so that floor is 0.72 (the other floors hold with room). v0.9: document directions by a classifier trained on
# dev (617 documents; 0.80 cross-validated against 0.73 for the term profiles): test 0.725 -> 0.853, scored once;
# dev is now in-sample for them (1.00), like the recommendations. v0.10: retrained on 692 documents, the setting the
# cross-validation chose (0.007 above the next) scores 0.806 on the test part; settings within 0.01 of each other in
# cross-validation score 0.783-0.822 on the 25 documents of the holdout, so on 25 documents the floor sits that far
# below the measurement (0.78) and still fails a return to the term profiles (0.725).
# v0.12: the test part grew from 25 to 75 documents, all written blind and never read: the holdout of v0.11
# (1641-1665) and 25 new documents in the shapes of the issue (1691-1715). Scored once before any rule of v0.12:
# mentions 0.812 (0.806), relations 0.747 (0.732), recommendations 0.708, directions 0.812. With 75 documents a
# retraining moves these by about a third of what it moved 25, so the floors sit ~0.02-0.03 below. At the end of
# v0.12 (2026-12-03): 0.823 (0.816), 0.784 (0.769), 0.716, 0.821; dev 0.897 / 0.855 — the floors follow.
# v0.14: the recommendation classifier a logistic regression (dev cross-validated 0.741 against 0.712), scored once
# on the test part: recommendations 0.699 -> 0.746; its floor follows.
FLOORS = {
    "dev": {"mentions": 0.87, "relations": 0.82, "recommendations": 0.94, "directions": 0.95},
    "test": {"mentions": 0.80, "relations": 0.75, "recommendations": 0.72, "directions": 0.78},
}
LEAVE_NAMES_OUT_FLOORS = {"mentions": 0.79, "relations": 0.74}  # the test split, names left out


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_gold_scores_stay_above_their_floors(split: str):
    from extractors.evaluate import evaluate

    result = evaluate(ROOT / "tests" / "gold", split=split).as_dict()
    assert result["documents"] >= 20
    floors = FLOORS[split]
    assert result["mentions"]["all"]["f1"] >= floors["mentions"]
    assert result["relations"]["all"]["f1"] >= floors["relations"]
    assert result["recommendations"]["f1"] >= floors["recommendations"]
    assert result["directions"]["f1"] >= floors["directions"]


def test_test_split_scores_with_the_names_left_out_stay_above_their_floors():
    from extractors.evaluate import evaluate

    result = evaluate(ROOT / "tests" / "gold", split="test", leave_names_out=True).as_dict()
    assert result["mentions"]["all"]["f1"] >= LEAVE_NAMES_OUT_FLOORS["mentions"]
    assert result["relations"]["all"]["f1"] >= LEAVE_NAMES_OUT_FLOORS["relations"]


def test_leaving_the_names_out_removes_them_from_the_gazetteer():
    from extractors.evaluate import gazetteer_without

    full = load_gazetteer()
    assert full.lookup("中国科协") is not None and full.lookup("中国计算机学会") is not None
    blind = gazetteer_without({"中国计算机学会"})
    assert blind.lookup("中国计算机学会") is None and blind.lookup("CCF") is None  # its alias goes with it
    assert blind.lookup("中国科协") is not None


def test_leaving_the_names_out_makes_the_segmenter_forget_them_too():
    """jieba's dictionary is built from the gazetteer: a name left out must not stay one word there."""
    from extractors.segment import names_unknown, tokenizer

    name = "中国科协青年人才托举工程"
    text = f"推荐人选参加{name}评审。"
    assert name in tokenizer().lcut(text)
    with names_unknown({name}):
        assert name not in tokenizer().lcut(text)
    assert name in tokenizer().lcut(text)  # and remembers it afterwards


def test_the_test_split_has_twenty_documents_in_shapes_the_seed_lacks():
    from extractors.evaluate import gold_files

    test = gold_files(ROOT / "tests" / "gold", split="test")
    assert len(test) >= 20
    seed_urls = {line.split(":", 1)[1].strip().strip('"') for path in (ROOT / "seed_data" / "documents").glob("*.md")
                 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("source_url:")}
    for path in test:  # none comes from a seed document: no rule was written or checked on its source
        doc = json.loads(path.read_text(encoding="utf-8"))["doc"]
        assert "path" not in doc and doc["source_url"].startswith("http") and doc["source_url"] not in seed_urls, path
    assert len(list((ROOT / "tests" / "gold").glob("*.json"))) >= 40


def test_traditional_copies_of_the_seed_documents_give_the_same_facts(seed_facts):
    """A traditional-script mirror of every seed document yields the same mentions (same spans,
    same entities), recommendations and relations as the original."""
    import opencc

    to_traditional = opencc.OpenCC("s2t")
    for facts in seed_facts[1:]:
        doc = facts.document
        text = to_traditional.convert(doc.text)
        assert len(text) == len(doc.text)
        mirror = extract(RawDocument(path=doc.path, text=text, sha256=doc.sha256,
                                     metadata=DocumentMetadata(title=doc.title, kind=doc.kind), warnings=()))
        assert {(m.start, m.end, m.entity_id) for m in mirror.mentions} == \
               {(m.start, m.end, m.entity_id) for m in facts.mentions}, doc.path
        assert {(r.start, r.end) for r in mirror.recommendations} == \
               {(r.start, r.end) for r in facts.recommendations}, doc.path
        assert {(r.type, r.head_id, r.tail_id) for r in mirror.relations if r.type != "CITES"} == \
               {(r.type, r.head_id, r.tail_id) for r in facts.relations if r.type != "CITES"}, doc.path


def test_kg_eval_prints_the_left_out_score_beside_the_normal_one():
    result = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "tests/gold", "--split", "test",
                             "--leave-names-out", "--json"], cwd=ROOT, capture_output=True, text=True, check=True)
    report = json.loads(result.stdout)
    assert report["documents"] == report["leave_names_out"]["documents"] >= 20
    assert report["leave_names_out"]["mentions"]["all"]["f1"] < report["mentions"]["all"]["f1"]  # memory helped
    bad = subprocess.run([sys.executable, "-m", "kg.cli", "eval", "tests/gold", "--split", "tset"], cwd=ROOT,
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "unknown split 'tset'" in bad.stderr and "Traceback" not in bad.stderr


def test_the_second_annotation_is_of_the_same_texts_and_its_agreement_counts_what_differs():
    """tests/gold/agreement/second.py: the ceiling the scores are read against (README, "v0.12")."""
    import copy
    import importlib.util

    spec = importlib.util.spec_from_file_location("second", ROOT / "tests" / "gold" / "agreement" / "second.py")
    second = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(second)
    paths = sorted((ROOT / "tests" / "gold" / "agreement" / "second").glob("*.json"))
    assert len(paths) == 25
    for path in paths:  # each is a dev document's own text, annotated again
        assert json.loads(path.read_text(encoding="utf-8"))["text"] == \
            json.loads((ROOT / "tests" / "gold" / path.name).read_text(encoding="utf-8"))["text"]
    gold = json.loads((ROOT / "tests" / "gold" / "1687.json").read_text(encoding="utf-8"))
    counts = second.agreement(gold, gold)
    assert all(only_second == only_first == 0 for _, only_second, only_first in counts.values())
    changed = copy.deepcopy(gold)
    changed["mentions"] = changed["mentions"][1:]
    changed["recommendations"][0]["end"] = changed["recommendations"][0]["start"] + 1  # overlaps too little
    changed["doc"]["directions"] = [1]
    counts = second.agreement(gold, changed)
    assert counts["mentions"][2] == 1 and counts["recommendations"][1:] == (1, 1)
    assert counts["directions"] == (len(set(gold["doc"]["directions"]) & {1}), int(1 not in gold["doc"]["directions"]),
                                    len(set(gold["doc"]["directions"]) - {1}))
