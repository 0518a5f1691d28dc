"""The standing of a document (extractors/issuers.py): which level of government it speaks for, and where; a
province's policy is no basis of another province's recommendation (kg/support.py)."""
from __future__ import annotations

import pytest

from extractors import issuers
from extractors.issuers import Standing, backs, level_of, standing
from extractors.rules import RulesError
from kg.load import load_facts
from kg.support import Corpus, evidence_for, update_support
from tests.fixture_graph import corpus_facts, policy_facts
from tests.rule_files import load_with_row

REC = policy_facts().recommendations[0].id


@pytest.mark.parametrize("name, expected", [
    ("中共中央办公厅", (3, "")),
    ("民政部", (3, "")),
    ("中国科协办公厅", (3, "")),
    ("上海市人民政府", (2, "上海")),  # a province-level municipality
    ("广西壮族自治区科协", (2, "广西")),
    ("贵州科协", (2, "贵州")),  # a province named without its level
    ("安徽印发行业协会商会与行政机关脱钩实施方案", (2, "安徽")),  # a title, when a document names no issuer
    ("新疆生产建设兵团民政局", (2, "新疆生产建设兵团")),
    ("中共重庆市委", (2, "重庆")),  # a province-level municipality's Party committee too
    ("南昌市人民政府", (1, "南昌")),
    ("大理白族自治州人民政府", (1, "大理")),  # the same place as 大理州
    ("大理州科协", (1, "大理")),
    ("泰州科协", (1, "泰州")),  # a city whose name ends in 州 keeps it
    ("全省科协工作会议", (2, "")),  # 全省, 我市, 在广东…: a phrase's first word is no place
    ("我市科协", (None, "")),
    ("在广东省召开的会议", (None, "")),
    ("省委省政府印发", (2, "")),
    ("吉林市科协", (1, "吉林")),  # a city, not the province of the same name
    ("关于加强全省科技伦理治理的实施意见", (None, "")),  # 关于… names no body
    ("团体标准管理规定", (None, "")),
])
def test_the_level_and_place_a_body_or_title_speaks_for(name, expected):
    assert level_of(name) == expected


def test_a_province_s_policy_is_no_basis_of_another_province_s_point():
    anhui, henan = standing(["安徽省人民政府"], ""), standing([], "河南发文要求行业协会全面脱钩")
    assert not backs(henan, anhui) and not backs(anhui, henan)
    assert backs(standing(["安徽省民政厅"], ""), anhui)  # the same place
    assert backs(standing(["国务院办公厅"], ""), anhui)  # a national mandate backs a province's point
    assert backs(standing(["榆林市人民政府"], ""), standing(["陕西省人民政府"], ""))  # an implementation: not ruled out
    assert backs(Standing(None, ""), anhui) and backs(standing(["省委办公厅"], ""), anhui)  # unknown: nothing ruled out
    assert standing(["某某基金会"], "在广东省召开的会议") == Standing(None, "")  # the title only when no issuer is named


def test_support_leaves_out_a_peer_province_s_policy(embedded):
    load_facts(embedded, corpus_facts())
    update_support(embedded)
    corpus = Corpus(embedded)
    rec = next(r for r in corpus.recs if r.id == REC)
    policy = [link for link in evidence_for(corpus, rec) if link.kind == "policy"]
    assert policy
    basis = corpus.passages[policy[0].tail].doc_id
    corpus.standing[rec.doc_id] = Standing(2, "安徽")
    corpus.standing[basis] = Standing(2, "河南")
    assert basis not in {corpus.passages[link.tail].doc_id for link in evidence_for(corpus, rec)
                         if link.kind == "policy"}
    corpus.standing[basis] = Standing(3, "")
    assert policy[0] in evidence_for(corpus, rec)


def test_a_bad_level_row_fails_with_file_line_and_reason(tmp_path, monkeypatch):
    with pytest.raises(RulesError, match=r"issuer_levels.tsv:\d+: level 'county'"):
        load_with_row(tmp_path / "a", monkeypatch, issuers, "level_rules", "issuer_levels.tsv",
                      "county\t某县\ta level that does not exist")
    with pytest.raises(RulesError, match=r"issuer_levels.tsv:\d+: the pattern is empty"):
        load_with_row(tmp_path / "b", monkeypatch, issuers, "level_rules", "issuer_levels.tsv", "local\t\tno pattern")
