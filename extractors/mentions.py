"""Mentions: typed spans from gazetteers and name patterns, longest name wins.

Runs on the simplified shadow text (so traditional script and pinyin glosses match) and maps every
span back to the original text. Candidates come from:
* the gazetteers (real names and aliases, `seed_data/gazetteers/`);
* patterns for names no list has: …学会/协会/研究会/联合会/促进会, …委员会/…分会, …党委/…党支部/…党组,
  quoted “…工程/…计划/…奖”, 《…》 titles, …省/市科协;
* nesting: an organisation name followed by a branch or Party-organisation suffix is one longer
  name (中国计算机学会青年工作委员会, 中国科协党组, 中国电子学会理事会党委), and remembers what it nests.
Then the longest non-overlapping candidates win, earlier and more trusted ones on ties.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from extractors.gazetteer import Gazetteer
from extractors.rules import name_parts
from extractors.shapes import NAME_POS as SHAPE_NAME_POS, COMPANY_POS
from extractors.shapes import (AWARD_THEN_GRADE, COUNT, COUNTED, EDITION, JOINT_JOINERS, JOINT_OWNER_HEADS, JURY,
                               LEVEL_ONLY, OPENING_VERBS, ORDINAL, PLACE_VERBS, PLACEHOLDER, PROVINCES, SPECIAL_FUNDS,
                               STOP_WORDS, TERM, ZONES, after_date, after_scope, ends_in_a_verb, name_start,
                               preposition_on_level, shape_finder, starts_inside_a_word, window_words, word_across)
from extractors.segment import pos_tokenizer
from extractors.shadow import Shadow

CJK = "\u4e00-\u9fff"
NAME_CHARACTER = re.compile(f"[{CJK}A-Za-z]")  # a name's characters, walked left from its head
CJK_CHARACTER = re.compile(f"[{CJK}]")
SOCIETY_SUFFIX = "学会联合体|工程师联合体|学会联合会(?![员议诊])|协会联合会(?![员议诊])|学会|协会|研究会|联合会|促进会|协进会"  # 学会 + 联合 + 会员: jointly
WORK_SOCIETY_HEADS = ("促进会", "研究会", "协会")  # …思想政治工作研究会: 工作 names the field right before these
GENERAL_SOCIETY = re.compile("总会(?![计长员议])")  # …协会总会, not …协会总会计师
UNIONS = ("学会联合体", "学会联合会")  # a union of societies, named by its field (农业学会联合体, 亚洲化学会联合会)
BARE_KIND_BODIES = frozenset({"园区科协", "园区科学技术协会"})  # a park's association named by the kind alone
DOCUMENT_NUMBER = re.compile(r"(?:[办厅]?[发函]|[发函]?[\u4e00-\u9fff]?字)?[〔\[［]\d{4}[〕\]］]\d+号")  # what follows a name inside a 发文字号
QUOTED = re.compile("“[^“”]+”")  # a whole mention inside quotes
WORK_PLAN = re.compile("工作(?:计划|总结|要点)$|总结")  # an organisation's own work plan or report, no programme
BRANCH_SUFFIX = "专项基金管理委员会|专业委员会|工作委员会|专门委员会|分会|专委会"
PARTY_SUFFIX = ("功能型党组织|党的工作小组|党建工作小组|机关党委|党支部委员会|党总支委员会|党总支部|党总支|党支部|党小组|党委|党组织|党组")
# what kind of Party branch: 功能型党支部, 临时党支部, 第二党支部, 离退休干部党支部
# the words that make a kind of Party body (功能型党支部, 临时党支部; 综合党委: a body's committee over the organisations
# of its field, 市社科联综合党委)
PARTY_KIND_WORDS = "功能型|功能性|兼合式|临时|联合|综合|流动"
PARTY_QUALIFIER = f"(?:{PARTY_KIND_WORDS}|行业|离退休干部|离退休|在职|基层|{ORDINAL}){{0,2}}"  # 第二联合党支部, 省科技厅行业综合党委
# a generic unit that may stand between an organisation and its Party organisation
PARTY_UNIT = ("学会服务中心学会联合|学会联合|科技社团|理事会|办事机构|秘书处|机关|常务理事会|分支机构|"
              "学院|学校|医院|院|校|系|研究所|所|公司|集团|企业|社会组织|社会团体|科协|局|厅|高校|地方")  # 学院党委, 院党委, 医院党委, 社会组织党组织,
# 科协党组, 局党组: a kind of unit's Party body
# where a name can start: the common openings of Chinese and foreign organisation names
NAME_OPENINGS = ("中国", "中华", "全国", "国际", "世界", "亚洲", "亚太", "欧洲", "美国", "英国", "德国", "法国",
                 "日本", "北京", "上海", "天津", "重庆", "旅欧", "旅美", "旅日", "旅英", "旅德", "旅法", "海外", "北美",
                 "全美", "全欧", "全英", "全澳", "全加", "全德", "全法", "全日", "旅澳", "旅加", "澳大利亚", "加拿大",
                 "留美", "留德", "留英", "留日", "留法", "留欧", "留加", "留澳", "留俄",  # 留德华人化学化工学会: students abroad
                 "美洲", "拉美", "南美", "非洲", "大洋洲", "东南亚")  # 美洲中国工程师学会: a continent before 中国
# a society's name with no known opening and no place must be this long before its head
# (黄河文化研究会, 青年科技工作者协会; not 科普学会, 一流学术学会)
UNOPENED_NAME = 4
UNOPENED_POS = ("n", "nz", "ns", "nt", "nr", "nrt", "j", "nw")
# part-of-speech tags (jieba) of words that can be part of an organisation's name
NAME_POS = ("n", "nr", "ns", "nt", "nz", "ng", "nl", "j", "eng", "x", "vn", "an", "b")
SOCIETY_NAME_POS = NAME_POS + ("zg", "a")  # a field may be a bound word or an adjective to jieba: 中国农学会, 市健康管理协会
PLACE_POS = ("n", "nr", "ns", "nt", "nz", "ng", "j", "x")  # the words of a place's name (no verbs: 优化省科协)
AGE_WORDS = frozenset({"青年", "少年", "青少年", "老年", "中青年", "老科技"})  # time words to the segmenter, names' words here
NOT_NAME_WORDS = {"所属", "有关", "相关", "各级", "部分", "全体", "广大", "各类", "我国", "会议", "本届", "该", "各",
                  "其", "下属", "直属", "地方", "基层", "优秀", "重点", "单位", "部门", "工作", "成员", "会员"} \
    | set(name_parts().get("Any", "not_name_word"))
POLICY_WORDS = re.compile(
    r"(方案|意见|通知|条例|办法|规定|规划|纲要|决定|细则|法|章程|计划|指南|指引|通则|目录|要点|任务|纪要|准则|规则|制度|"
    r"意见稿|公告|通告|决议|清单|标准|规范|战略|行动|工程|议程|宣言|公约|报告|举措|措施|的建议|指标|指标体系|安排|协议|名录|草案|大纲|导则|任务书)"
    r"([(（][^()（）]{0,12}[)）])?$")
NOT_POLICY = re.compile(r"(日报|晚报|报|杂志|期刊|学报|通讯|周刊|网|时报|导报|文摘)$|"
                        r"报告$|批复$|报告的决议$|工作(?:总结|报告)[和与及]|(表彰|换届|选举|任免|授予|命名|增设|批准|撤销|聘任|任命)\S*决定$")  # a report or an administrative decision
# a body's own plan, agenda or budget put to its meeting (会议审议通过了《…会议议程(草案)》, 围绕《2022年…工作计划》进行了讨论):
# a meeting's paper, no policy (the dev gold: 4 of 5 such plans unmarked); one issued (印发《…工作要点》) stays a policy
MEETING_PAPER = re.compile(r"(?:工作计划|议程|预算计划|财务预算|工作总结)(?:[(（]草案[)）])?$")
MEETING_PAPER_VERB = re.compile("审议|讨论|通过|围绕|商议")
# a five-year plan's period (“七五”计划, “十四五”规划): a plan of the state, no programme
FIVE_YEAR_PERIOD = "[一二三四五六七八九十]{1,2}五"
# the local societies, of a field or of all (地方造纸学会, 地方学会): see _pattern_candidates
LOCAL_SOCIETIES = re.compile(f"地方(?P<field>[{CJK}]{{2,4}}?)?(?:学会|协会)")
# verbs that introduce a programme name rather than belong to it
PROGRAMME_STOP = frozenset({"开展", "实施", "设立", "组织", "启动", "申报", "支持", "资助", "属于", "包括", "下设", "推进",
                            "参与", "承担", "承接", "获得", "获批", "入选", "纳入", "设置", "推动", "加强", "是", "即", "为"})
# priority on equal length: gazetteer names are trusted most
PRIORITY = {"gazetteer": 0, "nested": 1, "title": 2, "pattern": 3, "shape": 4}


@dataclass
class Candidate:
    start: int  # shadow offsets
    end: int
    label: str
    canonical: str
    generic: bool
    source: str
    aliases: tuple[str, ...] = ()
    nested: list["Candidate"] = field(default_factory=list)  # names inside this one

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class FoundMention:
    start: int  # original offsets
    end: int
    label: str
    canonical: str
    generic: bool
    source: str
    aliases: tuple[str, ...]
    nested: tuple[tuple[str, str, int, int, bool], ...]  # (label, canonical, start, end, generic) of names inside


def _gazetteer_candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    return [Candidate(h.start, h.end, h.entry.label, h.entry.canonical, h.entry.generic, "gazetteer",
                      h.entry.aliases) for h in gazetteer.find(text)
            if not (h.end - h.start <= 2 and starts_inside_a_word(text, h.start, h.end))
            and not (h.entry.label == "Branch" and text[h.end:h.end + 1] in ("场", "议"))  # 分会场, 分会议
            # 领导工作委员会: a name ending in a stop of name_parts.tsv (Branch stop) holds no branch
            and not (h.entry.label == "Branch" and text[max(0, h.end - 12):h.end].endswith(shape_finder().branch_stop))
            # 各地民政部门: the kind of department, not the ministry; 国家科学技术奖励: no award
            and not shape_finder().inside_longer_word(h.entry.label, text, h.surface, h.end)
            # 科普基地, 评价机构: the function word names a thing there
            and not (h.entry.label == "GovernmentFunction" and shape_finder().modifies_thing(text, h.end))]


# inside a name that opens with a known opening, words of any part of speech may stand (中国卒中学会,
# 国际焊接学会, 中国科学学与科技政策研究会), but not these: function words, and words of a sentence
ANCHORED_STOP_FLAGS = ("u", "c", "p", "r", "d", "y", "e", "o", "q", "m", "zg")
ANCHORED_NAME_WORDS = frozenset({"与", "及"})  # A与B研究会, 中国焊接及切割协会 (only inside one name: below)


def _anchored_start(text: str, suffix_start: int, max_len: int = 16, union: bool = False) -> int | None:
    """Where a society's name that ends at `suffix_start` starts when it opens with a known opening
    (中国, 国际, a province …): walk left over any words but function words, sentence verbs and other
    organisations, and start at the farthest opening reached. None when no opening is reached."""
    start = suffix_start
    while start > max(0, suffix_start - max_len) and NAME_CHARACTER.match(text[start - 1]):
        start -= 1
    words = window_words(text[start:suffix_start])
    offset, best = suffix_start, None
    for i, (word, flag) in enumerate(reversed(words)):
        if best is not None and (word in ANCHORED_NAME_WORDS or flag == "v"):
            break  # 中国人民银行及中国金融学会, 澳门特区有澳门创新发明协会, 山东科技大学邀请中国煤炭学会: the name's
            # opening is found, and a joiner or a verb before it belongs to the sentence
        if i == 0 and word == "工作" and text.startswith(WORK_SOCIETY_HEADS, suffix_start):
            offset -= len(word)  # 中国卫生健康思想政治工作促进会: a society of a field of work, opened by 中国
            continue
        if word not in ANCHORED_NAME_WORDS and (
                flag.startswith(ANCHORED_STOP_FLAGS) or word in STOP_WORDS or word in NOT_NAME_WORDS
                or re.search(f"会|院|部|厅|局|委|团体|{SOCIETY_SUFFIX}", word)  # …人士团体 + 中国旅美专家协会
                or ("科协" in word and not union)):  # 中国科协生命科学学会联合体: a union may be the association's
            break
        offset -= len(word)
        if word.startswith(NAME_OPENINGS + PROVINCES):
            best = offset
    return best


TRADE_WORDS = frozenset({"养殖", "种植", "养护", "栽培", "加工", "营销", "流通"})  # a rural trade's association


def _unopened_name(words: list, name: str, head: str) -> bool:
    """A name with no known opening and no place level: it opens with a place word (长江, 俄罗斯, 雄安),
    or — for a 协会, 研究会, 促进会 or 联合会, not a bare 学会, which a sentence often names by its
    kind (建设一流学会, 年度轮值学会) — it is long enough and all nouns (黄河文化研究会, 科技工作者协会)."""
    taken, nouns, first = 0, True, None
    for i, word in enumerate(reversed(words)):
        if taken >= len(name):
            break
        taken += len(word.word)
        trade = i == 0 and word.flag == "vn" and word.word in TRADE_WORDS and taken < len(name)  # 生猪 + 养殖协会
        nouns = nouns and (word.flag in UNOPENED_POS or word.word in AGE_WORDS or trade)
        first = word
    if first is not None and first.flag == "ns" and len(first.word) >= 2 and taken == len(name) \
            and (len(name) >= UNOPENED_NAME or len(name) > len(first.word)):  # 西安 + 医学会: a place and its field
        return True
    if head in UNIONS:  # a union of societies is named by its field alone: 农业学会联合体, 军民融合学会联合体
        return all(w.flag in UNOPENED_POS + ("l", "vn") for w in words[len(words) - _word_count(words, name):]) \
            and len(name) >= 2
    return head != "学会" and nouns and len(name) >= UNOPENED_NAME


def _word_count(words: list, name: str) -> int:
    """How many of the last `words` make up `name`."""
    taken = count = 0
    for word in reversed(words):
        if taken >= len(name):
            break
        taken += len(word.word)
        count += 1
    return count


def _place_word_start(words: list, name: str) -> int:
    """Where, in `name` (the last characters of `words`), the first word holding a place level starts."""
    offset = sum(len(w.word) for w in words) - len(name)  # where name starts in the words' text
    pos = 0
    for word in words:
        end = pos + len(word.word)
        if end > offset and re.search("[省市县区州]", word.word):
            glued = len(word.word) == 2 and word.word[0] in "和与及或的在驻经由从向"  # 和省, 驻省: segmenter glue
            return max(pos + glued, offset) - offset
        pos = end
    return 0


def _left_boundary(text: str, suffix_start: int, max_len: int = 16, require_opening: bool = True,
                   pos: tuple[str, ...] = NAME_POS, stop: frozenset[str] = frozenset(), head: str = "") -> int | None:
    """Where a name ending in a suffix at `suffix_start` starts: walk left over the words (jieba,
    with part of speech) while they can be part of a name; a known opening (中国, 山东 …)
    inside the accepted words starts the name."""
    start = suffix_start
    while start > max(0, suffix_start - max_len) and NAME_CHARACTER.match(text[start - 1]):
        start -= 1
    window = text[start:suffix_start]
    if len(window) < 2:
        return None
    words = list(pos_tokenizer().cut(window))
    accepted = 0
    for i, word in enumerate(reversed(words)):
        if LIST_JOINER.match(word.word) and len(word.word) > 1:  # 和省农学会: the segmenter's 和省 is a
            accepted += len(word.word) - 1                       # list's joiner and a level, not a place
            break
        glued = GLUED_LIST.fullmatch(word.word)
        if glued:  # 区教科局和区科协: the segmenter's 局和区 is the end of one body, a joiner and the next one's level
            accepted += len(glued.group(1))
            break
        if preposition_on_level(word.word, "省市县区州"):
            accepted += 1  # 先由区科协, 同省老科协: the level alone
            break
        if word.word not in AGE_WORDS and (word.word in NOT_NAME_WORDS or word.word in stop
                                           or not word.flag.startswith(pos)) \
                and not (i == 0 and _field_verb(words, word, stop)):
            break
        if ends_in_a_verb(word.word):
            break  # 大力支持 + 老科协: a phrase ending in a verb, whatever the segmenter tags it
        if head and i > 0 and word.word == "团体":
            break  # …科技专业人士团体 + 中国旅美专家协会: a description of the body before its name
        accepted += len(word.word)
    name = window[len(window) - accepted:]
    openings = [name.find(o) for o in NAME_OPENINGS + PROVINCES if o in name] if require_opening else []
    if openings:
        name = name[min(openings):]
    elif require_opening and re.search("[省市县区州]", name):
        name = name[_place_word_start(words, name):]  # 职能交由省级学会: the name starts at its place word
    elif require_opening and not _unopened_name(words, name, head):
        return None  # without a known opening or a place, a phrase such as 调整协会 is no name
    begin = after_date(text, suffix_start - len(name))  # 2018年度中国老科协: the date's tail opens no name
    if suffix_start - begin < 2:
        return None
    if begin and _society_scope().fullmatch(text, begin - 1, begin + 1):  # 各市州林学会: 市州 is one scope word
        begin -= 1
    if begin and text[begin] in "省市县区州":
        masked = PLACEHOLDER.search(text, max(0, begin - 4), begin)
        if masked:  # X州市科普创作协会, xx县医学会: a place masked or left to fill in, a place all the same
            begin = masked.start()
        elif begin == start and re.match(f"[{CJK}]", text[begin - 1]):  # the window cut a long name inside its place
            begin = shape_finder().place_start(text, begin + 1)  # (泸定 + 县德威乡奎武村…专业技术协会)
    return begin


def _place_opening(word: str) -> bool:
    return bool(PLACE_PREFIX.fullmatch(word) or LEVEL_ONLY.fullmatch(word)) and word not in NOT_NAME_WORDS \
        and not word.startswith(("全", "各", "本"))


def _verb_field_start(text: str, suffix_start: int, max_len: int = 14) -> int | None:
    """Where a society's name starts when its field ends in a verb or an adverb to the segmenter (江豚 + 保护协会,
    地质灾害 + 防治协会, 中西医 + 结合学会, 科普 + 促进协会, 中国 + 仿真学会): the field's nouns, at most three words,
    opened by a place with its level (岳阳市, 省, 区) or 中国/中华 — no sentence verb (推进, 表彰, 成立 …: name_parts.tsv
    Any stop_word), and a bare level (省, 市) only before a noun of the field (省 + 指导 + 学会 is a sentence)."""
    start = suffix_start
    while start > max(0, suffix_start - max_len) and CJK_CHARACTER.match(text[start - 1]):
        start -= 1
    words = list(pos_tokenizer().cut(text[start:suffix_start]))
    if len(words) < 2:
        return None
    verb = words[-1]
    if len(verb.word) < 2 or not verb.flag.startswith(("v", "d")) or verb.flag == "vn" \
            or verb.word in STOP_WORDS or verb.word in NOT_NAME_WORDS:
        return None
    taken = len(verb.word)
    nouns = 0
    rest = list(reversed(words[:-1]))
    for i, word in enumerate(rest):
        if _place_opening(word.word):
            if not nouns and (len(word.word) == 1 or word.word not in ("中国", "中华")):
                return None
            if _ORGANISATION_WORD.search(text, suffix_start - taken, suffix_start - len(verb.word)):
                return None  # 岳阳市政府大力 + 扶持协会: a body and a sentence, no field
            taken += len(word.word)
            for before in rest[i + 1:]:  # 贵港市 + 港北区 + 雨生现代农业种植协会: every place word of the opening
                if not _place_opening(before.word) or len(before.word) == 1:
                    break
                taken += len(before.word)
            return suffix_start - taken
        if nouns == 3 or len(word.word) < 2 or not word.flag.startswith(("n", "j", "l", "vn")) \
                or word.word in NOT_NAME_WORDS or word.word in STOP_WORDS:
            return None
        nouns += 1
        taken += len(word.word)
    return None


def _field_verb(words: list, word, stop: frozenset[str]) -> bool:
    """A society's field that the segmenter calls a verb, right after a level (省输血协会, 市烹饪协会, 省铸造学会):
    two characters, no sentence verb (市举办学会, 县成立协会 are sentences), a level or a place ending in one before it."""
    if len(word.word) != 2 or not word.flag.startswith("v") or word.word in STOP_WORDS or word.word in stop \
            or word.word in NOT_NAME_WORDS or len(words) < 2:
        return False
    level = words[-2].word
    return re.fullmatch(f"[{CJK}]{{0,4}}[省市县区州]", level) is not None


# a place at the start of a name: a province's short name (新疆, 湖南省), or a name and its level (常州市)
PLACE_OPENING = (f"(?:{'|'.join(PROVINCES)})(?:省|市|自治区|维吾尔自治区|壮族自治区|回族自治区)?|"
                 f"[{CJK}]{{1,5}}?(?:省|自治区|市|县|区|州)")
# the place a society's name opens with (中国, 湖南省, 常州市, 新疆)
PLACE_PREFIX = re.compile(f"中国|中华|{PLACE_OPENING}")
# a list's joiner glued by the segmenter to the level word after it (和省, 与市)
LIST_JOINER = re.compile("[和与及或](?=[省市县区州全各])")
# the segmenter's 局和区, 徐芝文和省: a body's or a name's end, a joiner, and the next item's level
GLUED_LIST = re.compile(f"(?:[{CJK}]{{2,}}?|[{CJK}]*?[局委厅办会部])[和与及或]((?:{LEVEL_ONLY.pattern}))")


# a field joined by 和 inside a society's name, after its opening (中国 + 石油和 + 化学工业联合会, 国际 + 防痨和 + 肺病联合会,
# 市 + 中医药和 + 中西医结合学会): the opening and at most six characters of no organisation's word before the 和
_JOINED_FIELD = re.compile(f"(?:中国|中华|国际|世界|{PLACE_OPENING}|[省市县区])([{CJK}]{{1,6}})和$")
_ORGANISATION_WORD = re.compile("会|协|部|厅|局|委|院|所|校|中心|办|团|站|社|府|行|公司|集团|大学")  # 区政府和…协会: two


def _joined_field_start(text: str, begin: int, suffix_start: int) -> int:
    """Where a society's name starts when its walk stopped right after a 和 that joins two fields of it, not two
    names (中国化学会和省农学会 stays two: the second opens with a level, or the first holds an organisation's word)."""
    right = text[begin:suffix_start]
    if begin < 2 or text[begin - 1] != "和" or text[begin - 2] == "共" \
            or re.match(f"[省市县区州]|{'|'.join(PROVINCES)}", right) or _ORGANISATION_WORD.search(right) \
            or any(w in STOP_WORDS for w, _ in window_words(right)):  # 共和国民政部是本 + 协会: a sentence
        return begin
    best = begin
    for start in range(begin - 2, max(0, begin - 12) - 1, -1):  # the farthest opening that keeps one name
        m = _JOINED_FIELD.fullmatch(text, start, begin)
        if m is None or _ORGANISATION_WORD.search(m.group(0)) or re.search("[与及或的、，,]", m.group(0)) or any(
                w in STOP_WORDS or f.startswith(("v", "p", "c", "d", "r", "u")) and f != "vn" and len(w) > 1
                for w, f in window_words(m.group(1))) or word_across(text, start) is not None \
                or any(f.startswith(("p", "c", "u")) for _, f in window_words(text[start:begin - 1])):
            continue  # the tail of a word (会 + 议由…) or a preposition (由 + 市林业和园林学会) opens no name
        best = start
    return best


@cache
def _quoted_honour() -> re.Pattern[str]:
    """A quoted honorary title (seed_data/rules/name_parts.tsv, TalentProgram honour), with or without a modifier."""
    heads = name_parts().alternation("TalentProgram", "honour") or "(?!)"
    return re.compile(f"[“\"]([{CJK}]{{0,10}}(?:{heads}))[”\"]")


@cache
def _honour_titles() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Honorary titles opened by an honour word (seed_data/rules/name_parts.tsv, TalentProgram honour_word):
    quoted (“省科协明星学会”), or in a list after an award's verb (表彰先进学会和优秀学会干部); and the words
    that say a sentence gives honours (honour_context)."""
    words = name_parts().alternation("TalentProgram", "honour_word") or "(?!)"
    context = name_parts().alternation("TalentProgram", "honour_context") or "(?!)"
    # 吉林好人·最美科技工作者; 「…優秀專科分會」: a page in traditional script quotes with corner brackets
    quoted = re.compile(f"[“\"「]([{CJK}0-9·]{{0,20}}?(?:{words})[{CJK}·]{{1,10}})[”\"」]")
    # any quoted name the title's word follows (“2011年中国纺织学术带头人”荣誉称号, “二星级学会”称号): 44 of 44 dev
    # uses marked so (the round and scope stripped as for the others)
    titled = re.compile(f"[“\"「]([{CJK}0-9·]{{2,30}})[”\"」](?=(?:荣誉|光荣)?称号)")
    item = re.compile(rf"(?:{words})[{CJK}]{{1,12}}?(?=以及|[、和及与等，,。；;：:（(“”\"\s\d的]|名单|称号|表彰|评选|推荐|颁|荣誉|予以|给予|进行|各|$)")
    return quoted, item, re.compile(context), titled


# the verb that gives an honour right before its title, with the title's round (被评为第四届 + 全国优秀科技工作者)
GIVING_VERBS = "评为|获评|荣获|荣膺|获得|授予"  # the verbs that give an honour or a model title right before it
HONOUR_GIVEN = re.compile(f"(?:{GIVING_VERBS}|当选为|评选为)了?(?:{ORDINAL}[届批]|首届|(?:19|20)\\d{{2}}年度?)?$")


HONOUR_TITLE_END = re.compile("(?:集体|个人|单位|工作者|人物|专家|教师|辅导员|学会|协会|科技社团|组织|社区|基地|站|县|市|区|乡镇|村|"
                              "活动|作品|论文|团队|成果|企业|学校|场馆|示范点)$")


def _in_brackets(text: str, begin: int, at: int) -> bool:
    """`at` stands inside round brackets opened after `begin` (…基地38个(荥阳市…科普示范基地等): an example, no title)."""
    opened = max(text.rfind("(", begin, at), text.rfind("（", begin, at))
    if opened < 0 or max(text.rfind(")", opened, at), text.rfind("）", opened, at)) >= 0:
        return False
    closed = min((i for i in (text.find(")", at), text.find("）", at)) if i >= 0), default=len(text))
    return not re.search(COUNT, text[opened:closed])  # （其中优秀学会10个、…）: a sub-list of honours, each counted


def _named_after_round(award: str) -> bool:
    """A society's award whose round stands between the society and a name of its own (第十一届 + 张钰哲奖), not a
    category every award system has (第三届 + 科学技术奖一等奖, 第三届 + 杰出贡献奖: the society's award, held whole)."""
    m = re.search(f"{ORDINAL}届", award)
    if not m:
        return False
    rest = re.sub("(?:基金)$", "", award[m.end():])
    kinds = set(name_parts().get("TalentProgram", "category")) | set(name_parts().get("TalentProgram", "generic"))
    return rest not in kinds | {"科学技术奖", "科技奖", "奖"}


HEADING_NUMBER = r"\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、．.])\s*"  # 一、 （二） 3.


def _honour_candidates(text: str) -> list[Candidate]:
    """Honorary titles in a sentence that gives honours: every quoted one that an honour word opens
    (“2022年度扬州市科协学会工作综合先进单位”: the year stays out), and lists of two or more unquoted
    ones, each opened by an honour word (先进基层党组织10个、优秀共产党员12名); and every quoted use, anywhere,
    of a quoted title found so (向获选的“云岭最美科技人”学习)."""
    quoted, item, context, titled = _honour_titles()
    out: list[Candidate] = []
    for sentence in re.finditer(r"[^。！？!?\n]+", text):
        if not context.search(sentence.group(0)):
            continue
        taken: list[tuple[int, int]] = []
        found = {m.start(): m for m in quoted.finditer(text, sentence.start(), sentence.end())}
        found.update({m.start(): m for m in titled.finditer(text, sentence.start(), sentence.end())
                      if m.start() not in found})
        for m in (found[at] for at in sorted(found)):
            for first, last in _quoted_pair(text, m.start(1), m.end(1)):
                begin = first
                edition = EDITION.match(text[begin:last])
                if edition:
                    begin += edition.end()
                begin = after_scope(text, begin, last)  # “全省综合示范学会一等奖”: the province's round, not the title
                grade = AWARD_THEN_GRADE.search(text, begin + 3, last)  # “…优秀科普作品奖优秀奖”: the award, not its grade
                last = grade.start() + 1 if grade else last
                if last - begin >= 4:
                    out.append(Candidate(begin, last, "TalentProgram", text[begin:last], False, "pattern"))
                    taken.append((m.start(), m.end()))
        items = [(m.start(), _honour_item_end(text, m.start(), m.end()))
                 for m in item.finditer(text, sentence.start(), sentence.end())
                 if not any(a <= m.start() < b for a, b in taken) and not _in_brackets(text, sentence.start(), m.start())]
        # one of a list: joined to a neighbour by 、 和 及 与 (or a count: 先进基层党组织10个、优秀共产党员12名;
        # the next edition: 第九届A和第八届B), or one title before 称号
        starts = [_honour_place(text, first) for first, _ in items]
        for i in range(1, len(items)):  # 、学术交流 + 先进单位: the next item's field, right after the joiner
            field = _listed_field(text, items[i - 1][1], starts[i])
            if field is not None:
                starts[i] = after_scope(text, field, items[i][1])  # 、全省 + 科协系统先进工作者: the scope stays out
        joined = {i for i, (a, b) in enumerate(zip(items, items[1:]))
                  if re.fullmatch(f"(?:(?:{COUNT})?(?:以及|[、和及与])(?:{COUNT})?|{COUNT}(?:[（(][^（）()]{{0,30}}[)）])?[，,；;、])\\s*"
                                  f"(?:{ORDINAL}[届批])?(?:{'|'.join(PROVINCES)}|全省|全市|全区|全县)?",
                                  text[a[1]:starts[i + 1]])}  # …先进集体和江苏 + 优秀期刊奖: a province before the next;
        # 先进农村专业技术协会33个(登封市养蜂协会等),先进农村科普示范基地38个: each with its count, its examples in brackets
        for i, (first, last) in enumerate(items):
            given = HONOUR_GIVEN.search(text, max(0, starts[i] - 14), starts[i]) \
                and HONOUR_TITLE_END.search(text, starts[i], last)  # 被评为第四届 + 全国优秀科技工作者 (not 优秀等次)
            # a named place's title in a sentence of honours (评选 + 扬州市优秀科技工作者; not 我省 + 优秀科技工作者)
            placed = starts[i] < _honour_field(text, first) and HONOUR_TITLE_END.search(text, starts[i], last)
            # 先进集体名单, 优秀人才获奖者名单: the list of those honoured
            listed = re.match(f"(?:{WINNER_WORDS})?等?的?(?:称号|名单)", text[last:last + 8])  # …工作者的称号
            if (i in joined or i - 1 in joined or listed or given or placed) \
                    and last - first >= 4:
                out.append(Candidate(starts[i], last, "TalentProgram", text[starts[i]:last], False, "pattern"))
    if context.search(text):  # a list of those honoured, under its honours' headings (一、先进集体（3个）)
        words = name_parts().alternation("TalentProgram", "honour_word") or "(?!)"
        heading = rf"(?m)^{HEADING_NUMBER}((?:{words})[{CJK}]{{0,12}}?)(?:[（(][^（）()\n]{{0,12}}[)）])?[：:]?\s*$"
        for m in re.finditer(heading, text):
            if HONOUR_TITLE_END.search(m.group(1)) and len(m.group(1)) >= 4:
                out.append(Candidate(m.start(1), m.end(1), "TalentProgram", m.group(1), False, "pattern"))
    titles = {c.canonical for c in out if text[c.start - 1:c.start] in ("“", '"') and text[c.end:c.end + 1] in ("”", '"')}
    return out + _every_quoted_use(text, titles)  # a quoted title found once is that honour wherever it is quoted


# a model title (全国科普示范县, 福建省科普示范基地, 省级示范学会) right after a verb that gives or seeks it: the gold marks
# 29 of 32 so placed; elsewhere (济源示范区, 示范点名单) a place or a kind
MODEL_TITLE = re.compile(f"(?:{GIVING_VERBS}|争创|创建|创成|命名为|认定为|入选|成为)了?"
                         f"(?![一二三四五六七八九十两几这那每该][个批家所])"  # 成为一个示范点: a kind, no title
                         f"((?:(?![的和与及])[{CJK}0-9—－-]){{0,18}}?示范(?:县|区|市|城市|社区|基地|学会|单位|点|乡镇|村|学校|站|企业|园区))"
                         f"(?![{CJK}]*(?:建设|工作|创建|管理|办法|方案))")
MODEL_ROUND = re.compile(f"{ORDINAL}[届批]|首批|(?:19|20)\\d{{2}}年度?|本周期|该周期|本届|该届")


def _model_titles(text: str) -> list[Candidate]:
    """Model titles right after the verb that gives or seeks them, without their round or scope."""
    out = []
    for m in MODEL_TITLE.finditer(text):
        begin = m.start(1)
        rounds = list(MODEL_ROUND.finditer(text, begin, m.end(1)))  # 该周期第二批 + 全国…, 2024年度 + …: the round
        begin = after_scope(text, rounds[-1].end() if rounds else begin, m.end(1))  # 全省 + 科普示范县
        if m.end(1) - begin >= 4 and not re.search(r"\d", text[begin:m.end(1)]):
            out.append(Candidate(begin, m.end(1), "TalentProgram", text[begin:m.end(1)], False, "pattern"))
    return out


def _listed_field(text: str, after: int, begin: int) -> int | None:
    """Where the work an honour is given for starts when it stands between a list's joiner and the honour's word
    (…先进单位、学术交流 + 先进单位): two to six characters of nouns right after the joiner; None if not so."""
    m = re.fullmatch(f"(?:{COUNT})?[、和及与]\\s*([{CJK}]{{2,6}})", text[after:begin])
    if m is None:
        return None
    words = window_words(m.group(1))
    if words and all(flag in ("n", "vn", "nz", "j") and word not in STOP_WORDS for word, flag in words):
        return after + m.start(1)
    return None


def _quoted_pair(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """A quote holding two honours joined by 和, 及 or 与, the second opened by an honour word
    (“团风县科普工作先进单位和优秀科技志愿者”): two titles; otherwise the quote's one."""
    words = name_parts().alternation("TalentProgram", "honour_word") or "(?!)"
    joiner = re.compile(f"[和及与、](?={words})").search(text, begin + 4, end)
    if joiner and joiner.start() - begin >= 4 and end - joiner.end() >= 4:
        return [(begin, joiner.start()), (joiner.end(), end)]
    return [(begin, end)]


def _honour_item_end(text: str, begin: int, end: int) -> int:
    """Where an unquoted honour found up to the next stop ends: at its title (先进工作者) when the words after
    it hold no title's word (先进工作者 + 谦虚谨慎, 先进集体 + 当作榜样: the sentence goes on)."""
    winners = WINNERS.search(text, begin, end)
    if winners and winners.start() - begin >= 4:  # 优秀学术论文 + 获奖人员: those who won it, not the title
        end = winners.start()
    titles = name_parts().alternation("TalentProgram", "honour") or "(?!)"
    title = re.compile(titles).search(text, begin, end)
    if title and title.end() < end and not re.search(HONOUR_TAIL, text[title.end():end]):
        return title.end()
    return end


WINNER_WORDS = "获奖者|获得者|获奖人员|获奖人|获奖单位"  # after a title: those who won it
WINNERS = re.compile(f"(?:{WINNER_WORDS})$")
HONOUR_TAIL = "奖|章|称号|集体|单位|个人|者|员|团队|人物|组织|社区|学会|协会|基地|标兵|模范|之星"  # words a longer title ends with


def _honour_place(text: str, begin: int) -> int:
    """The place an unquoted honorary title opens with (徐州市 + 先进科普社区, 全国 + 优秀科技工作者), if any: a
    province, a city or a county, never the recipient named right after the verb (授予城南社区先进单位称号); and
    the work it honours, before it (全国 + 科普工作 + 先进集体, 学会 + 决策咨询工作 + 先进单位)."""
    begin = _honour_field(text, begin)
    system = text.endswith("科协系统", 0, begin)  # 上海市 + 科协系统 + 先进集体标兵: the system the title is given in
    begin -= 4 if system else 0
    if text.endswith("全国", 0, begin):
        return begin - 2
    if system:  # its place, a bare level too (省科协系统先进集体: the gold keeps 省)
        start = shape_finder().place_start(text, begin)
        start = begin if text[start] == "全" else start  # 全省 + 科协系统先进集体: a scope stays out (as 全省…奖)
        return begin if text.endswith(HONOUR_VERBS, 0, start) else start
    start = shape_finder().place_start(text, begin)
    if start == begin or LEVEL_ONLY.fullmatch(text, start, begin) or text[begin - 1] not in "省市县州" \
            or text.endswith(HONOUR_VERBS, 0, start):
        return begin
    return start


HONOUR_VERBS = ("授予", "命名", "给予", "评为", "获评")  # the recipient follows these, before its title
FIELD_NOT_OPENING = "了的和与及在对为度"  # particles and joiners: a field never opens with one
HONOUR_FIELD_AFTER = re.compile(r"(?:^|[\s、，,。；：:“\"（(]|\d[.．、]|\d年度?|全国|的|和|及|与|了|表彰|获得|荣获|获|评为|获评|授予|学会|协会|科协|分会)$")


def _honour_field(text: str, begin: int) -> int:
    """The work an honour is given for, said right before its honour word (科普工作 + 先进集体, 决策咨询工作 +
    先进单位): two to four characters and 工作, after a stop, a verb that gives honours, 全国, a place or the
    body that gives it."""
    if not text.endswith("工作", 0, begin):
        return begin
    for size in (4, 3, 2, 5, 6):  # the shortest field after a stop; a long one only where no short one is
        start = begin - 2 - size
        if start < 0 or not re.fullmatch(f"[{CJK}]{{{size}}}", text[start:begin - 2]) or (
                text[start] in "省市县区州" and shape_finder().place_start(text, start + 1) < start):
            continue  # 江苏 + 省科普 is no field: 省 ends the place (江苏省 + 科普工作 + 先进集体)
        if text[start] in FIELD_NOT_OPENING:
            continue  # 表彰了 + 科普工作: a particle of the sentence, no field's first character
        field = text[start:begin - 2]
        if size > 4 and (re.search("[省市县区州]", field) or not all(
                flag in ("n", "vn", "nz", "j") and word not in STOP_WORDS for word, flag in window_words(field))):
            continue  # 江苏省科普, 评为农村科普 + 工作: a long field is nouns, never a place (全民科学素质 + 工作)
        if HONOUR_FIELD_AFTER.search(text[max(0, start - 4):start]) \
                or shape_finder().place_start(text, start) < start:
            return start
    return begin


def _every_quoted_use(text: str, names: set[str]) -> list[Candidate]:
    """Every quoted use of names found quoted as programmes (a brand, an honour): the programme there too."""
    return [Candidate(m.start(1), m.end(1), "TalentProgram", name, False, "pattern")
            for name in sorted(names) for m in re.finditer(f"[“\"]({re.escape(name)})[”\"]", text)]


@cache
def _level_offices() -> re.Pattern[str]:
    """The Youth League's committee of a level and a level's offices, named by the level alone: 团市委, 市文明办,
    省文明委, 省人才办, 市纪委 (kinds; the offices of a Party committee's departments are name_parts.tsv Agency committee_department)."""
    offices = "|".join(["文明办", "文明委", "纪委监委", "纪委"] + [re.escape(o) for o in name_parts().get("Agency", "committee_department")
                                     if o.endswith("办")])
    # and any office of a level's committee named by two characters and 办 (市委创先办, 区委巡察办, 市委党建办), not a
    # verb that ends in 办 (市委主办, 县委举办, 区委督办)
    office = f"[{CJK}](?![主举承协督创开代合查交转兴包置采筹买])[{CJK}]办(?![公法事理])"
    return re.compile(f"团(?:省|市|县|区|州)委|(?:省|市|县|区|州|中央)(?:{offices})|(?:省|市|县|区|州)委{office}")


@cache
def _quoted_brand() -> re.Pattern[str]:
    """A quoted name right before a word that says it brands a programme (seed_data/rules/name_parts.tsv,
    TalentProgram brand_next): “科创中国”试点城市; before a word that does so when the name holds a programme's cue
    (brand_next_cued): “协同创新助力东北老工业基地振兴”项目."""
    after = name_parts().alternation("TalentProgram", "brand_next") or "(?!)"
    cued = name_parts().alternation("TalentProgram", "brand_next_cued") or "(?!)"
    cue = name_parts().alternation("TalentProgram", "programme_cue") or "(?!)"
    return re.compile(f"“([{CJK}]{{2,16}})”(?:{after})|“([{CJK}]{{0,14}}(?:{cue})[{CJK}]{{0,14}})”(?:{cued})")


@cache
def _society_scope() -> re.Pattern[str]:
    """Scope and sector words (seed_data/rules/name_parts.tsv, Society scope): a name of these alone is a kind."""
    words = sorted(name_parts().get("Society", "scope"), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, words))})+" if words else "(?!)")


