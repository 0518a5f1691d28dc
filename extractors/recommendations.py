"""Recommendations: sentences that propose or mandate a measure, not reports of what happened.

A sentence is a recommendation when it carries a mandate cue (要, 应, 须, 不得, 鼓励, 支持, 建议 …,
also after a subject: 各级科协要…) or opens with an imperative verb (推动, 建立健全, 加强, 完善,
探索, 坚持 …), unless it reports an event (召开, 举行, 获评, 日前 …) or the issuing of a document, is
a heading or lead-in (ends with ：), or is too short to state a measure. The span skips bullet
marks (——, 一是, （一）, 1.) and keeps the closing punctuation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.shadow import make_shadow

# cues that mandate or propose, anywhere in the sentence
MANDATE = re.compile(
    r"(?<![重主纲摘简首概必])要(?![点素闻件害]|求(?:和|、|见|如下|的|是|摘录))|"
    r"(?<![相反对])应(?:当|该)?(?![用对急届邀聘])|须|必须|不得|严禁|禁止|不予|"
    r"鼓励|支持|建议|提倡|倡导|力争|确保|务必|切实|着力|旨在|作出安排|参照执行|"
    r"可以|可通过|可全部|可由|可按|可参照|可依|可采取|可委托|"
    # plans voiced in news: 将搭建…, 计划举办…, 目标是…, 下一步…
    r"(?<![即])将(?=[^，。；]{0,12}?(?:建立|设立|搭建|推动|开展|举办|完善|加强|实施|推进|打造|建设|提供|组织|支持|出台|"
    r"制定|启动|形成|发布|推出|扩大|提升))|计划(?=举办|开展|推出|建设|完成|实施|组织)|目标是|下一步|"
    r"牵头(?=建立|制定|推动|组织|开展)|"
    # duties assigned by a policy: …部门负责本辖区…, 措施是建立…, 需要建立…
    r"负责(?=[^，。；]{0,4}?(?:本|指导|统筹|组织|牵头))|措施(?:是|为)(?=建立|完善|加强|推动|健全)|"
    r"需要(?=建立|完善|加强|推动|健全)")
# imperative openings (after an optional subject)
IMPERATIVE = re.compile(
    r"^(?:进一步|积极|大力|全面|持续|不断|切实|着力|加快|深入|认真|逐步|努力|有序|稳妥|依法|严格|充分|主动|重点|"
    r"理直气壮)?(?:推动|推进|建立健全|建立|健全|加强|完善|探索|鼓励|支持|引导|促进|提升|强化|深化|落实|规范|坚持|"
    r"创新|发挥|构建|打造|实施|开展|培育|优化|统筹|抓好|做好|提高|扩大|拓展|明确|加大|保障|维护|增强|营造|弘扬|"
    r"完善|夯实|筑牢|压实|树立|贯彻|引领|服务|带动|畅通|鼓励|组织|设立|依托|聚焦|围绕|以|把|将|对|按照|结合|"
    r"高举|实现|自觉|始终|建设|形成|举办|择优|维护|确定|凝聚|加大|鼓励|严把|严禁)")
# a subject before the cue: 各级科协要…, 学会应…, 政府部门…
SUBJECT = re.compile(r"^[\u4e00-\u9fff、“”]{1,16}?(?=要|应|须|必须|不得)")
# reports of what already happened
REPORT = re.compile(r"召开|举行|出席|获评|评为|日前|近日|据.{0,12}报道|截至|截止|累计|先后|成立大会|名单|"
                    r"公布|发来贺信|已经|已|共有|共计|揭牌|授牌|当选|视察|听取|标志着|"
                    r"(?<![为除])了(?!解)|^\d{4}年\d{1,2}月(?:\d{1,2}日)?|"
                    r"\d+(?:\.\d+)?(?:万|亿)?(?:人次|所|个|辆|家|项|名|人)(?![才员])|"
                    r"意义重大|重要举措|重要意义|界定|是指|所称|摘录|未完整|"
                    # notes of the summariser, opinions and commentary, structure and eligibility
                    r"页面在此|页面未|认为|可以看出|法律依据|分[一二三四五六七八九十\d]+章|共[一二三四五六七八九十\d]+条|"
                    r"须同时具备|须有|具备以下|方可|期满|申报条件|年龄|周岁|主送|要有一定")
ISSUING = re.compile(r"(印发|发布|下发|出台|颁布)了?.{0,6}《.*》.*(通知|要求.*(贯彻|落实|执行))|"
                     r"^.{0,30}(印发|发布|下发)了?《[^》]*》[。，,；]?$")
REPORT_OVERRIDE = re.compile(
    r"(?:指出|强调|(?<!总体)要求|提出|明确)[，,：:]?[^，。；]{0,10}?(要|应|须|必须|不得)|"
    r"(?:希望|期望|期待)[^。；]{0,12}?(加强|推动|坚持|落实|做好|筑牢|发挥|推进|完善|建立|要)")
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
    mandate = MANDATE.search(sentence)
    subject = SUBJECT.match(sentence)
    opening = IMPERATIVE.match(sentence[subject.end():] if subject else sentence)
    voiced = REPORT_OVERRIDE.search(sentence)
    if voiced:  # a requirement voiced in a meeting or a speech: 会议强调，要… / 她希望…加强…
        return RecommendationSpan(start, end, voiced.group(1) or voiced.group(2))
    if REPORT.search(sentence):
        return None
    if mandate:
        return RecommendationSpan(start, end, mandate.group(0))
    if opening and opening.group(0):
        return RecommendationSpan(start, end, opening.group(0))
    return None
