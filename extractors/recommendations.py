"""Recommendations: sentences that propose or mandate a measure, not reports of what happened.

A sentence is a recommendation when it carries a mandate cue (要, 应, 须, 不得, 鼓励, 支持, 建议 …,
also after a subject: 各级科协要…) or opens with an imperative verb (推动, 建立健全, 加强, 完善,
探索, 坚持 …), unless it reports an event (召开, 举行, 获评, 日前 …) or the issuing of a document, is
a heading or lead-in (ends with ：), or is too short to state a measure. The span skips bullet
marks (——, 一是, （一）, 1.) and keeps the closing punctuation. The cue words are data:
seed_data/rules/recommendation_cues.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractors.rules import cue_alternation, recommendation_cues
from extractors.shadow import make_shadow

# The cue words are data (seed_data/rules/recommendation_cues.tsv, see extractors.rules); what stays
# here are the shapes no word list can say: dates, counts, sources, the chapters of a document.
_REPORT_SHAPES = (r"据.{0,12}报道|^\d{4}年\d{1,2}月(?:\d{1,2}日)?|"
                  r"\d+(?:\.\d+)?(?:万|亿)?(?:人次|所|个|辆|家|项|名|人)(?![才员])|"
                  r"分[一二三四五六七八九十\d]+章|共[一二三四五六七八九十\d]+条")
# what a voiced requirement or a hope must lead to
_VOICED_MODALS = "要|应|须|必须|不得"
_HOPED = "加强|推动|坚持|落实|做好|筑牢|发挥|推进|完善|建立|要"
# a subject before the cue: 各级科协要…, 学会应…, 政府部门…
SUBJECT = re.compile(r"^[\u4e00-\u9fff、“”]{1,16}?(?=要|应|须|必须|不得)")
ISSUING = re.compile(r"(印发|发布|下发|出台|颁布)了?.{0,6}《.*》.*(通知|要求.*(贯彻|落实|执行))|"
                     r"^.{0,30}(印发|发布|下发)了?《[^》]*》[。，,；]?$")


@dataclass(frozen=True)
class Cues:
    mandate: re.Pattern[str]  # anywhere in the sentence
    imperative: re.Pattern[str]  # at its start, after an optional subject
    report: re.Pattern[str]  # the sentence reports, comments or sets conditions
    voiced: re.Pattern[str]  # 会议强调，要… / 她希望…加强…: overrides `report`


@cache
def cues() -> Cues:
    rows = recommendation_cues()
    return Cues(
        mandate=re.compile(cue_alternation(rows, "mandate")),
        imperative=re.compile(f"^(?:{cue_alternation(rows, 'opening_adverb')})?(?:{cue_alternation(rows, 'opening_verb')})"),
        report=re.compile(f"{cue_alternation(rows, 'report')}|{_REPORT_SHAPES}"),
        voiced=re.compile(f"(?:{cue_alternation(rows, 'voiced')})[，,：:]?[^，。；]{{0,10}}?({_VOICED_MODALS})|"
                          f"(?:{cue_alternation(rows, 'hope')})[^。；]{{0,12}}?({_HOPED})"),
    )


BULLET = re.compile(r"(?:[—\-–·•●○■□◆◇▪]+|[一二三四五六七八九十]+是[，,]?|[（(][一二三四五六七八九十\d]+[)）]、?|"
                    r"[一二三四五六七八九十]+、|\d+[.．、)）]|第[一二三四五六七八九十]+[，,、]?)\s*")
MIN_LENGTH = 8


@dataclass(frozen=True)
class RecommendationSpan:
    start: int
    end: int
    trigger: str


def recommendation_span(text: str, start: int, end: int) -> RecommendationSpan | None:
    """The recommendation in sentence text[start:end], or None if the sentence is not one."""
    while start < end:
        m = BULLET.match(text, start, end)
        if not m or m.end() == start:
            break
        start = m.end()
    # cues are matched in simplified script with pinyin glosses removed (應當 = 应当, 要(yào) = 要)
    sentence = make_shadow(text[start:end]).text
    if len(sentence) < MIN_LENGTH or sentence.rstrip().endswith(("：", ":")):
        return None
    if ISSUING.search(sentence):
        return None
    rules = cues()
    mandate = rules.mandate.search(sentence)
    subject = SUBJECT.match(sentence)
    opening = rules.imperative.match(sentence[subject.end():] if subject else sentence)
    voiced = rules.voiced.search(sentence)
    if voiced:  # a requirement voiced in a meeting or a speech: 会议强调，要… / 她希望…加强…
        return RecommendationSpan(start, end, voiced.group(1) or voiced.group(2))
    if rules.report.search(sentence):
        return None
    if mandate:
        return RecommendationSpan(start, end, mandate.group(0))
    if opening and opening.group(0):
        return RecommendationSpan(start, end, opening.group(0))
    return None