@cache
def _grade_before() -> re.Pattern[str]:
    """One grade or reach right before a position (seed_data/rules/name_parts.tsv, Society grade), matched backwards."""
    grades = sorted(name_parts().get("Society", "grade"), key=len, reverse=True)
    return re.compile("|".join(re.escape(g[::-1]) for g in grades) or "(?!)")


def _graded_kinds(text: str) -> list[tuple[int, int]]:
    """科技社团 after its grades or reach: 中国特色世界一流科技社团 (walked leftwards from 科技社团, so the time is
    linear in the text however many grades stand in a row)."""
    out = []
    for m in re.finditer("科技社团", text):
        begin = m.start()
        while (g := _grade_before().match(text[max(0, begin - 8):begin][::-1])) is not None:
            begin -= len(g.group(0))
        if begin < m.start():
            out.append((begin, m.end()))
    return out


PARTY_COMMITTEE_FULL_NAME = re.compile(
    f"中共(?P<owner>[{CJK}]{{2,16}}?(?P<kind>社会组织|社团|科协|科学技术协会|工作者协会|学院|大学|学会|协会|研究会|机关|医院|研究所|研究院))"
    f"(?:(?:临时|功能型|联合)?(?:支部|总支)(?:委员会)?|"  # 中共温州老年病医院支部: a branch's full name may stop there
    f"(?:科技社团|机关总支|联合|综合|第[一二三四五六七八九十\\d]+(?:联合|综合)?)?委员会)")
OWNER_LABELS = {"科协": "Agency", "科学技术协会": "Agency", "学院": "Institution", "大学": "Institution", "医院": "Institution",
                "研究所": "Institution", "研究院": "Institution", "学会": "Society",
                "协会": "Society", "研究会": "Society", "工作者协会": "Society"}  # 社会组织, 社团, 机关: a kind, no owner
SOCIETY_ALTERNATIVES = re.compile(r"学[（(〔]协(?:、研究)?[）)〕]会|协[（(〔]学[）)〕]会")  # not 学会（协会、研究会）: the gold
# marks 学会 alone there (29 of 30 in dev)


def _kind_of_society(modifier: str) -> bool:
    """A society's name that names a kind of society: scope words alone (全省性行业协会商会), a bare
    level (省医学会, 市电子学会), a grade (江苏省级学会, 世界一流学会), or a province alone (江苏学会, 江苏省学会)."""
    return (bool(_society_scope().fullmatch(modifier)) or modifier[:1] in ("省", "市", "县", "州", "区")
            or modifier.endswith(("级", "性", "一流")) or modifier in PROVINCES
            or (modifier[:-1] in PROVINCES and modifier[-1:] in ("省", "市")))  # 江苏省学会: a province's societies


def _scope_start(text: str, suffix_start: int) -> int | None:
    """The start of a run of scope words that ends at `suffix_start` (全省性行业), or None."""
    for begin in range(max(0, suffix_start - 8), suffix_start):
        if _society_scope().fullmatch(text, begin, suffix_start):
            return begin
    return None


# a list of three or more societies named by their fields alone (农学会、林学会、医药学会、教育学会(自然科学)):
# a county's or a city's own societies as a yearbook or a gazetteer lists them
_FIELD_ITEM = f"[{CJK}]{{1,8}}?(?:学会|协会|研究会)(?:[（(][{CJK}]{{1,8}}[）)])?"
# the last item may follow 和/及/与 (…、消防协会、农学会和中国可持续发展研究会)
FIELD_LIST = re.compile(f"(?<=[：:、，,\n])(?:{_FIELD_ITEM}、){{2,}}{_FIELD_ITEM}"
                        f"(?:(?=[，,。；;、\n等]|$)|[和及与]{_FIELD_ITEM}(?!会))")
# … or two or more after a society named with its place (兴安盟气象学会、珠算学会、医学会等)
FIELD_LIST_AFTER_NAME = re.compile(f"(?<=学会、|协会、)(?:{_FIELD_ITEM}、)+{_FIELD_ITEM}(?=[，,。；;\n等]|$)")
_FIELD_ITEM_NAME = re.compile(f"[{CJK}]{{1,8}}?(?:学会|协会|研究会)")


def _field_list_candidates(text: str) -> list[Candidate]:
    """The items of a list of societies named by field alone, each a Society of the kind its field names (generic,
    as 市林学会 is). No item holds a word that is no name's (各学会, 有关协会); an item that opens with a place or a
    level (中国自动化学会、航空学会、煤炭学会; 市粮食经济研究学会、水利水电学会) is left to the rules for named
    societies, and the rest of the list still counts when two or more items are named by field alone."""
    out: list[Candidate] = []
    for run in [*FIELD_LIST.finditer(text), *FIELD_LIST_AFTER_NAME.finditer(text)]:
        items = [(m.start() + (text[m.start()] in "和及与"), m.end())  # the joiner before the last item
                 for m in _FIELD_ITEM_NAME.finditer(text, run.start(), run.end())]
        bare = [(a, b) for a, b in items if not _placed_item(text, a, b)]
        if len(bare) < 2 or any(_sentence_word(text[a:b]) for a, b in bare):
            continue
        out += [Candidate(a, b, "Society", text[a:b], True, "pattern") for a, b in bare]
    return out


def _sentence_word(item: str) -> bool:
    """A list's item holds a word of the sentence before its head (各学会, 有关协会: no field)."""
    return any(w in NOT_NAME_WORDS or f.startswith(("v", "d", "p", "u", "r", "c", "m")) and f != "vn"
               for w, f in window_words(item)[:-1])


def _placed_item(text: str, begin: int, end: int) -> bool:
    return bool(PLACE_PREFIX.match(text, begin, end) or LEVEL_ONLY.match(text, begin, end)
                or text.startswith(("中国", "中华"), begin))


# an acronym in capitals is a society's when a society's office, body or member follows it (ISPRS主席, WFEO执委, IUPAC理事会,
# IEEE会士) or a society is joined (加入ISPRS): then every use of it in the text
ACRONYM = r"(?<![A-Za-z0-9\-])[A-Z]{3,8}(?![A-Za-z0-9\-])"  # not WFEO-CHINA (its national committee)
ACRONYM_ROLE = re.compile(f"({ACRONYM})(?=(?:副?主席|候任主席|副?理事长|副?秘书长|执委|执行局|常务理事|理事会|理事|会员大会|"
                          f"会士|章程)(?![长单]))|(?<=加入)({ACRONYM})(?![A-Za-z])")  # not APP会员, APEC年会


def _acronym_societies(text: str) -> list[Candidate]:
    names = {m.group(1) or m.group(2) for m in ACRONYM_ROLE.finditer(text)}
    return [Candidate(m.start(), m.end(), "Society", m.group(0), False, "pattern")
            for name in sorted(names) for m in re.finditer(rf"(?<![A-Za-z0-9\-]){re.escape(name)}(?![A-Za-z0-9\-])", text)]


def _is_association(name: str) -> bool:
    return name.endswith(name_parts().get("Agency", "association"))


EMBASSY = re.compile(f"(?:中华人民共和国|中国)驻[{CJK}]{{1,12}}?(?:大使馆|总领事馆|总领馆|领事馆|使馆)"
                    "(?:(?:教育|科技|经商|文化)(?:处|组))?")


UNION = re.compile(f"(?:国际|世界|亚洲|亚太|欧洲|全球|(?:在[日美英法德韩澳]|旅[美欧日英法德加澳])(?=中国|华人|华侨|华裔))(?![化性])[{CJK}]{{2,12}}?联盟")


COMPANY_NAME_POS = tuple(p for p in SHAPE_NAME_POS if p != "t") + ("l", "d") + COMPANY_POS
VISIT_VERBS = frozenset({"指导", "调研", "走访", "慰问", "参观", "考察", "视察", "帮助", "联系"})  # nouns to the segmenter
ORGANISATION_BEFORE_COMPANY = re.compile("科协|协会|学会|党组|党委|政府|书记|领导")
COMPANY_WORD = re.compile("有限责任公司|股份有限公司|有限公司|公司|集团")
COMPANY_ASSOCIATION = re.compile(f"(?:{COMPANY_WORD.pattern})(?:企业)?(?:科学技术协会|科协)")


def _company_associations(text: str) -> list[Candidate]:
    """A company's association of scientists (企业科协) named with the company: the company's name, brand words of any
    kind (中国交通建设集团有限公司科学技术协会, 华润集团科协); the bare 公司科协 is the sentence's company, no name."""
    out = []
    for m in COMPANY_ASSOCIATION.finditer(text):
        # a one-character verb may stand in a brand (银通物 + 联), a sentence's verb of two stops it (指导 + 三一集团科协)
        begin = after_date(text, name_start(text, m.start(), max_len=20, pos=COMPANY_NAME_POS, short_verbs=True))
        organisation = list(ORGANISATION_BEFORE_COMPANY.finditer(text, begin, m.start()))
        if organisation:  # 省科协党组书记调研 + 华为公司科协: another body's name ends before the company's
            begin = organisation[-1].end()
        offset = begin
        for word, flag in window_words(text[begin:m.start()]):  # 拟将 + 昆山市…, 从中评出 + 中国石化…: the sentence's
            offset += len(word)                                   # words before the company's place or brand
            if flag.startswith("ns") or word.startswith(("中国", "中华")):
                begin = offset - len(word)
                break
            leading = offset - len(word) == begin  # a sentence's verb right before the company (调研 + 华为公司科协)
            if (len(word) == 1 and flag.startswith(("p", "c", "u", "d", "r", "v"))) or word in STOP_WORDS \
                    or (leading and (flag in ("v", "vn") and len(word) >= 2 or word in VISIT_VERBS)):
                begin = offset  # 筹备工作小组就 + 公司科协, 调研 + 华为公司科协
        if m.start() > begin \
                and not re.search("[的和与及、]", text[begin:m.start()]):
            out.append(Candidate(begin, m.end(), "Agency", text[begin:m.end()], False, "pattern"))
    return out


def _place_word_associations(text: str) -> list[Candidate]:
    """A 科协 named by its place without the place's level (凉山科协, 夷陵科协, 湖南衡阳科协): the place words the
    segmenter knows (ns), two characters or more each, right before 科协, after no other name character."""
    out = []
    for m in re.finditer("科协(?!会)", text):
        words = window_words(text[max(0, m.start() - 8):m.start()])
        size, before = 0, ("", "x")
        for word, flag in reversed(words):
            if not (flag.startswith("ns") and len(word) >= 2) or word[-1] in "省市县区州":  # a level: place_start's
                before = (word, flag)
                break
            if word.endswith("中国") and len(word) > 2:
                break  # 符合中国 + 科协: the segmenter's place word holds a verb; 中国科协 is found as a name
            size += len(word)
        # the word before opens no longer name (市 + 凉山, 中国 + 凉山: a name of its own, found otherwise)
        if size and not (before[1].startswith(("n", "j", "l")) or (before[0] and before[0][-1] in "省市县区州")):
            out.append(Candidate(m.start() - size, m.end(), "Agency", text[m.start() - size:m.end()], False, "pattern"))
    return out


def _honour_title(text: str, begin: int, end: int) -> bool:
    """text[begin:end] opens, past a scope, with an honour word and is quoted or given as a title (“全省先进学会”称号,
    “省级示范学会”)."""
    words = name_parts().alternation("TalentProgram", "honour_word") or "(?!)"
    opened = re.match(words, text[after_scope(text, begin, end):end])
    return bool(opened) and (text[begin - 1:begin] in ("“", '"') or bool(re.match(r"[”\"]?等?称号", text[end:end + 4])))


# a place's award for the best papers or results of natural science (a 科协's, often without 奖: 宁夏自然科学优秀学术论文,
# 周口市自然科学优秀学术成果; dev gold: 46 marked, none of the shape left unmarked); an event's 优秀论文 is no award
ACADEMIC_PAPER_AWARD = re.compile("(?:(?:自然科学)?优秀学术(?:论文|成果)|自然科学优秀(?:论文|成果))(?!奖)")  # …成果奖: the award path


def _pattern_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = _place_word_associations(text)
    for m in re.finditer(f"(?:{SOCIETY_SUFFIX})(?![堂馆])(?<!大学会(?=[议场]))", text):  # 科学会堂 is a hall; 大学 + 会议室
        if m.group(0) == "协会" and text.endswith("科", 0, m.start()):
            continue  # 中国科协会同…, 中国科协会继续…: a 科协 before 会同/会 (will), no 协会
        union = m.group(0) in UNIONS  # 生命科学学会联合体: a field the segmenter calls a set phrase
        begin = _left_boundary(text, m.start(), head=m.group(0), pos=SOCIETY_NAME_POS + (("l",) if union else ()))
        if begin is None and m.group(0) == "联合会" and text.endswith("组织", 0, m.start()):
            begin = _left_boundary(text, m.start() - 2, head="组织联合会", pos=SOCIETY_NAME_POS)  # 世界工程组织联合会
        anchored = _anchored_start(text, m.start(), union=union)
        if anchored is not None and (begin is None or anchored < begin):
            begin = anchored
        end = m.end() + 2 if m.group(0) == "协会" and text.startswith("商会", m.end()) else m.end()  # 协会商会
        if GENERAL_SOCIETY.match(text, end):  # 中国旅美科技协会总会: the general society of its chapters
            end += 2
        if begin is None and not union:  # 岳阳市江豚保护协会, 中国仿真学会: a field ending in a verb
            begin = _verb_field_start(text, m.start())
        if begin is None:  # 行业协会, 市州学会: a kind named by scope words alone
            begin = _scope_start(text, m.start())
        joiner = text.rfind("和", max(0, m.start() - 8), m.start())
        if joiner >= 0 and (begin is None or begin > joiner) and re.fullmatch(f"[{CJK}]+", text[joiner + 1:m.start()]):
            joined = _joined_field_start(text, joiner + 1, m.start())  # 中国 + 石油和 + 化学工业联合会: one name
            begin = joined if joined <= joiner else begin
        # 中国科协指导学会 is no name, but a 学会联合体 may be the association's (中国科协信息科技学会联合体)
        inner = f"{SOCIETY_SUFFIX}" if union else f"科协|{SOCIETY_SUFFIX}"
        inner += "|厅|(?<!书)局"  # 江西省国土资源厅委托学会: a department (not a 书局) before the head is the sentence's agent
        if begin is not None and m.group(0) == "协会" and text.endswith("科技", 0, m.start()) \
                and begin < m.start() - 2 and shape_finder().place_start(text, m.start() - 2) == begin \
                and re.search(f"[省市县区州]$|{'|'.join(PROVINCES)}$", text[begin:m.start() - 2]):
            # 四川省科技协会, 全市科技协会: a place's 科协 called by a longer name, a body of the state
            out.append(Candidate(begin, end, "Agency", text[begin:end],
                                 bool(LEVEL_ONLY.fullmatch(text, begin, m.start() - 2)), "pattern"))
            continue
        if begin is not None and _honour_title(text, begin, end):
            continue  # “全省先进学会”称号: an honour a society is given, not a society (the honour's walk finds it)
        if begin is not None and not re.search(inner, text[begin:m.start()]) \
                and not _is_association(text[begin:end]):  # 重庆市社会科学界联合会 is a body of the state
            generic = _kind_of_society(text[begin:m.start()])
            out.append(Candidate(begin, end, "Society", text[begin:end], generic, "pattern"))
    # 国际妇产科联盟, 国际材料研究学会联盟, 在日中国科学技术者联盟: an international or overseas union of a field's people or
    # societies (not a domestic alliance of firms, 产业创新联盟, nor a quoted brand's, “一带一路”国际交通联盟)
    for m in UNION.finditer(text):
        field = window_words(m.group(0)[2:-2])  # the field's nouns only (not 首个数字经济, 科学院与亚洲科学理事会)
        if text[m.start() - 1:m.start()] not in ("”", '"') and not re.search("科技联盟$|组织|或|和|与|的", m.group(0)) \
                and not any(f.startswith(("v", "d", "p", "c", "u", "r", "m", "q", "a", "f")) and f != "vn" for _, f in field):
            out.append(Candidate(m.start(), m.end(), "Society", m.group(0), False, "pattern"))
    # 中国旅美科协, 中国旅美科协总会: overseas scientists' society
    for m in re.finditer(f"(?:中国)?旅[美欧日英德法加澳](?:华人|华裔)?科协(?:{GENERAL_SOCIETY.pattern})?", text):
        out.append(Candidate(m.start(), m.end(), "Society", m.group(0), False, "pattern"))
    # 中国老科协, 直属老科协: the retired scientists' association; 中国农技协, 基层农技协: the rural technical associations
    for m in re.finditer("老科协|农技协", text):
        if m.group(0) == "农技协":  # only a place or a scope before it: 中国农技协, 基层农技协 (not 大力培育农技协)
            begin = m.start() - 2 if text.endswith(("中国", "基层"), 0, m.start()) else shape_finder().place_start(text, m.start())
        else:  # a place or an opening starts the name (陆恂彦同志报告 + 县老科协: the sentence's words stay out)
            begin = _left_boundary(text, m.start(), head="协会", pos=SOCIETY_NAME_POS)
            if begin is not None and re.search("会|报告", text[begin:m.start()]):
                begin = None  # 向理事会报告 + 老科协: another body or a report is no place of the association
            if begin is None:  # 到 + 江津区 + 老科协: a place the name walk did not take (老 is no name's word to it)
                place = shape_finder().place_start(text, m.start())
                begin = place if place < m.start() - 1 and text[m.start() - 1] in "省市县区州旗" else None
            if begin is None:
                words = window_words(text[max(0, m.start() - 6):m.start()])
                owner = words[-1][0] if words and words[-1][1] in ("j", "nt") and len(words[-1][0]) >= 2 else ""
                if text.endswith(("基层", "各级", "直属"), 0, m.start()):
                    owner = text[m.start() - 2:m.start()]
                begin = m.start() - len(owner)  # 中科院 + 老科协: an institution's, named by its short name
            begin += 2 if text.startswith("中共", begin) else 0  # 中共绵竹市老科协委员会: the Party's, not the name
        if begin == m.start() and text.endswith("各级", 0, begin):
            begin -= 2  # 全国各级老科协: every level's, a kind (as 各级科协)
        elif begin == m.start():  # 省老科协, 本县老科协, 各县老科协: a level's, a kind
            level = re.search(f"(?:{LEVEL_ONLY.pattern})级?$", text[max(0, begin - 4):begin])  # 县级农技协 too
            begin -= len(level.group(0)) if level else 0
        # a kind when named by a level or a scope alone (全县农技协, 基层农技协, 各级老科协), one society otherwise
        generic = begin == m.start() or bool(re.fullmatch(f"(?:{LEVEL_ONLY.pattern})级?", text[begin:m.start()])) \
            or text[begin:m.start()] in ("基层", "各级", "直属")
        out.append(Candidate(begin, m.end(), "Society", text[begin:m.end()], generic, "pattern"))
    for m in re.finditer("(?<!老)(?:科学技术协会|科协)", text):
        begin = _left_boundary(text, m.start(), max_len=14, pos=PLACE_POS)  # 来宾市武宣县桐岭镇和睦村 + 科协
        if begin is None:  # 、镇街科协: levels alone, a kind
            level = re.search(f"(?:{LEVEL_ONLY.pattern})$", text[max(0, m.start() - 8):m.start()])
            begin = m.start() - len(level.group(0)) if level else None
        if begin is not None and m.start() - begin == 2 and text[begin] in PLACE_VERBS:
            begin += 1  # 审核后交市科协: a verb before a bare level
        if begin is not None and re.search(f"(省|市|县|州|盟|区|乡|镇|村|街道|镇街|社区|{'|'.join(PROVINCES)})(?:级)?$",
                                           text[begin:m.start()]) \
                and not re.search("科协|协会", text[begin:m.start()]):  # 湖北省科协网站市州科协 is two
            generic = bool(LEVEL_ONLY.fullmatch(text, begin, m.start()) or re.fullmatch(  # 全省科协, 市州科协,
                f"(?:{LEVEL_ONLY.pattern})级", text[begin:m.start()]))                # 村级科协: the kind
            out.append(Candidate(begin, m.end(), "Agency", text[begin:m.end()], generic, "pattern"))
    out += _company_associations(text)  # 安徽银通物联有限公司科学技术协会, 华润集团科协: a company's association
    # a state's embassy or consulate abroad and its sections: 中国驻休斯敦总领馆, 中国驻英国大使馆教育处
    for m in EMBASSY.finditer(text):
        out.append(Candidate(m.start(), m.end(), "Agency", m.group(0), False, "pattern"))
    # the grassroots associations, the one above, below or at the same level: kinds (as 各级科协)
    for m in re.finditer("(?:基层|上级|下级|同级)科协", text):
        out.append(Candidate(m.start(), m.end(), "Agency", m.group(0), True, "pattern"))
    # a level with its alternative in brackets is a kind: 市（州）科协, 县（区）委组织部, 区县（自治县）科协, a level after
    # the bracket too (区(市)县政府, 县（市）区科协) and a level's bureau (区(市)民政局)
    for m in re.finditer("[省市县区州乡镇]{1,2}[（(](?:自治[县州区旗]|[省市县区州乡镇办街道、]{1,4})[)）][县区市]?"
                         f"(?:科协|科学技术协会|委组织部|委宣传部|人民政府|政府|[{CJK}]{{1,3}}?局(?![长面势限]))", text):
        out.append(Candidate(m.start(), m.end(), "Agency", m.group(0), True, "pattern"))
    # … and before a society's kind: 县(市、区)老科协, 县(区)农技协, 市(县)医学会
    for m in re.finditer("(?:地市|[省市县区州乡镇]{1,2})[（(][省市县区州乡镇、]{1,4}[)）][县区市]?"
                         f"(?:老科协|农技协|[{CJK}]{{1,8}}?(?:学会|协会|研究会))", text):
        field = m.group(0).removesuffix("老科协")
        if not field.endswith("科学技术协会") and not re.search("科协|[的和与及或各]|主席|分管", field):
            out.append(Candidate(m.start(), m.end(), "Society", m.group(0), True, "pattern"))
    # the working committee of a place's organs, a body of its Party committee (中央和国家机关工委, 广元市直机关工委,
    # 省委直属机关工委, 长春市直机关党工委): an Agency, as the gold marks it (11 of 13 in dev)
    for m in re.finditer("中央和国家机关工委|(?:[省市县区州]委)?[省市县区州](?:直属|直)机关党?工委", text):
        begin = m.start() if m.group(0).startswith("中央") else shape_finder().place_start(text, m.start() + 1)
        out.append(Candidate(begin, m.end(), "Agency", text[begin:m.end()], False, "pattern"))
    # a place's Party committee by its full name (中共宁夏回族自治区委员会, 中国共产党吉林省委员会; batches v74, v77): an Agency, as
    # 中共临朐县委 is
    for m in re.finditer(f"(?:中共|中国共产党)(?P<place>(?:(?![和与及或的等])[{CJK}]){{2,12}}?(?:自治区|省|市|县|区|旗|州|盟))委员会",
                         text):
        if not re.search("党员|党委|委员", m.group("place")):  # 中共党员和市委员会委员: no place's name
            out.append(Candidate(m.start(), m.end(), "Agency", m.group(0), False, "pattern"))
    # a zone's Party working committee (徐州高新区党工委, 常熟经济技术开发区党工委): the zone's Party body, the zone nested
    for m in re.finditer(f"({ZONES})(?:管委会)?党工委", text):
        begin = shape_finder().zone_place(text, m.start())
        owner_end = m.end() - len("党工委")  # the zone, or its 管委会 where named (工业园区管委会党工委)
        zone = Candidate(begin, owner_end, "Agency", text[begin:owner_end], begin == m.start(), "inner")
        out.append(Candidate(begin, m.end(), "PartyOrganization", text[begin:m.end()], begin == m.start(), "pattern",
                             nested=[zone]))
    for m in _level_offices().finditer(text):  # 团市委, 市文明办, 省人才办
        begin = m.start() if m.group(0)[0] in "团中" else shape_finder().place_start(text, m.start() + 1)
        generic = begin == m.start() and not m.group(0).startswith("中央")  # 江苏省文明办 is one body
        out.append(Candidate(begin, m.end(), "Agency", text[begin:m.end()], generic, "pattern"))
    # 中共全椒县委: 中共 before a place the segmenter does not know and its level's committee, one body
    for m in re.finditer(f"中共([{CJK}]{{2,4}}?)[省市县区州]委(?![员会托])", text):
        if not re.search("[的和与及在是对为省市县区州]", m.group(1)) and not re.match(r"党员|[一二三四五六七八九十\d]", m.group(1)):
            out.append(Candidate(m.start(), m.end(), "Agency", m.group(0), False, "pattern"))
    for m in re.finditer("(?<!团)(省|市|县|区|州|旗|盟)委(?![员会托])", text):  # 紧扣市委中心工作: a level's Party committee, a kind
        # (旗委, 盟委: Inner Mongolia's counties and prefectures)
        if shape_finder().place_start(text, m.start() + 1) == m.start():  # 青岛市委 is one body, found elsewhere
            out.append(Candidate(m.start(), m.end(), "Agency", m.group(0), True, "pattern"))
    for m in re.finditer(f"[“\"]([{CJK}A-Za-z0-9·]{{2,20}}(?:工程|计划|奖|基金|人才|学者|行动))[”\"]", text):
        if re.match(r"等?[\d一二三四五六七八九十两]+项(?:成果|[、，,])", text[m.end():m.end() + 8]):
            continue  # “嫦娥二号工程”等3项、…等187项成果: an achievement an award is given for (not 等3项计划)
        if not WORK_PLAN.search(m.group(1)):  # “年度工作总结和工作计划” is a column of a website
            edition = EDITION.match(m.group(1))  # “2012年度全国优秀测绘工程奖”, “第三届…奖”: the round stays out
            begin = m.start(1) + (edition.end() if edition and len(m.group(1)) - edition.end() >= 3 else 0)
            begin = after_scope(text, begin, m.end(1))  # “全省…奖”: the round's scope stays out
            grade = AWARD_THEN_GRADE.search(text, begin + 3, m.end(1))  # “…优秀科普作品奖优秀奖”: the award, not its grade
            end = grade.start() + 1 if grade else m.end(1)
            out.append(Candidate(begin, end, "TalentProgram", text[begin:end], False, "pattern"))
    # “科创信阳”行动, “银龄跨越数字鸿沟”科普专项行动: a quoted brand and a programme's head, a field's words between
    for m in re.finditer(f"[“\"](?!{FIVE_YEAR_PERIOD}[”\"])[{CJK}A-Za-z0-9·]{{2,12}}[”\"](?:[^\\W\\d的和与及在中获等将为]{{1,4}}?)?"
                         "(?:专项行动|行动计划|行动|工程|计划)(?!大奖|奖|师|院|学|技术)", text):  # not “太行杯”…工程大奖
        out.append(Candidate(m.start(), m.end(), "TalentProgram", m.group(0), False, "pattern"))
    # “我们这十年”征文奖, 《科学论坛》论文奖: an award named after its contest or its journal
    for m in re.finditer(f"[“\"《][{CJK}A-Za-z0-9·]{{2,12}}[”\"》](?:征文|论文|优秀论文|作品)奖(?![励金项状品])", text):
        out.append(Candidate(m.start(), m.end(), "TalentProgram", m.group(0), False, "pattern"))
    out += _acronym_societies(text)  # ISPRS主席, 加入IUPAC: a society known by its acronym
    out += _honour_candidates(text)  # “省科协明星学会”, 表彰先进学会和优秀学会干部: honours in a sentence that gives them
    out += _model_titles(text)  # 获评全国科普示范县: a model title right after the verb that gives or seeks it
    for m in _quoted_honour().finditer(text):  # “先进集体”, “优秀科技工作者”: a quoted honorary title
        out.append(Candidate(m.start(1), m.end(1), "TalentProgram", m.group(1), False, "pattern"))
    # “科创中国”试点城市: the brand of a programme, and every quoted use of it
    out += _every_quoted_use(text, {m.group(1) or m.group(2) for m in _quoted_brand().finditer(text)
                                    if len(m.group(1) or m.group(2)) <= 16})
    for m in ACADEMIC_PAPER_AWARD.finditer(text):  # 长沙市自然科学优秀学术论文, 自然科学优秀学术成果: an award by its object
        begin = shape_finder().place_start(text, m.start())
        out.append(Candidate(begin, m.end(), "TalentProgram", text[begin:m.end()], begin == m.start(), "pattern"))
    for m in re.finditer(f"专项(?:行动)?(?!{SPECIAL_FUNDS.pattern})", text):  # named special projects: 团体标准国际化
        # 试点专项, …服务高质量发展专项行动 (not 市级科普专项经费: money set aside)
        begin = _left_boundary(text, m.start(), max_len=14, require_opening=False, pos=NAME_POS + ("v",),
                               stop=PROGRAMME_STOP | shape_finder().programme_sentence_verbs)  # 学会获 + …专项
        if begin is not None and m.start() - begin >= 4:
            out.append(Candidate(begin, m.end(), "TalentProgram", text[begin:m.end()], False, "pattern"))
    for m in re.finditer(f"(?:19|20)\\d{{2}}年(?:度)?[{CJK}]{{4,20}}?(?:项目|工程|计划)", text):
        if not re.search("[的和与及将起奖]|继续|开展|实施|总体|思路|中国科学院|中国工程", m.group(0)) \
                and not WORK_PLAN.search(m.group(0)):  # a year-named project (not 2016年主要工作计划),
            begin = m.start() + EDITION.match(m.group(0)).end()  # 2012年基层科普行动计划: the year outside
            out.append(Candidate(begin, m.end(), "TalentProgram", text[begin:m.end()], False, "pattern"))  # not a clause
    # a kind of society named with its alternatives in brackets after its scope: 市级学(协)会, 全国性行业协（学）会,
    # 市级各学（协、研究）会
    for m in SOCIETY_ALTERNATIVES.finditer(text):
        begin = _scope_start(text, m.start() - (1 if text[m.start() - 1:m.start()] == "各" else 0))
        if begin is not None:
            out.append(Candidate(begin, m.end(), "Society", text[begin:m.end()], True, "pattern"))
    # the local societies of a field, a kind: 地方造纸学会, 地方中医药学会, 中医药地方学会 (the field's own national society
    # stands outside: 全国 + 中医药地方学会)
    for m in LOCAL_SOCIETIES.finditer(text):
        if m.group("field"):  # 地方 + 造纸 + 学会
            begin = m.start()
            if m.group("field") in ("科学技术", "科技") or not all(
                    f.startswith(("n", "v")) and w not in STOP_WORDS for w, f in window_words(m.group("field"))):
                # (地方科学技术协会: the local 科协s, Agencies found as such)
                continue
        else:  # 中医药 + 地方学会: the field's nouns right before 地方, no scope (全国, 各)
            kept = itertools.takewhile(lambda w: w[1].startswith(("n", "vn")) and w[0] not in STOP_WORDS
                                       and not w[0].startswith(("全", "各")) and not LEVEL_ONLY.fullmatch(w[0]),
                                       reversed(window_words(text[max(0, m.start() - 8):m.start()])))
            begin = m.start() - sum(len(w) for w, _ in kept)
            if begin == m.start() or m.start() - begin > 5:
                continue
        out.append(Candidate(begin, m.end(), "Society", text[begin:m.end()], True, "pattern"))
    # a kind of society with its grade or reach: 中国特色世界一流科技社团, 港澳科技社团, 省级科技社团 (a kind still)
    for begin, end in _graded_kinds(text):
        out.append(Candidate(begin, end, "Society", text[begin:end], True, "pattern"))
    # a Party committee's full name, of an organisation or a kind of them (中共张家口学院委员会, 中共四川省社会组织第一综合
    # 委员会, 中共天津市科学技术协会科技社团委员会); 中共 + a place alone + 委员会 is the place's committee, an Agency
    for m in PARTY_COMMITTEE_FULL_NAME.finditer(text):
        owner_label = "Society" if m.group("owner").endswith("老科协") else OWNER_LABELS.get(m.group("kind"))
        # the organisation it belongs to: 张家口学院, 天津市科学技术协会, 绵竹市老科协 (a society)
        nested = [Candidate(m.start("owner"), m.end("owner"), owner_label, m.group("owner"), False, "pattern")] \
            if owner_label else []
        out.append(Candidate(m.start(), m.end(), "PartyOrganization", m.group(0), False, "pattern", nested=nested))
    # a Party branch's rating is an honour, not a body: 五星级党支部, “四强”党支部, 五好党支部 (the gold: 12 of 12)
    for m in re.finditer("(?:[一二三四五六七八九十\\d]星级|五好|[“\"]四强[”\"]|四强)(?:基层党组织|党支部|党组织)", text):
        out.append(Candidate(m.start(), m.end(), "TalentProgram", m.group(0), False, "pattern"))
    # the Party committees or organisations of every level, a kind: 各级党委, 各级党组织 (the dev gold: 9 of 14 whole)
    for m in re.finditer("各级(?:基层)?(?:党委|党组织|党组)", text):
        out.append(Candidate(m.start(), m.end(), "PartyOrganization", m.group(0), True, "pattern"))
    # a kind of Party organisation named by its kind alone: 功能型党支部, 服务型基层党组织, 第二党小组
    for m in re.finditer(f"(?:{PARTY_KIND_WORDS}|服务型|{ORDINAL})(?:基层)?(?:{PARTY_SUFFIX})", text):
        out.append(Candidate(m.start(), m.end(), "PartyOrganization", m.group(0), True, "pattern"))
    # a generic unit with its Party organisation: 学会党组织, 分支机构党的工作小组 (instances are nested below)
    for m in re.finditer(f"((?:学会|协会|研究会)(?:秘书处|办事机构|机关|理事会|常务理事会)|学会|协会|研究会|(?!(?<=大)学校)(?:{PARTY_UNIT}))"
                         f"{PARTY_QUALIFIER}(?:{PARTY_SUFFIX})", text):
        unit = m.group(1)
        nested = [Candidate(m.start(), m.start(1) + len(unit), "Branch", unit, True, "pattern")] \
            if unit == "分支机构" else []
        out.append(Candidate(m.start(), m.end(), "PartyOrganization", m.group(0), True, "pattern", nested=nested))
    # an award or a programme in square brackets, as a list of them on a page ([日中科学技术协会会长奖]，[京都市长奖]): whole
    for m in re.finditer(r"[\[［]([^\[\]［］\n，。；、,;]{2,30}?(?:奖|计划|工程|基金))[\]］]", text):
        out.append(Candidate(m.start(1), m.end(1), "TalentProgram", m.group(1), False, "pattern"))
    # a quoted branch's full name (“土木工程学会隧道及地下工程分会”): the whole quote, whatever joins its field
    for m in re.finditer(f"“([{CJK}]{{2,24}}(?:{BRANCH_HEADS}))”", text):
        out.append(Candidate(m.start(1), m.end(1), "Branch", m.group(1), False, "pattern"))
    # a numbered line that is a name and nothing else (1. 边缘计算专委会, 2）东莞市制冷空调学会): the whole line
    for m in NUMBERED_NAME_LINE.finditer(text):
        first, flag = window_words(m.group(1))[0]
        if flag.startswith(("v", "p", "d", "r")) or first in NOT_NAME_WORDS or re.search("[和及、]|科协", m.group(1)):
            continue  # 1. 访问德国化学会, 四、其他分会, 三、地方科协和学会: an act or a heading, not a name
        society = re.search(f"(?:{SOCIETY_SUFFIX})$", m.group(1))
        generic = _kind_of_society(m.group(1)[:society.start()]) if society \
            else m.group(1) in shape_finder().branch_generic
        out.append(Candidate(m.start(1), m.end(1), "Society" if society else "Branch", m.group(1), generic, "pattern"))
    for m in re.finditer(r"《([^《》\n]{2,80})》", text):
        title = m.group(1).strip()
        if POLICY_WORDS.search(title) and not NOT_POLICY.search(title) and not _meeting_paper(text, m.start(), title):
            out.append(Candidate(m.start(1), m.end(1), "Policy", title, False, "title"))
    return out


def _meeting_paper(text: str, start: int, title: str) -> bool:
    """《title》 at `start` is a body's own plan, agenda or budget put to its meeting, the verb before it or before the
    titles listed ahead of it (审议通过了《…议程(草案)》和《…预算计划(草案)》)."""
    if not MEETING_PAPER.search(title):
        return False
    while text.endswith(("》和", "》、", "》及", "》与"), 0, start) and text.rfind("《", 0, start) >= 0:
        start = text.rfind("《", 0, start)
    return MEETING_PAPER_VERB.search(text, max(0, start - 12), start) is not None


def _shape_candidates(text: str) -> list[Candidate]:
    """Names by their shape (modifier + head, parts in seed_data/rules/name_parts.tsv)."""
    return [Candidate(s.start, s.end, s.label, text[s.start:s.end], s.generic, "shape")
            for s in shape_finder().find(text)]


@dataclass(frozen=True)
class _NestedPatterns:
    kind_party: re.Pattern[str]  # a kind's Party body after it (省科协党组, 市社科联综合党委)
    branch: re.Pattern[str]  # a branch's field and suffix after its society
    branch_party: re.Pattern[str]  # a branch's Party body after it
    award: re.Pattern[str]  # a society's award after it, its acronym between
    party: re.Pattern[str]  # a body's Party body after it, its council's term between
    committee: re.Pattern[str]  # 中共 + a society + 委员会: its Party committee written out


@cache
def _nested_patterns() -> _NestedPatterns:
    """The patterns of `_nested_candidates`, compiled once (they were built and looked up for every name)."""
    return _NestedPatterns(
        kind_party=re.compile(f"(?:{PARTY_UNIT}){{0,2}}{PARTY_QUALIFIER}(?:{PARTY_SUFFIX})"),
        branch=re.compile(f"([{CJK}]{{0,12}}?)({BRANCH_SUFFIX})"),
        branch_party=re.compile(f"({PARTY_UNIT})?{PARTY_QUALIFIER}({PARTY_SUFFIX})"),
        award=re.compile(f"((?:[（(]{_ACRONYM}[)）])?)([{CJK}0-9]{{0,12}}?)(?:科学技术奖|科技奖|奖)(?:基金(?!会)|(?![励金项状品]))"),
        party=re.compile(f"((?:第[一二三四五六七八九十\\d]{{1,3}}届(?=(?:常务)?理事会))?(?:{PARTY_UNIT}){{0,2}}){PARTY_QUALIFIER}"
                         f"({PARTY_SUFFIX})"),
        committee=re.compile("(?:总支部|支部)?委员会"))


def _nested_candidates(text: str, base: list[Candidate], depth: int = 0) -> list[Candidate]:
    """Organisation + branch suffix -> Branch; organisation (+ unit) + Party suffix -> PartyOrganization.
    A body found here (a centre, an office of a named body) is an organisation for these rules too,
    once more (中国科协 + 学会服务中心 + 学会联合党委: the Party body of the centre)."""
    out: list[Candidate] = []
    patterns = _nested_patterns()
    for kind in (c for c in base if c.label in ("Society", "Agency") and c.generic):
        m = patterns.kind_party.match(text[kind.end:kind.end + 16])
        # 市社科联综合党委, 市科协社会组织行业党委: a kind's unit and a qualifier may stand before its Party body
        # 省科协党组, 全国学会党委, 市护理学会临时党支部: a kind's Party body is a kind, and belongs to that kind; but a
        # 科技社团党委 is set up by a 科协 for its societies and belongs to the 科协 (docs/ANNOTATION.md)
        if m and kind.canonical != "科技社团":
            out.append(Candidate(kind.start, kind.end + m.end(), "PartyOrganization",
                                 text[kind.start:kind.end + m.end()], True, "nested", nested=[kind]))
    orgs = [c for c in base if c.label in ("Society", "Agency", "Branch") and not c.generic]
    programmes_at = by_start([c for c in base if c.label == "TalentProgram" and not c.generic])
    for org in orgs:
        rest = text[org.end:org.end + 30]
        m = patterns.branch.match(rest)
        if org.label == "Society" and m and (not m.group(1) or m.group(0) in shape_finder().branch_generic):
            # 嘉兴市防痨协会 + 专业委员会: the society's kind of branch, as the shape finds it (ShapeFinder.branches)
            out.append(Candidate(org.end, org.end + m.end(), "Branch", m.group(0), True, "pattern"))
        elif org.label == "Society" and m and not TERM.match(m.group(1)) \
                and not shape_finder().honoured_branches("", m.group(0)) \
                and _name_rest(m.group(1), keep=frozenset({"与", "组织", "联合", "研究"}), verbs=True):
            # (a term of office after the society, 第十三届, opens no name of both: the branch stands alone)
            # (研究, a stop word of sentences, 研究决定, names a branch's work: 综合评价研究分会)
            branch = Candidate(org.start, org.end + m.end(), "Branch", text[org.start:org.end + m.end()], False,
                               "nested", nested=[org])
            out.append(branch)
            party = patterns.branch_party.match(text[branch.end:branch.end + 12])
            if party:
                out.append(Candidate(org.start, branch.end + party.end(), "PartyOrganization",
                                     text[org.start:branch.end + party.end()], False, "nested",
                                     nested=[branch]))
        # …物理奖基金; 中国植物生理与植物分子生物学学会(CSPB)杰出成就奖: the society's acronym may stand between
        m = patterns.award.match(rest)
        if (org.label == "Society" or (org.label == "Agency" and _is_association(org.canonical))) \
                and m and _name_rest(m.group(2), keep=frozenset({"研究"})) \
                and not any(w in shape_finder().programme_sentence_verbs for w, _ in window_words(m.group(2))) \
                and not _named_after_round(m.group(0)):  # 高分子基础研究 + 王葆仁奖: a field; 第十一届 + 张钰哲奖:
            # the award's round after the society: the society gives it, the name starts after the round
            # 中国煤炭学会青年科学技术奖, 中国科协求是杰出青年奖: a society's or a 科协's named award is one
            # name (the longest), holding its runner
            out.append(Candidate(org.start, org.end + m.end(), "TalentProgram", text[org.start:org.end + m.end()],
                                 False, "nested", nested=[org]))
        # 科技社团办事机构…党支部; 中国海洋学会 + 第九届理事会党委: the council's term stands inside its Party body's name
        m = patterns.party.match(rest)
        if m:
            start = org.start - 2 if text.endswith("中共", 0, org.start) else org.start  # 中共山东省科协党组
            out.append(Candidate(start, org.end + m.end(), "PartyOrganization",
                                 text[start:org.end + m.end()], False, "nested", nested=[org]))
        m = patterns.committee.match(rest)
        if m and text.endswith("中共", 0, org.start) and org.label in ("Society", "Branch"):
            # 中共江西省植物学会委员会: the society's Party committee, written out
            out.append(Candidate(org.start - 2, org.end + m.end(), "PartyOrganization",
                                 text[org.start - 2:org.end + m.end()], False, "nested", nested=[org]))
        if org.label == "Agency" and _is_association(org.canonical):
            # 中国科协青年人才托举工程: the association's programme, named with it, is one name holding it
            for prog in programmes_at.get(org.end, ()):
                out.append(Candidate(org.start, prog.end, "TalentProgram", text[org.start:prog.end], False,
                                     "nested", nested=[org]))
        m = re.match(f"(?:[{CJK}]{{2,4}}?)?(?:办公厅|办公室)", rest)
        if m and m.group(0) not in ("办公厅", "办公室") and not all(
                w.flag.startswith(("n", "vn", "j")) for w in pos_tokenizer().cut(m.group(0)[:-3])):
            m = None  # 科技部奖励办公室: a named office of a body; not a sentence's words before 办公室
        if org.label == "Agency" and m:  # 中国科协办公厅: the office of a known body is a body too
            out.append(Candidate(org.start, org.end + m.end(), "Agency", text[org.start:org.end + m.end()], False,
                                 "nested", nested=[org]))
        m = re.match(f"([{CJK}]{{1,6}}?)司(?![机法令长])", rest)
        if org.label == "Agency" and m and org.canonical.endswith("部") and not re.search("[的和与及、等]", m.group(1)) \
                and all(w.flag.startswith(("n", "j", "vn")) for w in pos_tokenizer().cut(m.group(1))):
            # 教育部科技司, 财政部教科文司: a department of a ministry is a body of it
            out.append(Candidate(org.start, org.end + m.end(), "Agency", text[org.start:org.end + m.end()], False,
                                 "nested", nested=[org]))
        m = re.match(f"([{CJK}]{{2,12}}?)中心(?!工作|任务|城市|环节|位置|地位|组)", rest)  # (党组 + 中心组: a study group)
        if org.label == "Agency" and m and not re.search("[的和与及、等]|中心", m.group(1)) \
                and all(w.flag.startswith(("n", "j", "vn")) for w in pos_tokenizer().cut(m.group(1))):
            # 科技部科技评估中心, 中国科协学会服务中心: a centre of a named body is a body of it
            out.append(Candidate(org.start, org.end + m.end(), "Agency", text[org.start:org.end + m.end()], False,
                                 "nested", nested=[org]))
    bodies = [c for c in out if c.label == "Agency"]
    if bodies and depth == 0:
        deeper = [c for c in _nested_candidates(text, bodies, depth + 1) if c.label == "PartyOrganization"]
        spans = {(c.start, c.end) for c in deeper}  # the body named in full owns it, not the body inside that
        out = [c for c in out if not (c.label == "PartyOrganization" and (c.start, c.end) in spans)] + deeper
    return out


def _name_rest(words: str, keep: frozenset[str] = frozenset(), verbs: bool = False) -> bool:
    """The words between an organisation's name and a head (奖, 专业委员会 …) can be the rest of one
    name: no list joiner, no verb of the sentence (中国化学会设立青年化学奖 and 江西省植物学会下设青年工作委员会
    are two names each). `keep`: words allowed anyway (与 in 探测与控制技术专业委员会); `verbs`: other
    verbs may stand in the name (a branch's field: 探测, 焊接), the stop words' verbs never."""
    if re.search("[的和及、，,]", words) or ("与" in words and "与" not in keep):
        return False
    return all(w in keep or (w not in STOP_WORDS and not COUNTED.fullmatch(w)  # 学会 + 三家受… + 专业委员会: a count
                             and not f.startswith("p")  # 中华中医药学会 + 以 + 中华中医药学会科学技术奖: a preposition
                             and (verbs or not (f.startswith("v") and f != "vn")))
               for w, f in window_words(words)) if words else True


def _choose(candidates: list[Candidate]) -> list[Candidate]:
    """Longest non-overlapping candidates; ties go to the more trusted source, then the earlier."""
    chosen: list[Candidate] = []
    taken = bytearray(max((c.end for c in candidates), default=0))
    for c in sorted(candidates, key=lambda c: (-c.length, PRIORITY[c.source], c.start, c.label)):
        if any(taken[c.start:c.end]):
            continue
        chosen.append(c)
        taken[c.start:c.end] = b"\x01" * c.length
    return sorted(chosen, key=lambda c: c.start)


_OWNER = f"[{CJK}]{{2,18}}?(?:{JOINT_OWNER_HEADS})"
JOINT_BRANCH = re.compile(f"({_OWNER})[{re.escape(JOINT_JOINERS)}]({_OWNER})联合(?:党支部|党总支)")


def _inner_organisation(outer: Candidate, candidates: list[Candidate], text: str,
                        starting: dict[int, list[Candidate]] | None = None) -> list[Candidate]:
    """The organisation a known Branch or Party organisation name starts with (中国科协党组 -> 中国科协);
    for a Party body, else the university, institute, hospital or company it is named after (南昌大学党委).
    `starting`: the candidates by where they start, in their order (`by_start`), when the caller has it."""
    labels = {"Branch": ("Society", "Branch"), "TalentProgram": ("Society", "Agency")}.get(
        outer.label, ("Society", "Agency", "Branch"))
    same_start = candidates if starting is None else starting.get(outer.start, [])
    inner = [c for c in same_start if c.label in labels and c.start == outer.start and c.end < outer.end
             and (not c.generic or (outer.label in ("Branch", "PartyOrganization") and c.end - c.start > 2))  # 省林学会
             # + 园林专业委员会, 市科协 + 直属机关党委: a body named by its level is the owner all the same
             and not (outer.label == "Branch" and c.label == "Branch")]
    joint = JOINT_BRANCH.fullmatch(text, outer.start, outer.end) if outer.label == "PartyOrganization" else None
    if joint:  # 滁菊协会与心理咨询师协会联合党支部: a joint branch of two societies belongs to both
        known = {(c.start, c.end): c for c in candidates if c.label in ("Society", "Agency")}
        return [known.get(joint.span(k)) or Candidate(*joint.span(k), "Society", joint.group(k), False, "pattern")
                for k in (1, 2)]
    if inner:
        return [max(inner, key=lambda c: (c.length, -PRIORITY[c.source]))]
    if outer.label == "PartyOrganization":
        owner = _institution_owner().fullmatch(text, outer.start, outer.end)
        if owner:
            return [Candidate(owner.start(1), owner.end(1), "Institution", owner.group(1), False, "pattern")]
    return []


@cache
def _institution_owner() -> re.Pattern[str]:
    """A Party body named after an institution (seed_data/rules/name_parts.tsv, PartyOrganization institution):
    中共一大纪念馆党委, 西安电子科技大学党委, 南昌大学校党委, 徐州市农科院第二党支部 (the owner, the school's own 校
    or a branch's number, the body)."""
    owners = name_parts().alternation("PartyOrganization", "institution") or "(?!)"
    heads = name_parts().alternation("PartyOrganization", "head") or "(?!)"
    qualifiers = name_parts().alternation("PartyOrganization", "qualifier") or "(?!)"
    members = name_parts().alternation("PartyOrganization", "member_group") or "(?!)"  # …学院科研党支部
    return re.compile(f"(?:中共)?([{CJK}]{{2,20}}?(?:{owners}))(?:{members})?(?:校|机关|直属机关|{qualifiers}|{ORDINAL})?"
                      f"(?:{heads})")


def _without_each(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """各 (each) before a name is the sentence's, not the name's, and what it counts is a kind: 各乡镇人民政府
    names the kind 乡镇人民政府, 各省市纺织工程学会 the kind 省市纺织工程学会 (tests/gold/README.md, "v0.8": 115 of
    116 dev marks after 各 leave it out); but 各级 (every level) is a kind's own word (各级科协). A name of two
    characters after 各 (各学会) is a bare kind the gazetteer and the guide already mark without 各."""
    for c in candidates:
        if text.startswith("各", c.start) and not text.startswith("各级", c.start) and c.length > 3 \
                and c.canonical == text[c.start:c.end]:  # 各级科协 is the kind's own name
            c.start += 1
            c.canonical = c.canonical[1:]
            c.generic = True
    return candidates


def _canonical(c: Candidate, gazetteer: Gazetteer) -> Candidate:
    """A pattern-found name that is a known name or alias takes the gazetteer's identity."""
    entry = gazetteer.lookup(c.canonical)
    if entry and entry.label == c.label:
        c.canonical, c.generic, c.aliases = entry.canonical, entry.generic, entry.aliases
    return c


# X（简称Y）, X(以下简称“Y”), X（AAAS）, X（湖南省科协）: a short name in brackets right after a name; several
# (X（简称“国际材联”，IUMRS）), and an English one said as such (X（英文缩写CECWA）, X，英文缩写ACSE)
_SAID = r"(?:以下)?(?:下称|(?<=以下)称)?(?P<said>简称|英文缩写|英文简称|缩写)?为?"  # (下称“科盟”): an abbreviation still
_ACRONYM = r"[A-Z](?:[A-Za-z&]|-(?=[A-Z])){1,11}"  # IUMRS, CAST-USA
# a quoted short name may be followed by its kind's head (下称“青托”项目): the quote is the short name
_SHORT = rf"[“\"「]?(?P<short>{_ACRONYM}|[\u4e00-\u9fff]{{2,12}})[”\"」]?(?:(?<=[”\"」])(?:项目|工程|计划|奖))?"
SHORT_NAME = re.compile(rf"\s*[（(]{_SAID}{_SHORT}[)）]")
SHORT_NAME_ITEM = re.compile(rf"{_SAID}{_SHORT}")
SHORT_NAMES = re.compile(r"\s*[（(]([^（()）\n]{2,40})[)）]")
# X（下称学会），英文名称The Nonferrous Metals Society of China（NFsoc）; X（英文名“Chinese Institute of Electronics”）:
# an English name of two or more words said as such, after the name or a bracket of its short name, and its acronym
ENGLISH_NAME_AFTER = re.compile(
    r"(?:\s*[（(][^（()）\n]{1,20}[)）])?[，,；;]?\s*[（(]?(?:英文名称|英文全称|英文译名|英文名)[为是：:]?\s*[（(“\"]?"
    rf"(?P<long>[A-Z][A-Za-z.&'’]*(?: [A-Za-z.&'’]+){{1,12}})[)）”\"]?"
    rf"(?:\s*[（(](?P<short>{_ACRONYM})[)）]|[，,；;]\s*(?:英文)?(?:缩写|简称)[为是：:]?\s*(?P<said_short>{_ACRONYM})(?![A-Za-z]))?")
ENGLISH_SHORT_AFTER = re.compile(rf"[，,]\s*(?P<said>英文缩写|英文简称)为?[“\"「]?(?P<short>{_ACRONYM})(?![A-Za-z])")


def short_names_after(text: str, end: int) -> list[tuple[str, bool]]:
    """The other names given right after a name ending at `end`, each with whether the text says it is one
    (简称, 英文缩写): one in brackets, several in one bracket (each item a short name, or none is taken), an
    English short name said after a comma, or its English name said as such with the acronym after it."""
    english_name = ENGLISH_NAME_AFTER.match(text, end)
    if english_name:  # …学会（下称学会），英文名称The … Society of China（NFsoc）, …，英文缩写为FAAV
        return [(name, True) for name in english_name.group("long", "short", "said_short") if name]
    m = SHORT_NAME.match(text, end)
    if m:
        return [(m.group("short"), bool(m.group("said")))]
    english = ENGLISH_SHORT_AFTER.match(text, end)
    if english:
        return [(english.group("short"), True)]
    bracket = SHORT_NAMES.match(text, end)
    if not bracket:
        return []
    items = [SHORT_NAME_ITEM.fullmatch(item.strip()) for item in re.split("[，,、；;]", bracket.group(1))]
    if len(items) < 2 or not all(items):
        return []
    return [(item.group("short"), bool(item.group("said"))) for item in items]


# a committee of the Party or of a place's Party committee (中共…工作委员会, 常州市委党史工作委员会)
PARTY_ORGAN = re.compile(f"中共|[{CJK}]{{0,10}}?[省市县区州旗]委[{CJK}]{{2,}}")
# a field left to fill in (XX专业委员会, ×××分会): a template of a name
TEMPLATE_FIELD = re.compile("[XxＸｘ×＊*]{2,}")
# the text's word for itself, no name: 本会, and a kind's bare word given as the short name (中国太平洋学会（以下简称“学会”）:
# dev gold marks none of its uses in 7 documents of 7)
SELF_REFERENCES = frozenset({"本会", "该会", "我会", "本协会", "本学会", "本研究会", "本团体", "本社团", "本联合会",
                             "学会", "协会", "研究会", "联合会", "促进会"})
SHORT_NAMED = ("Society", "Agency", "Branch", "PartyOrganization", "TalentProgram", "GovernmentFunction")


def _abbreviates(short: str, name: str) -> bool:
    """`short` is an abbreviation of `name`: shorter, same first character, its characters in order
    in the name (中国科学技术协会 → 中国科协), or any run of capitals (an acronym)."""
    if short.isascii():
        return True
    # an overseas or a national name is shortened without where or whose it is (在日中国科学技术者联盟 → 科盟)
    bare = re.sub("^(?:在[日美英法德韩澳]|旅[美欧日英法德加澳])?(?:中国|中华)?", "", name)
    if len(short) >= len(name) or (short[0] != name[0] and (bare == name or not bare or short[0] != bare[0])):
        return False
    rest = iter(name if short[0] == name[0] else bare)
    return all(ch in rest for ch in short)


BRANCH_HEADS = "专业委员会|专委会|工作委员会|分会"
NUMBERED_NAME_LINE = re.compile(f"^[ \t　]*(?:\\d{{1,2}}|[一二三四五六七八九十]{{1,3}})[.．、)）][ \t　]*"
                                f"([{CJK}A-Za-z]{{2,20}}?(?:{BRANCH_HEADS}|{SOCIETY_SUFFIX}))[ \t　]*$", re.M)
LIST_ITEM_END = re.compile("[、，,。；;：:\n（(）)]")


def _sibling_field(item: str, place: str) -> bool:
    """A list's item, its place and then a field and a head, names a body: no society or 科协 inside, no word of a
    clause (相关部门负责指导学会: 相关, an adverb, a preposition), and its place no part of a common word (县里干部,
    市民办). (A verb after the item, 市科技局承办, is kept out by the heads: 主办, 承办, 协办 end no office.)"""
    words = window_words(item[len(place):])
    if re.search(f"科协|(?:{SOCIETY_SUFFIX}).", item[len(place):]) or not words:
        return False
    if window_words(item)[0][0] in PLACE_COMPOUNDS:
        return False
    return not any(w in NOT_NAME_WORDS or f.startswith(("d", "p", "u", "r", "c")) for w, f in words)


# a level and the character after it as one common word: no place opens a list's item there (县里干部, 市民办, 区内企业)
PLACE_COMPOUNDS = frozenset({"县长", "县里", "县城", "县域", "县内", "市民", "市长", "市内", "市区", "区内", "区域", "区长",
                             "省长", "省内", "省外", "州长", "城市"})
# a list's item's head, and its shortest field (主办, 承办, 协办 end no office's name; 市委常委 is a post)
SIBLING_HEADS = {"Society": (SOCIETY_SUFFIX, 2), "Agency": ("局|(?<!常)委|(?<![主承协举督创开合])办|厅|部|中心|分局|办公室", 1)}


@cache
def _sibling_tail(label: str) -> re.Pattern[str]:
    """What follows the place in a list's item of the kind `label`: a field and a head (SIBLING_HEADS)."""
    heads, shortest = SIBLING_HEADS[label]
    return re.compile(f"[{CJK}]{{{shortest},12}}?(?:{heads})")


def _sibling_item_end(text: str, place: str, label: str, begin: int, end: int) -> int | None:
    """Where the list's item of the kind `label` that opens with `place` at `begin` ends: at `end` when
    text[begin:end] is one whole, else at the first head that ends one; None when there is none. (One pattern a kind:
    a pattern a place, compiled each time, cost more than all the rest of the list search.)"""
    if begin < 0 or begin + len(place) > end or not text.startswith(place, begin):
        return None
    tail = _sibling_tail(label)
    found = tail.fullmatch(text, begin + len(place), end) or tail.match(text, begin + len(place), end)
    return found.end() if found else None


def _list_siblings(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """`chosen` with the items of a 、-list beside a found society or agency that open with its place and end with a
    head of its kind: societies or agencies too, whatever words the segmenter makes of their fields (东莞市医学会、
    东莞市制冷空调学会; 县科协、县科商工信局、县文旅体局), in place of a shorter name found inside one (工信局). A society
    named by its place, an agency by its place or its level."""
    chosen = list(chosen)
    queue = [(c, None) for c in chosen if (c.label == "Society" and not c.generic) or c.label == "Agency"]
    while queue:
        c, place = queue.pop()  # a sibling keeps the place of the name it was found beside (县 + 资规局)
        if place is None:
            level = LEVEL_ONLY.match(text, c.start, c.end)
            place, flag = (level.group(0), "ns") if level else window_words(text[c.start:c.end])[0]
            if not (flag.startswith("ns") or place in ("中国", "中华")):
                continue  # the name opens with no place (a level, the segmenter's ns, 中国)
        neighbours = []
        if text.startswith("、", c.end):
            end = LIST_ITEM_END.search(text, c.end + 1)
            neighbours.append((c.end + 1, end.start() if end else len(text)))
        if c.start and text[c.start - 1] == "、":  # leftwards, the item opens at the place (表彰了 + 佛山市…学会)
            begin = text.rfind(place, max(0, c.start - 20), c.start - 1)
            if begin > 0 and LEVEL_ONLY.fullmatch(place) and text[begin - 1] not in "、，,；;：:\n（(":
                begin = -1  # 城市管理办: a bare level inside a word, not an item's place (表彰了 + 佛山市…学会 is one)
            neighbours.append((begin, c.start - 1))
        for begin, end in neighbours:
            found = _sibling_item_end(text, place, c.label, begin, end)
            if found is not None and found < end and window_words(text[found:end])[0][1] in ("v", "d", "p"):
                end = found  # the list's last item before the sentence's verb (…、市文旅体局参加)
            if found != end or not _sibling_field(text[begin:end], place):
                continue
            inside = [o for o in chosen if o.start < end and begin < o.end]
            if all(o.label == c.label and begin <= o.start and o.end <= end and (o.start, o.end) != (begin, end)
                   for o in inside):  # nothing found there, or only a shorter name of its kind inside it
                chosen = [o for o in chosen if o not in inside]
                sibling = Candidate(begin, end, c.label, text[begin:end], c.generic, "pattern")
                chosen.append(sibling)
                queue.append((sibling, place))
    return sorted(chosen, key=lambda c: (c.start, c.end))


def _place_dropped(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A society named in full with its place (常州市名人研究会, 中国空间科学学会) and then again without it
    (名人研究会, 空间科学学会: at least four characters, not after a level or a nation): the same society."""
    taken = bytearray(len(text))
    for c in chosen:
        taken[c.start:c.end] = b"\1" * (c.end - c.start)
    out = []
    seen: set[str] = set()
    for c in chosen:
        if c.label != "Society" or c.generic:
            continue
        prefix = PLACE_PREFIX.match(text, c.start, c.end)
        cut = prefix.end() if prefix else c.end
        while cut < c.end and text[cut] in "省市县区州":  # 常州 + 市
            cut += 1
        bare = text[cut:c.end]
        if len(bare) < 4 or bare in seen or re.search("大学|学院", bare):
            continue  # 北京师范大学心理学会 is no 师范大学心理学会 of another place
        seen.add(bare)
        for hit in re.finditer(re.escape(bare), text[c.end:]):
            start, end = c.end + hit.start(), c.end + hit.end()
            if any(taken[start:end]) or (start and text[start - 1] in "省市县区州国华级的各"):
                continue  # 省名人研究会, 中国名人研究会: a kind, or another society
            taken[start:end] = b"\1" * (end - start)
            out.append(Candidate(start, end, "Society", c.canonical, False, "pattern", c.aliases))
    return out


# the other levels a title is given at, in brackets after its own (全国科普示范县(市、区)): the gold keeps them (5 of 5)
LEVEL_ALTERNATIVES = re.compile("[（(][省市县区、]{1,5}[)）]")


def _level_alternatives(text: str, chosen: list[Candidate]) -> None:
    """A programme's title that ends in a level takes the bracket of the other levels right after it (全国科普示范县 +
    (市、区)) when nothing else was found there. Mutates the chosen candidates."""
    starts = {c.start for c in chosen}
    for c in chosen:
        if c.label != "TalentProgram" or text[c.end - 1:c.end] not in ("县", "市", "区"):
            continue
        bracket = LEVEL_ALTERNATIVES.match(text, c.end)
        if bracket and not any(c.end <= s < bracket.end() for s in starts):
            if c.canonical == text[c.start:c.end]:
                c.canonical = text[c.start:bracket.end()]
            c.end = bracket.end()


def _unquoted_uses(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A programme's name found in quotes (“科创中国”, “最美科技工作者”) names it again where the document uses it
    without them and nothing else was found there (科创中国试点城市): dev marks 124 of 130 such uses."""
    taken = bytearray(len(text))
    for c in chosen:
        taken[c.start:c.end] = b"\1" * (c.end - c.start)
    quoted = {text[c.start:c.end]: c for c in chosen
              if c.label == "TalentProgram" and not c.generic and c.end - c.start >= 3
              and QUOTED.fullmatch(text, max(0, c.start - 1), c.end + 1)}
    out = []
    for name in sorted(quoted, key=len, reverse=True):
        for hit in re.finditer(re.escape(name), text):
            if not any(taken[hit.start():hit.end()]) \
                    and not shape_finder().inside_longer_word("TalentProgram", text, name, hit.end()):  # 市科学技术奖 + 励办法
                taken[hit.start():hit.end()] = b"\1" * len(name)
                out.append(Candidate(hit.start(), hit.end(), "TalentProgram", quoted[name].canonical, False, "pattern",
                                     quoted[name].aliases))
    return out


def _short_names(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A short name given in brackets right after a name — said to be one (（简称电子科技奖）), or an
    acronym or abbreviation of it (（AAAS）, 湖南省科学技术协会（湖南省科协））— names that name's entity there
    and wherever the text uses it after, inside longer names too (湖南省科协党组 belongs to the association).
    Mutates the chosen candidates; returns the new ones (a short name no other rule found). Policies have
    their own rule (`extractors.pipeline`)."""
    full: dict[tuple[str, str], Candidate] = {}  # (label, short name) -> the full name
    for c in chosen:
        for short, said in short_names_after(text, c.end):
            if short in SELF_REFERENCES:  # （以下简称本会）: the text's word for itself, no name
                continue
            if said and short == text[c.start:c.end]:  # 社会组织登记管理机关（简称登记管理机关）:
                begin = name_start(text, c.start, max_len=10, keep=frozenset({"组织"}))  # the name said in full is longer
                if begin < c.start:
                    c.start, c.canonical = begin, text[begin:c.end]
            if not c.generic and c.label in SHORT_NAMED and short != c.canonical \
                    and (said or _abbreviates(short, text[c.start:c.end])):
                c.aliases = tuple(dict.fromkeys(c.aliases + (short,)))
                full.setdefault((c.label, short), c)
    if not full:
        return []

    def rename(c: Candidate) -> None:
        named = full.get((c.label, c.canonical)) or full.get((c.label, text[c.start:c.end]))
        if named is not None and named is not c and c.start >= named.end:
            c.canonical, c.aliases, c.generic = named.canonical, named.aliases, named.generic
        for inner in c.nested:
            rename(inner)

    for c in chosen:
        rename(c)
    taken = bytearray(len(text))
    for c in chosen:
        taken[c.start:c.end] = b"\1" * (c.end - c.start)
    out = []
    for (label, short), named in full.items():  # the short name where no other rule found it
        for hit in re.finditer(rf"(?<![A-Za-z]){re.escape(short)}(?![A-Za-z])", text[named.end:]):
            start, end = named.end + hit.start(), named.end + hit.end()
            if not any(taken[start:end]):
                taken[start:end] = b"\1" * (end - start)
                out.append(Candidate(start, end, label, named.canonical, False, "pattern", named.aliases))
    return out


# a society's abbreviation used with no bracket to introduce it (中国林产工业协会 … 林产协会, 中国光学光电子行业协会 …
# 中国光协, 四川省科技协同创新促进会 … 省协创会): it ends as the name does (…会, …协, …联) and keeps its characters
# in order, opening with the name's first character, the first after its place or country, or its level
ABBREVIATION_TAILS = {"学会": "会", "协会": "协会", "研究会": "会", "促进会": "会", "联合会": "联会", "协进会": "会"}
# the tail opens a word there (…协会议, …会员, 成都科技 + 会堂, 内蒙古 + 协同, 中关村 + 联创, 林产 + 协标: a standard's number)
ABBREVIATION_NOT_BEFORE = {"会": "议员场谈晤展长堂同上后前中", "协": "同调作议助办商力定标", "联": "创盟合系动谊席网"}
ABBREVIATION_NOT_OPENING = "本该我各全其此"  # 本协会, 全省学会: the text's own word or a kind
ABBREVIATION_NOT_AFTER = "个個家多些"  # 20多个工程学会: a count of a kind


@lru_cache(maxsize=4_096)  # bounded; every candidate abbreviation of a text is tried against the same few names
def _name_core(name: str) -> tuple[str, str]:
    """(the level a name's place ends in, the name without its place or country): 四川省科技… → (省, 科技…)."""
    bare = re.sub("^(?:在[日美英法德韩澳]|旅[美欧日英法德加澳])?(?:中国|中华)", "", name)
    if bare != name:
        return "", bare
    place = re.match(f"(?:{'|'.join(PROVINCES)})[省市]?|[{CJK}]{{2,3}}?[省市县区州]", name)
    return (place.group(0)[-1] if place and place.group(0)[-1] in "省市县区州" else "",
            name[place.end():] if place else name)


@lru_cache(maxsize=4_096)
def _abbreviation_tails(name: str) -> str | None:
    """The last characters an abbreviation of the society `name` may end in, by its head (ABBREVIATION_TAILS)."""
    head = next((h for h in ABBREVIATION_TAILS if name.endswith(h)), None)
    return None if head is None else ABBREVIATION_TAILS[head]


def _abbreviation_of(short: str, name: str) -> bool:
    """`short` (no bracket introduced it) abbreviates the society `name`: see ABBREVIATION_TAILS."""
    if len(short) < 3 or len(short) > len(name) - 2 or short in name or short[0] in ABBREVIATION_NOT_OPENING:
        return False
    tails = _abbreviation_tails(name)
    if tails is None or short[-1] not in tails:
        return False
    level, bare = _name_core(name)
    if short[0] == name[0]:
        rest = name
    elif bare and short[0] == bare[0]:
        rest = bare
    elif level and short[0] == level and len(short) >= 4 and bare:
        short, rest = short[1:], bare  # 省 + 协创会
    else:
        return False
    chars = iter(rest)
    return all(ch in chars for ch in short)


def _unbracketed_abbreviations(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Where the text uses a society's abbreviation that no bracket introduced and no other rule found, the
    abbreviation names that society (a byline's 林产协会 of 中国林产工业协会, 中国光协 of 中国光学光电子行业协会)."""
    names = {}
    for c in chosen:
        name = text[c.start:c.end]
        if c.label == "Society" and not c.generic and len(name) >= 5 and re.fullmatch(f"[{CJK}]+", name):
            names.setdefault(name, c)
    if not names:
        return []
    # the names an abbreviation opening with a character can abbreviate (its first, its core's first, or its level
    # before the core's: `_abbreviation_of`), in the order of `names`: a long text names hundreds of societies
    by_opening: dict[str, list[str]] = {}
    for name in names:
        level, bare = _name_core(name)
        for opening in dict.fromkeys((name[0], bare[:1], level if bare else "")):
            if opening:
                by_opening.setdefault(opening, []).append(name)
    taken = bytearray(len(text))
    for c in chosen:
        taken[c.start:c.end] = b"\1" * (c.end - c.start)

    out = []
    for tail in re.finditer("[会协联]", text):
        end = tail.end()
        after = text[end:end + 1]
        if taken[tail.start()] or after and after in ABBREVIATION_NOT_BEFORE[tail.group(0)]:
            continue
        if tail.group(0) == "协" and after == "会" and text[end + 1:end + 2] not in ABBREVIATION_NOT_BEFORE["会"]:
            continue  # 林产协 + 会: the abbreviation ends at 会 (but 中国光协 + 会员)
        reach = end  # how far left it may open: not into another name, not past a mark
        while reach > max(0, end - 8) and not taken[reach - 1] and re.match(f"[{CJK}]", text[reach - 1]):
            reach -= 1
        for start in range(reach, end - 2):  # the longest abbreviation ending here
            short = text[start:end]
            named = next((names[n] for n in by_opening.get(short[0], ()) if _abbreviation_of(short, n)), None)
            if named is not None and not shape_finder().society_kind.fullmatch(short) \
                    and text[start - 1:start] not in ABBREVIATION_NOT_AFTER \
                    and word_across(text, start) is None:  # 无线电 + 工程师协会: no word crosses its start
                taken[start:end] = b"\1" * (end - start)
                out.append(Candidate(start, end, "Society", named.canonical, False, "pattern",
                                     tuple(dict.fromkeys(named.aliases + (short,)))))
                break
    return out


# a department's own unit named after it: 济南市工信局信息化与数字经济处, 省科协学会部, 国家疾控局综合司,
# 科技部中国21世纪议程管理中心 — words that end in a unit's head (name_parts.tsv, Agency unit_head; 部署, 处理,
# 会议室 and 中心工作 do not)
SUB_UNIT_POS = frozenset({"n", "nz", "nt", "vn", "j", "l", "b", "m", "a"})  # not nr: 党组书记贺军科


@cache
def _unit_heads() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """(a word ending in a unit's head, the one-character heads, a head the segmenter joined to a title)."""
    heads = name_parts().get("Agency", "unit_head")
    single = "".join(h for h in heads if len(h) == 1) or "〇"
    return (re.compile(f"(?:{_unit_head_anywhere().pattern})$"), frozenset(single),
            re.compile(f"([{single}])(?:长|副?[{single}]长)"))  # 科科长, 司 + 司长


@cache
def _unit_head_anywhere() -> re.Pattern[str]:
    """A unit's head anywhere in a text: where none is, no word of it can end in one (`_sub_units` skips the
    segmenter there)."""
    return re.compile(name_parts().alternation("Agency", "unit_head") or "(?!)")


LEVEL_CHARACTERS = "省市县区州盟旗乡镇全各本"  # a level or a scope that opens a kind's name (市科技局, 各级科协)


def _bureau_of_a_department(department: Candidate, inner: Candidate, end: int) -> bool:
    """`inner` is a bureau named by its domain alone right after a department, wholly inside the unit that ends at
    `end` (江西省农业厅 + 农机局, 内蒙古农牧业厅 + 农机局): the department's own bureau, not a second body (市科技局,
    with its level, is one: 省科技厅、市科技局)."""
    return (inner.label == "Agency" and inner.generic and inner.start == department.end and inner.end == end
            and inner.canonical[:1] not in LEVEL_CHARACTERS)


UNIT_PERSONS = frozenset({"负责人", "负责同志", "工作人员", "同志", "干部", "职工"})
UNIT_NOT_OPENING = frozenset({"内设", "下设", "设有", "所属", "下属", "直属", "原"})
UNIT_OPENING_VERBS = OPENING_VERBS | {"组织", "宣传", "调"}  # verbs to the segmenter that open units' names
# (创新, 组织处; 调 + 宣部: a 科协's 调研宣传部 by its short form 调宣部)


def by_start(candidates: list[Candidate]) -> dict[int, list[Candidate]]:
    """The candidates by where they start, each list in the order of `candidates`: a long text has thousands, and a
    rule that looks for the ones starting at one place need not read them all."""
    out: dict[int, list[Candidate]] = {}
    for c in candidates:
        out.setdefault(c.start, []).append(c)
    return out


def _sub_units(text: str, base: list[Candidate]) -> list[Candidate]:
    """A department's unit right after it (省科技厅政策法规与基础研究处): the unit is the Agency, the
    department nested in it; a unit of a kind is a kind (省卫生厅医政处). Its name opens with a noun and holds
    nouns, verbal nouns and 与/和, at most 18 characters, and no other organisation's name (中国科协与教育部,
    中国科协党组书记处: two bodies, not one unit)."""
    unit_end, unit_heads, unit_title = _unit_heads()
    not_unit = name_parts().get("Agency", "not_department")
    titles = frozenset(name_parts().get("Agency", "person_title"))
    ordered = sorted(base, key=lambda o: o.start)
    starts = [o.start for o in ordered]
    longest = max((o.end - o.start for o in base), default=0)
    out = []
    for c in base:
        if c.label != "Agency":
            continue
        length, previous, verbs = 0, "", 0
        congress = text.endswith(("人大", "人大常委会"), c.start, c.end)  # its special committees are its units
        window = text[c.end:c.end + 24]  # longer than a unit may be, so its last word is never cut (部 of 部署)
        if not _unit_head_anywhere().search(window, 0, 18) and not (congress and "委员会" in window[:18]):
            continue  # the unit's words lie in its first 18 characters, its head in one of them
        for word, flag in window_words(window):
            if length + len(word) > 18:
                break
            titled = unit_title.fullmatch(word)  # 科科长, 司 + 司长: the segmenter joins a unit's head to a title
            doubled = len(word) == 2 and word[0] == word[1] in unit_heads and window.startswith("长", length + 2)
            if titled or doubled:  # 医政处 + 处长, cut by the segmenter as 医政 + 处处 + 长孙
                word, flag = word[0], "n"
            if length == 0 and word in titles:
                break  # 县科协 + 主席兼任办公室主任: the body's chairman, no unit
            if word in UNIT_PERSONS:
                break  # 省科协计财部 + 负责人和…中心: the people of a unit, no part of another unit's name
            if length == 0 and word in UNIT_NOT_OPENING:
                break  # 区科协内设一科: the department's own word for its units, no unit's name; 水利部 + 原副部长: a former post
            if flag == "v" and len(word) == 1 and word not in unit_heads and not (length == 0 and word in UNIT_OPENING_VERBS):
                break  # 区科协 + 全体工作人员到胜利街道办事处: a one-character verb (到, 在, 赴) is the sentence's, no unit's
            if re.fullmatch(r"\d+", word):
                break  # …领导小组 + 3个办公室: a count of units, no unit's name
            if flag == "v" and (previous == "v" or verbs):
                break  # 各级科协 + 组织紧扣中心: two verbs in a row are a sentence's, no unit's name; so are two
                # verbs apart (县科协 + 团结带领全县科技工作者融入中心: a verb, its object and the next verb)
            if word.endswith(not_unit):
                break  # 贵州科协 + 工作新格局, 工信部 + 有关司局: a word ending in a head, no unit
            verbs = 0 if word in ("与", "和", "及") else verbs + (flag == "v")  # 成果转化与区域创新处: one per part
            verb_inside = flag == "v" and (length > 0 or word in UNIT_OPENING_VERBS)  # 成果转化与区域创新处: verbal
            # nouns; the unit opens with a noun or a verb that opens names (创新战略研究院, 组织处)
            previous = flag
            joiner_inside = word in ("与", "和", "及") and length > 0  # 市科协和社团管理局: a joiner opens no unit
            if not (flag in SUB_UNIT_POS or verb_inside or joiner_inside or word in unit_heads
                    or (congress and flag == "nr")) or "会议" in word:  # 科教文卫: a person's name to the segmenter
                break
            length += len(word)
            head = unit_end.search(word) or (congress and re.search("委员会$", word))  # 全国人大 + 教科文卫委员会
            if head and (length - len(head.group(0)) >= 2 or word == "办公室"):
                end = c.end + length
                near = ordered[bisect.bisect_right(starts, c.end - longest):bisect.bisect_left(starts, end)]
                if not any(o is not c and o.label != "GovernmentFunction" and o.start < end and o.end > c.end
                           and not _bureau_of_a_department(c, o, end) for o in near):  # (none longer than `longest`)
                    # 市科协 + 机关第一支部, 机关老干支部: a branch of its offices' Party members, a Party body of it
                    label = "PartyOrganization" if text.endswith("支部", c.start, end) else "Agency"
                    if label == "Agency" or not re.search("[和与及]", text[c.end:end]):  # 领导班子和支部: two
                        out.append(Candidate(c.start, end, label, text[c.start:end], c.generic, "pattern", nested=[c]))
                break
    return out


# a unit's other name in brackets (学会学术部(国际部), 国际合作部(港澳台办公室)); not 原…, its former one
SECOND_NAME = re.compile(f"[（(](?!原)[{CJK}]{{1,6}}(部|处|办公室)[)）]")
HEAD_ALTERNATIVE = re.compile("[（(](?:局|委|厅|教委|委员会|办|科协)[)）]")  # 卫生厅(局), 科技厅（委）, 教育厅（教委）; 区科技局(科协):
# a county's department that is its 科协 too


def _head_alternatives(text: str, base: list[Candidate]) -> list[Candidate]:
    """A department named with its other head in brackets, as a notice's addressee line does for the places
    that call it otherwise (各省卫生厅(局), 直辖市科技厅（委）): one name, the bracket inside, the same kind."""
    out = []
    for c in base:
        if c.label == "Agency" and text[c.start:c.end].endswith(("厅", "局", "委")):
            m = HEAD_ALTERNATIVE.match(text, c.end)
            if m and m.group(0)[1:-1] != text[c.end - 1]:
                out.append(Candidate(c.start, m.end(), "Agency", text[c.start:m.end()], c.generic, c.source))
        elif c.label == "Agency" and text[c.start:c.end].endswith(("部", "处")):
            m = SECOND_NAME.match(text, c.end)  # 自治区科协学会学术部(国际部): a unit's second name, one unit
            if m and (m.group(1) == text[c.end - 1] or m.group(1) == "办公室"):  # 国际合作部(港澳台办公室)
                out.append(Candidate(c.start, m.end(), "Agency", text[c.start:m.end()], c.generic, c.source))
    return out


# a place masked or left to fill in right before a name that opens with a level (xx市委宣传部, XX 省青年科技奖,
# AA省青年人才托举工程): a template's or a masked page's place, part of the name
MASKED_PLACE = re.compile(r"(?:[xXｘＸ×*＊]{2,}|(?<![A-Za-z0-9*＊])[*＊]|([A-Z])\1)[ 　]?$")


def _masked_places(text: str, chosen: list[Candidate]) -> None:
    """Widen each name that opens with a level to the masked place before it (mutates `chosen`, in text order)."""
    end = 0
    for c in chosen:
        if c.label != "Policy" and c.start > end and text[c.start:c.start + 1] in "省市县区州旗":
            m = MASKED_PLACE.search(text, max(end, c.start - 4), c.start)
            if m and (m.start() == 0 or not re.match("[A-Za-z]", text[m.start() - 1])):
                if c.canonical == text[c.start:c.end] or c.generic:
                    c.canonical = text[m.start():c.end]
                c.start, c.generic = m.start(), False
        end = max(end, c.end)


# a count of people or units at a name's start (8名 + 市科协党总支), or its measure word right after the digits
# (not 人 of 人才: 515人才工程 is a programme's code and its name)
COUNT_OPENING = re.compile(r"\d+(?:[名位个项家]|人(?!才))|(?<=\d)(?:[名位个项家]|人(?!才))|"
                           r"[两三四五六七八九十]+(?=[省市县区州](?:科协|科学技术协会))")  # 五 + 省科协: five provinces' 科协s


def _count_outside(text: str, chosen: list[Candidate]) -> None:
    """A name a count of people or units opens (选举产生8名 + 市科协党总支委员) starts after the count; a policy's
    title stays as written (《11个…指导意见》). Mutates `chosen`."""
    for c in chosen:
        count = None if c.label == "Policy" else COUNT_OPENING.match(text, c.start, c.end)
        if count and c.end - count.end() >= 3:
            if c.canonical.startswith(count.group(0)):
                c.canonical = c.canonical[len(count.group(0)):]
            c.start = count.end()


def _scope_outside(text: str, chosen: list[Candidate]) -> None:
    """A programme or an honour named with the scope of its round (全市优秀科技工作者, “全省优秀科普工作者”) is the
    honour without it (the dev gold: 27 of 30 leave the scope outside). Mutates `chosen`."""
    for c in chosen:
        if c.label == "TalentProgram":
            begin = after_scope(text, c.start, c.end)
            if begin > c.start and c.end - begin >= 4:
                if c.canonical == text[c.start:c.end]:
                    c.canonical = text[begin:c.end]
                c.start = begin


def find_mentions(shadow: Shadow, gazetteer: Gazetteer) -> list[FoundMention]:
    text = shadow.text
    base = (_gazetteer_candidates(text, gazetteer) + _pattern_candidates(text) + _shape_candidates(text)
            + _field_list_candidates(text))
    base = [_canonical(c, gazetteer) for c in _without_each(text, base)]
    units = _sub_units(text, base)
    base += units + _sub_units(text, units)  # 中国科协组织人事部 + 组织处: a unit's own unit
    base += _head_alternatives(text, base)
    candidates = base + [_canonical(c, gazetteer) for c in _nested_candidates(text, base)]
    found = []
    nested_at = {(c.start, c.end, c.label): c.nested for c in candidates if c.nested}
    starting = by_start(candidates)
    kinds = frozenset(name_parts().get("TalentProgram", "category"))
    chosen = _choose(candidates)
    chosen = sorted(chosen + _short_names(text, chosen), key=lambda c: (c.start, c.end))
    chosen = sorted(chosen + _place_dropped(text, chosen), key=lambda c: (c.start, c.end))
    chosen = _list_siblings(text, chosen)
    chosen = sorted(chosen + _unquoted_uses(text, chosen), key=lambda c: (c.start, c.end))
    chosen = sorted(chosen + _unbracketed_abbreviations(text, chosen), key=lambda c: (c.start, c.end))
    _level_alternatives(text, chosen)
    _masked_places(text, chosen)
    _count_outside(text, chosen)
    _scope_outside(text, chosen)
    for c in chosen:
        if DOCUMENT_NUMBER.match(text, c.end):
            continue  # 国办发〔2021〕26号, 科协发学字〔2014〕86号: a document's number, no body acting
        if c.label == "Agency" and (shape_finder().in_state_organ_role(text, c.start, c.end)
                                    or text[c.start:c.end] in BARE_KIND_BODIES):
            continue  # 全国人大代表, 国务院令第250号: a person, a decree; 园区科协: a kind the gold leaves (1 of 9 marked)
        if c.label == "Agency" and text[c.start:c.end].endswith("人大") and re.match("附|科协|校|学院|大学|师生", text[c.end:c.end + 2]):
            continue  # 北京人大附中, 人大科协: 人大 is 中国人民大学 there
        if c.label == "Agency" and text.startswith("系统", c.end) and text[c.start:c.end].endswith(("科协", "科学技术协会")):
            continue  # 全市科协系统, 中国科协系统: the system of associations, no body (dev gold: 49 of 52 unmarked)
        if c.generic and c.label in ("Society", "Agency", "Branch") and QUOTED.fullmatch(text, max(0, c.start - 1), c.end + 1):
            continue  # 名称以“行业协会”“商会”作后缀: a kind's word quoted is the word, no body
        if c.label == "Branch" and JURY.search(text, max(0, c.start - 2), c.start):
            continue  # 青年科技奖评审 + 工作委员会: an award's jury, no branch (the gold: none of 60 marked); the bare
            # head a gazetteer gives (ShapeFinder.branches skips the whole name before it can outgrow the award's)
        if c.label == "Branch" and PARTY_ORGAN.match(text, c.start, c.end):
            c.label, c.nested = "Agency", []  # 中共江西省委教育工作委员会, 中共…街道工作委员会: an organ of the Party, no
            # society's branch (batch v75)
        if c.label == "Branch" and TEMPLATE_FIELD.search(text, c.start, c.end):
            continue  # 中国XX学会XX专业委员会, XXX分会: a rule's template for its branches' names, no branch (batch v72)
        if c.label == "PartyOrganization" and text[c.start:c.end] in ("支部委员会", "机关支部委员会"):
            continue  # 选出新一届支部委员会: a branch's elected committee, no Party body of its own (dev: 10 of 10 unmarked)
        if c.label == "TalentProgram" and c.canonical in kinds:
            c.generic = True  # 自然科学奖 alone: a category every award system has, not one award
        if not c.nested and c.label == "TalentProgram":  # a known programme nests its runner (中国科协青年人才托举工程)
            c.nested = nested_at.get((c.start, c.end, c.label), [])
        if not c.nested and not c.generic and c.label in ("Branch", "PartyOrganization", "TalentProgram"):
            c.nested = _inner_organisation(c, candidates, text, starting)
        start, end = shadow.name_span(c.start, c.end)
        nested = []
        stack = list(c.nested)
        while stack:
            inner = stack.pop()
            s, e = shadow.name_span(inner.start, inner.end)
            nested.append((inner.label, inner.canonical, s, e, inner.generic))
            stack.extend(inner.nested)
        found.append(FoundMention(start, end, c.label, c.canonical, c.generic, c.source, c.aliases,
                                  tuple(nested)))
    return found
