"""Names found by their shape: a modifier span and a head, built from the parts in
`seed_data/rules/name_parts.tsv` (see `extractors.rules`), so that names no gazetteer lists are found.

* Agency — [place] + domain + level (江西省科技厅, 深圳市民政局, 科技部, 省科技厅) or a short form (北京市科委),
  or [place] + government or Party committee [+ office] (大理州政府办公室, 中共湖北省委). Without a place it is a
  generic kind (省科技厅, 市场监管局), except a ministry (民政部, 市场监管总局) and a commission listed with
  ministries (财政部、发展改革委), which are one body. Also: a 科协's departments (中国科协科普部), the Party
  centre's (中央宣传部), a university's 科协, a leading group's working office.
* GovernmentFunction — modifier + act (科技成果评价, 工程能力评价) or a one-word term (团体标准, 科普), not where
  the words modify a thing (评价机构).
* TalentProgram — a name + 奖/科学技术奖/计划/工程/基金 … whose left edge is found word by word (the words
  must be name-like; a verb that introduces the programme, such as 设立 or 实施, stops it); a
  计划/工程/基金 must carry a programme cue (人才, 青年 …); edition and year prefixes stay outside.
* Branch — a field name + 专业委员会/分会 … (摩擦学分会, 森林康养专委会).
* PartyOrganization — an organisation ending in an owner head (大学, 部, 学会 …) + 党委/党组 …; a branch
  named by its members' field and a kind (高教研究联合党支部).

Every shape runs on the simplified shadow text and returns shadow offsets; `extractors.mentions`
merges them with the gazetteer's names and the other patterns (longest name wins).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors.rules import NameParts, name_parts
from extractors.segment import caches_words, pos_tokenizer
from extractors.text_caches import text_cache

CJK = "\u4e00-\u9fff"
# words that can be part of a name (jieba part of speech); verbs only inside programme names
NAME_POS = ("n", "nr", "ns", "nt", "nz", "ng", "nl", "j", "eng", "x", "vn", "an", "b", "m", "t")  # t: 青年
# words that end a name's left edge (关于, 设立, 今年 …) and the few a branch's name may hold (组织):
# seed_data/rules/name_parts.tsv, label Any, part stop_word; label Branch, part name_word
STOP_WORDS = frozenset(name_parts().get("Any", "stop_word")) | frozenset(name_parts().get("Any", "not_name_word"))
OPENING_VERBS = frozenset(name_parts().get("Any", "opening_verb"))  # 创新 opens 创新驱动助力工程
NAME_VERBS = frozenset(name_parts().get("Branch", "name_word"))  # 组织, 联合: verbs that open names too
BRANCH_STOP_WORDS = STOP_WORDS - NAME_VERBS
BRANCH_NAME_WORDS = NAME_VERBS | {"与", "及", "继续"}  # 标准化理论与政策专业委员会, 科普与继续教育工作委员会
# words an award's name holds whatever the segmenter calls them: 何梁何利基金科学与技术奖 (A和B奖 is two awards),
# 终身贡献奖, 测绘类优秀教师奖, 最具网络人气奖 (an adverb, a measure word, a verb)
AWARD_NAME_WORDS = frozenset({"与", "及", "终身", "类", "最", "具", "特别"})  # 科学技术特别贡献奖
# the one-character words a sentence puts right before a body's short form (据中科协统计, 经中科协批准)
SHORT_FORM_AFTER = frozenset("据经由向与和及在对被从将让请获到照给为同把")
OPENING_ADVERBS = frozenset({"终身", "最"})  # 终身荣誉奖, 最具网络人气奖: an adverb a name may open with
AWARD_LAST_WORDS = frozenset({"组织"})  # 优秀组织奖, 最佳组织奖: a stop word elsewhere, an award's last word here
PROGRAMME_NAME_WORDS = frozenset({"与", "和"})  # 学会创新和服务能力提升工程
# an event named before a joiner is the list's item, not a programme's field (“科普之冬”活动和 + 科普惠农兴村计划)
LISTED_ACTIVITIES = ("活动", "行动", "竞赛", "大赛", "会议")
PROGRAMME_JOINERS = ("与", "和", "及")  # A奖与B奖, A工程和B计划, A奖及B奖 are two: a joiner after a whole name splits
JOINER_INSIDE_WORDS = ("普及", "涉及", "波及", "顾及", "惠及", "温和", "平和", "参与", "给与")  # a joiner's character in a word
# verbs that end a programme's name right before its head, though they end a name's left edge elsewhere
# (人才支持计划, 能力提升工程, 人才托举工程)
PROGRAMME_LAST_WORDS = frozenset({"支持", "资助", "培养", "培育", "引进", "提升", "助力", "推进", "托举", "推广"})
# heads of programmes, plans and funds (not awards): their names hold verbs (人才托举工程) and need a cue
PHASE = re.compile("[一二三四五六七八九十]期(?:项目|工程)?")  # 二期项目: a programme's phase after its head
SPECIAL_FUNDS = re.compile("经费|资金|补助|拨款")  # after 专项: money set aside, not a programme (科普专项经费)
PROGRAMME_HEADS = ("计划", "工程", "基金", "专项", "人才计划", "项目")
NOT_FIELDS = frozenset({"专业", "业务", "相关", "有关"})  # 建筑工程专业 + 职称评审: the field is further left, or none
SENTENCE_NOUNS = frozenset({"领导", "指导", "统筹", "管理", "协调"})  # nouns to the segmenter, verbs before a name
LIST_JOINER = re.compile(r"[、，,\s和与及]|会同|联合")  # between two items of one list of bodies
NO_FIELD_HEADS = ("咨询",)  # 决策咨询 takes no field before it (战略 + 决策咨询 is 决策咨询)
# a department's head that runs on into another word: 民政部门, 林业部署, 科委员 (民政部门户网站 is the ministry's)
DEPARTMENT_GOES_ON = re.compile("(?!门(?!户)|署|分(?!别)|员)")  # 科技部分别印发: the ministry
MINISTRY_HEADS = ("部", "总局")  # a department of these without a place is national, one body (民政部, 市场监管总局)
LIST_HEADS = ("工程", "计划", "专项", "行动", "项目", "基金")  # a 、-list of these shares the kind
# the verbs of a leading group's task, inside its name (区推进院士专家工作站建设领导小组, 西昌邛海湿地创建全国科普教育基地
# 工作领导小组, 全面深化改革领导小组)
LEADING_GROUP_WORDS = frozenset({"实施", "工作", "全面", "深化", "推进", "创建", "建设", "推动", "加快"})
BRANCH_OPENING_NOT_NAME = frozenset({"学会", "协会", "研究会", "与", "本会", "该会"})

# a town's name before 乡 or 镇 that the segmenter does not know: two or three characters, none a level or a joiner
TOWN_SUFFIXES = ("乡", "镇")
TOWN_WORDS = frozenset({"城镇", "小镇", "集镇", "村镇", "乡镇", "城乡", "家乡", "下乡", "返乡", "重镇", "古镇"})  # no town's name
PLACEHOLDER = re.compile(r"(?:[xXｘＸ×*＊]{2,}|(?<![A-Za-z0-9*＊ｘＸ×])[xXｘＸ×*＊]|某+)$")  # a place masked or left to fill in (xx市, ×××县, *市, 某县)
TOWN_NAME = re.compile(f"[^\\W\\d全各本每该此一二两几多等和与及或的在于是对向到从为了着过把被让给省市县区州乡镇村]{{2,3}}$")
# a count or an edition before a branch's head is the sentence's (三个专业委员会, 各专委会, 第五届分会, 这一…, 七大…);
# a numeral before a noun is the field's own (三表专业委员会: the three meters)
COUNTED_BRANCHES = re.compile(r"各|第|若干|[大多少]*数|一(?!带一路)|[\d一二三四五六七八九十两几多]+(?:[个家支类批次届项名位种大]|$)")
# words the segmenter calls verbs inside the name of a Party body's owner (国家卫生健康委业务主管社会组织党委,
# 江西制造职业技术学院党支部)
PARTY_OWNER_WORDS = frozenset({"组织", "主管", "业务", "制造"})
# an organisation's name ends here; a programme name found leftwards never reaches over one
ORGANISATION_END = re.compile(r".*(?:学会|协会|研究会|联合会|委员会|科协|研究所|研究院)(?=[^会])")
BARE_ORGANISATION = re.compile("学会|协会|研究会|联合会|委员会|科协")  # the word alone names no runner (学会创新…工程)
AWARD_THEN_GRADE = re.compile("奖(?:一等奖|二等奖|三等奖|特等奖|优秀奖|提名奖|金奖|银奖|铜奖|鼓励奖)$")
SELF_NAMES = ("本学会", "本协会", "我会", "本会", "该会")  # a society's words for itself
# an Inner Mongolian banner's short name: the first character of its name, its wing and its part (阿右旗 of 阿拉善右旗,
# 察右后旗 of 察哈尔右翼后旗, 科左中旗)
BANNER = re.compile(f"[{CJK}][左右][前中后]?旗$")
# a professional title's review (职称评审, 职称评定) in the field of popularisation takes the field along, with the grade
# after it (科普专业职称评审, 科普人才职称评定, 科学传播专业高级职称评审); a bare grade stays outside (the gold differs on it)
TITLE_REVIEW = re.compile("职称(?:评审|评定)$")
POPULARISATION_FIELD = re.compile("(?:科学技术普及|科学传播|科普)(?:专业|人才)?(?:正高级|副高级|高级|中级|初级)?$")
PLACE_VERBS = "驻在赴至到从经由向对受交报送给着了过把被让使同就借指依按据获后"  # glued to a level by the segmenter (驻省, 依省), never part of a place
# a place named only by its level (全省, 市州, 县市区, 设区市): a body there is a kind, not one body
LEVEL_ONLY = re.compile("(?:全|各|本)?(?:地级以上市|县级以上|省|市|州|县|区|盟|旗|乡|镇|地市|地州|设区市|市州|区县|县区|县市区?|市县|省市|园区|自治区|省辖市|省直管县|地级市|县级市|直辖市|副省级城市|城市|村|街道|镇街|社区)+")
# a place's own bodies after its name (官渡区科协, 香格里拉市人民政府): where the document gives a place one, the place is
# a place before its Party committee too (官渡区委); words that are no place's name (山区, 新区, 城区, 市区 …) stay out
PLACE_BODY = "(?:老?科协|科学技术协会|人民政府|政府|人大|政协)"
NOT_PLACE_CHARACTERS = "[委府会协部局厅办院校由分在和与及或的等]"  # a body's or a clause's characters, no place's
NOT_PLACE_POS = ("v", "p", "c", "d", "r", "m", "u", "q", "t", "f")  # a verb, a preposition, a pronoun, a time …: no place's name
PLACE_NOT_NAME = "[和与及或的在是对为同暨有各全本该每其等]|山区|新区|城区|市区|郊区|社区|园区|景区|校区|地区|辖区|街区|矿区|牧区|林区|灾区|老区"
ORGANISATION_HEAD = re.compile("(?:会|协|院|部|厅|局|委|府|办|所|中心|单位|机构|组织|部门|专家|工作)$")
# the provinces' short names: a body's place without its level (新疆地震局, 山东科协)
PROVINCES = ("河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
             "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏",
             "宁夏", "新疆", "香港", "澳门", "北京", "天津", "上海", "重庆")
# a scope before a programme's name is the round's, not the name's (全省 + 中国青年科技奖, 全省 + 综合示范学会一等奖);
# not a word's first characters (全区域, 全市场)
PROGRAMME_SCOPE = re.compile("(?:全省|全市|全区|全县|各地)(?![域场级内外])")


def after_scope(text: str, begin: int, end: int) -> int:
    """`begin`, or past a scope a programme's name opens with (全省 + 综合示范学会一等奖)."""
    scope = PROGRAMME_SCOPE.match(text, begin, end)
    return scope.end() if scope else begin
# an ordinal: an edition (第十四届) or a Party branch's number (第二党支部, 第一综合党委, 第3党小组)
ORDINAL = "第[一二三四五六七八九十百零〇\\d]+"
COUNT = "\\d+[名位个项家人]"  # 30名, 10个 (一项 stays: 是…的一项国家级青年人才计划 describes, names no programme)
# the zones a place names (九江经开区, 南昌高新技术产业开发区): with their administration, or before their 科协
ZONES = ("高新技术产业开发区|经济技术开发区|经济开发区|经开区|高新区|开发区|新区|自贸区|示范区|工业园区|产业园区?|科技园|"
         "出口加工区|综合保税区|保税区")
ZONE_BEFORE = re.compile(f"(?:{ZONES})$")
SPREADING = frozenset({"宣传", "传播", "教育", "宣教"})  # after a function word, these may still modify a thing
AGENT_OR_PLACE = frozenset({"员", "者", "人", "点", "站", "所", "处", "馆", "室", "中心", "基地"})  # who or where
# a count of people or things, or an edition, inside a left walk: the name starts after it (30名第十四届 + …奖)
COUNT_OR_EDITION = re.compile(f"{COUNT}(?:成果)?|{ORDINAL}[届批次期条章款]")  # 等41项成果 + 国家自然科学奖二等奖; 第二条 + …奖 (a rule's article)
# a body's term of office before its name (新一届机关党委, 上届机关党委, 第二届…党委)
TERM = re.compile(f"(?:新一|本|首|上一?|下一?|{ORDINAL})届")
# a national programme known by its three-digit code (863计划, 国家973计划, 211工程, 111计划): the code is its name
NUMBERED_PROGRAMME = re.compile(r"(?:国家)?\d{3}")
NUMBERED_HEADS = ("计划", "工程")
DATE_PREFIX = re.compile(r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?")
DOCUMENT_NUMBER_TAIL = re.compile(r"(?:\d+号)?")  # the end of a 发文字号 a left walk took in: 41号 + 中共教育部党组
# the end of a date a left walk took in: 5月20日 + 省科协, 2023年度 + …专项
DATE_TAIL = re.compile(r"(?<=[\d〇零一二三四五六七八九十])(?:年度|年|月|日)")


def after_date(text: str, begin: int) -> int:
    """`begin`, or past the end of a date it starts inside (日 of 5月20日 before 省科协)."""
    m = DATE_TAIL.match(text, begin)
    return m.end() if m else begin
EDITION = re.compile(rf"^(?:{ORDINAL}[届批]|首批|(?:19|20)\d{{2}}(?:[-—～~至](?:19|20)?\d{{2}})?年度?|"
                     rf"(?:19|20)\d{{2}}(?=[{CJK}])|"  # 2022 + 重庆青年科技创新先锋人物: a bare year before the name
                     r"\(\d{4}\)|（\d{4}）)+")


@dataclass(frozen=True)
class Shape:
    start: int
    end: int
    label: str
    generic: bool


JOINT_OWNER_HEADS = "学会|协会|研究会|基金会|联合会|促进会"  # the heads of the two owners of a joint Party branch
JOINT_OWNER_END = re.compile(f"(?:{JOINT_OWNER_HEADS})$")
JOINT_JOINERS = "与和及-－—"  # 林学会与基金会联合党支部, 四川省林学会-四川省绿化基金会联合党支部
PARTY_PLACES = ("社区", "村", "景区", "园区", "高新区", "开发区")  # their 党委 is a Party body, not a government

# where the name of a society that owns a branch opens: the nation or a province (中国, 中华, 安徽省, 安徽)
OWNER_OPENING = re.compile("中国|中华|" + "|".join(PROVINCES))
# a society's award named with its sponsor's after a hyphen (中国化学会-赢创化学创新奖): up to the award's head
SPONSORED_AWARD = re.compile(f"(?:{OWNER_OPENING.pattern})(?:(?!学会|协会|研究会)[{CJK}]){{0,12}}(?:学会|协会|研究会)[-－—]"
                             f"[{CJK}A-Za-z]{{1,12}}")


def _joiner_town(text: str, end: int) -> re.Match[str] | None:
    """太和镇, 共和镇, 和平乡: a town whose two-character name holds a joiner's character, which the segmenter
    keeps as one name word (nz, ns) right before the suffix; then the character is no joiner."""
    words = window_words(text[max(0, end - 6):end])
    if words and len(words[-1][0]) == 2 and words[-1][1] in ("nz", "ns") and set(words[-1][0]) & set("和与及"):
        return re.compile(".{2}", re.S).match(text, end - 2)
    return None


def _short_owner(text: str, begin: int, end: int) -> bool:
    """text[begin:end] is an institute's short name (中棉所, 机勘院): alone, the segmenter reads it as one name word
    or a place word and its head."""
    if begin < 0 or not re.fullmatch(f"[{CJK}]+", text[begin:end]):
        return False
    words = window_words(text[begin:end - 1])
    return len(words) == 1 and words[0][1].startswith(("ns", "nt", "nz", "j")) and words[0][0] not in STOP_WORDS


@caches_words
@text_cache(maxsize=20_000)  # bounded: a large corpus has millions of windows
def window_words(window: str) -> tuple[tuple[str, str], ...]:
    """The words and part-of-speech tags of a window of text; a preposition or joiner the segmenter glued to the
    level after it (同市 + 康复医院, 由市 + 卫健委) is cut off it."""
    words = []
    for w in pos_tokenizer().cut(window):
        if len(w.word) == 2 and w.word[0] in GLUED_JOINERS and w.word[1] in "省市县区州" and not w.flag.startswith("ns"):
            words += [(w.word[0], "p"), (w.word[1], "n")]
        else:
            words.append((w.word, w.flag))
    return tuple(words)


SENTENCE_WORD_FLAGS = ("v", "a", "d", "p", "c", "u", "r", "m", "q", "t", "f")  # verbs, adjectives, adverbs …


def word_across(text: str, at: int, end: int | None = None) -> str | None:
    """The part of speech of the word the segmenter makes across `at` (a character before it joined to the one at
    it), read from a few characters either side (and past `end`: 各 + 党组成员, not 各党 + 组成); None when `at` is a
    word's edge."""
    begin = max(0, at - 4)
    offset = begin
    for word, flag in window_words(text[begin:(at if end is None else end) + 4]):
        if offset < at < offset + len(word):
            return flag
        offset += len(word)
    return None


def starts_inside_a_word(text: str, start: int, end: int) -> bool:
    """The segmenter joins the character before `start` to the one at it in a word of the sentence, a verb or
    another function word (集中 + 办班): a two-character short form found there (中办) is the tail of that
    word, not a name. A name word the segmenter made (中办国办, 各级党委, 部党组) does not count."""
    flag = word_across(text, start, end)
    return flag is not None and flag.startswith(SENTENCE_WORD_FLAGS)


GLUED_JOINERS = "同与和及向对由在将经从"
GLUED_PREPOSITION = re.compile(f"[{CJK}][由从向对给把被让使将].")  # 先由区, 再由市: no place's name


def preposition_on_level(word: str, levels: str) -> bool:
    """The segmenter glued a preposition or a verb (驻省, 同省), or an adverb and a preposition (先由区), to a level:
    the level alone is the place's."""
    return word[-1:] in tuple(levels) and (
        (len(word) == 2 and word[0] in PLACE_VERBS + GLUED_JOINERS) or GLUED_PREPOSITION.fullmatch(word) is not None)


PROGRAMME_POS = NAME_POS + ("a", "l", "z")  # 最高成就奖, 自然科学奖, 最佳组织奖
# words a company's brand is made of that are no name words elsewhere (中科 + 天元: a quantifier to the segmenter)
COMPANY_POS = ("q", "m", "a", "z", "nrfg", "nrt")


COUNTED = re.compile("[一二三四五六七八九十两几多数\\d]+[个家支类批项名位种]")  # 三家, 多项, 12个: a count of things
# a pronoun for the writer's own unit or the one just named (我院, 本校, 该所, 我司): it opens no Party body's name
PRONOUN = re.compile("[我本该其]")
OWN_UNIT = re.compile(f"{PRONOUN.pattern}[院校所会局厅委部司]")
# the next item of a list of branches, a committee of a few characters with no verb (、学风道德委员会)
LISTED_COMMITTEE = re.compile(f"[、和及]([{CJK}]{{2,10}}?委员会)(?=[、，。,；;和及以这等）)\\s]|$)")
# an ordinal count of one thing inside a window (辽西地区 + 第一个 + 结核病专科分会, 全省首家): the name opens after it
COUNTED_INSIDE = re.compile("(?:第[一二三四五六七八九十\\d]+|首)[个家支]")


_NAME_CHARACTER = re.compile(f"[{CJK}A-Za-z0-9·]")  # what `name_start` walks over


def name_start(text: str, end: int, max_len: int = 16, allow_verbs: bool = False,
               stop: frozenset[str] = STOP_WORDS, pos: tuple[str, ...] = NAME_POS, verb_last: bool = False,
               keep: frozenset[str] = frozenset(), short_verbs: bool = False, last_any: bool = False,
               last_words: frozenset[str] = frozenset(), adjectives: bool = False) -> int:
    """Where a name that ends at `end` starts: walk left over name-like words (jieba), stopping at
    punctuation, a stop word or a word that cannot be part of a name (`keep`: words that can, whatever
    their part of speech; `short_verbs`: a one-character verb too, the piece of a word the segmenter
    did not know, 碳 + 汇; `adjectives`: a one-character adjective left of a name word, 古 + 植物; `last_any`: any word
    of two or more characters right before `end` but a stop word,
    whatever the segmenter calls it (进步 in 科学技术进步奖 is an adverb to it); `last_words`: these words right
    before `end`, stop words or not). Returns `end` when none."""
    start = end
    while start > max(0, end - max_len) and _NAME_CHARACTER.match(text[start - 1]):
        start -= 1
    window = text[start:end]
    if not window:
        return end
    accepted = pending = 0
    for i, (word, flag) in enumerate(reversed(window_words(window))):
        if short_verbs and len(word) == 1 and flag.startswith("v") and word not in stop:
            pending += 1  # kept only when a name word stands left of it (碳汇, not 如/到 before a name)
            continue
        if adjectives and accepted and not pending and len(word) == 1 and flag == "a" and word not in stop:
            accepted += 1  # 古 + 植物分会: an adjective the name opens with
            continue
        verb_ok = allow_verbs or (verb_last and i == 0)  # 创新奖: a verb right before the head
        if i == 0 and (word in last_words or (last_any and len(word) >= 2 and word not in stop
                                              and re.fullmatch(f"[{CJK}]+", word))):
            accepted += len(word)
            continue
        if word not in keep and (word in stop or not (flag.startswith(pos) or (verb_ok and flag.startswith("v")))):
            break
        if word not in keep and ends_in_a_verb(word, stop):
            break  # 全力支持 + 专委会: a phrase the segmenter keeps as one noun ends in a verb that ends a name
        if COUNTED.fullmatch(word):  # a count opens no name: right before the name it counts a kind (五项 + 物理奖,
            # 两项 + 青年科技人才资助计划: no name at all); a verb between, it ends a list before (新疆地理学会 + 三家 + 受 +
            # 历史地理专业委员会)
            return end if not pending else end - accepted
        accepted += pending + len(word)
        pending = 0
    return end - accepted


@lru_cache(maxsize=4_096)
def _verb(word: str) -> bool:
    """The segmenter reads `word` alone as a verb (支持, not 改革 or 单位)."""
    words = window_words(word)
    return len(words) == 1 and words[0][1] == "v"


def ends_in_a_verb(word: str, stop: frozenset[str] = STOP_WORDS) -> bool:
    """A word of three characters or more that the segmenter made (全力支持 as a noun, 大力支持 as a person's name)
    ends in a stop word that is a verb: the phrase ends a name's left edge, whatever its tag."""
    return len(word) >= 3 and word[-2:] in stop and word[-2:] not in NAME_VERBS and _verb(word[-2:])  # not 民间组织


JURY = re.compile("(?:评审|评选|评奖|评比|评定|审定)$")  # a jury's work before its committee's head
PAIRED_VERBS = re.compile(f"[{CJK}]{{2}}与[{CJK}]{{2}}$")


def _branch_start(text: str, end: int, max_len: int = 14) -> int:
    """Where a branch's name that ends at `end` (before its head) starts."""
    return name_start(text, end, max_len=max_len, stop=BRANCH_STOP_WORDS, keep=BRANCH_NAME_WORDS,
                      short_verbs=True, adjectives=True,  # 古植物分会
                      pos=NAME_POS + ("l",))  # 古脊椎动物分会: a fixed phrase to the segmenter


def _head_of(name: str) -> str:
    return next(h for h in LIST_HEADS if name.endswith(h))


def _alt(parts: NameParts, label: str, part: str) -> str:
    return parts.alternation(label, part) or "(?!)"


@text_cache(maxsize=4)  # the texts of the document being read (its windows, its sentences' shadow)
def places_with_bodies(text: str, levels: str, committee: bool) -> dict[str, tuple[int, ...]]:
    """Every piece of two to four characters and a level (of `levels`) that a body of the place follows in `text` (官渡区 of
    官渡区科协), with where each stands: read once per text, so a place is looked up, not searched for, however many
    committees a long document names. With `committee` False its committee counts as such a body too (香格里拉市委)."""
    found: dict[str, list[int]] = {}
    body = re.compile(f"[{re.escape(levels)}](?={PLACE_BODY if committee else f'(?:{PLACE_BODY}|委)'})")
    for m in body.finditer(text):
        for k in (4, 3, 2):
            if m.start() >= k:
                found.setdefault(text[m.start() - k:m.end()], []).append(m.start() - k)
    return {piece: tuple(at) for piece, at in found.items()}


class ShapeFinder:
    def __init__(self, parts: NameParts) -> None:
        self.parts = parts
        a = lambda part: _alt(parts, "Agency", part)  # noqa: E731
        self.place_suffix = frozenset(parts.get("Agency", "place_suffix"))
        self.level_characters = "".join(sorted(x for x in self.place_suffix if len(x) == 1))  # 省, 市, 县 …
        # a merged department names its domains one after another (教育体育局, 工业信息科技局)
        # (教育和科学技术局, 工业和信息化局: two domains joined by 和)
        domains = f"(?:{a('domain')})(?:和?(?:{a('domain')}))*"
        self.department = re.compile(f"(?:{domains}(?:{a('level_head')})|(?:{a('abbreviation')}))"
                                     + DEPARTMENT_GOES_ON.pattern)
        self.state_department = re.compile(f"(?:{a('domain')})(?:行政)?部门")  # 国务院民政部门
        self.government = re.compile(f"(?:{a('government')})(?:{a('office')})?")
        # 上海市委员会 is no 上海市委; 省委组织部, 市委人才办: its departments
        self.committee = re.compile(f"(?:{a('committee')})(?:{a('committee_department')})?(?:{a('office')})?(?!员)")
        # 党委宣传部, 街道党工委组织部: a department of a Party committee named by its kind, not by its level
        self.party_committee_department = re.compile(f"(?:党委|党工委)(?:{a('committee_department')})")
        # 九江经开区管委会, 南昌高新区管理委员会: a zone's administration, named after its place
        self.zone = re.compile(f"(?:{ZONES})(?:管委会|管理委员会)")
        self.national = frozenset(parts.get("Agency", "national"))
        self.country = frozenset(parts.get("Agency", "country"))
        self.owned_office = re.compile(a("owned_office"))
        self.association = re.compile(f"(?<!老)(?:{a('association')})")  # 老科协 is a society
        self.central_department = re.compile(f"(?:{a('central')})(?:{a('committee_department')})")
        self.state_organ = re.compile(a("state_organ"))
        # a deputy, a decree or a session (全国人大代表, 国务院令, 全国人大一次会议); 代表会 would be a body (a document
        # number's issuer code, 国办发〔2016〕10号, is left out with every name before one: mentions.DOCUMENT_NUMBER)
        self.state_organ_role = re.compile(f"[一二三四五六七八九十]*(?:{a('state_organ_role')})(?!会)")
        self.committee_departments = frozenset(parts.get("Agency", "committee_department"))
        self.committees = tuple(parts.get("Agency", "committee"))  # 省委, 市委 …: a place's Party committee
        self.state_council_office = re.compile(f"国务院(?:{a('office')})")  # 国务院侨办, 国务院扶贫办
        self.not_department = frozenset(parts.get("Agency", "not_department"))
        f = lambda part: _alt(parts, "GovernmentFunction", part)  # noqa: E731
        not_after = "".join(f"(?<!{re.escape(w)})" for w in parts.get("GovernmentFunction", "not_after"))
        self.function = re.compile(f"{not_after}(?:(?:{f('modifier')})+(?:{f('head')})|{f('term')})(?!{f('not_before')})")
        self.function_head = re.compile(f"(?:{f('head')})$")
        self.function_thing = re.compile(f"(?:{f('not_before')})")
        self.activity_nouns = parts.get("GovernmentFunction", "activity_noun")
        self.programme = re.compile(_alt(parts, "TalentProgram", "head"))
        self.programme_end = re.compile(f"(?:{_alt(parts, 'TalentProgram', 'head')})$")
        self.programme_cue = re.compile(_alt(parts, "TalentProgram", "programme_cue"))
        self.programme_stop = frozenset(parts.get("TalentProgram", "stop"))
        self.programme_generic = frozenset(parts.get("TalentProgram", "generic"))
        self.honour_words = tuple(parts.get("TalentProgram", "honour_word"))  # 优秀, 先进: an honour's first word
        self.programme_sentence_verbs = frozenset(parts.get("TalentProgram", "sentence_verb"))
        self.longer_word = parts.get("TalentProgram", "longer_word")
        self.branch = re.compile(f"(?:{_alt(parts, 'Branch', 'head')})(?!场|议)")
        self.branch_stop = tuple(parts.get("Branch", "stop"))  # a name ending in one is no branch
        self.branch_generic = frozenset(parts.get("Branch", "generic"))
        # 党组织 is no 党组; a joint or general committee of a kind of owner: 社会组织联合党委, 社会组织第一综合党委
        # 学院教工第一党支部, 江西制造职业技术学院科研党支部: the members a branch gathers stand between owner and ordinal
        members = _alt(parts, "PartyOrganization", "member_group")
        self.party = re.compile(f"(?P<owner>{_alt(parts, 'PartyOrganization', 'owner_head')})(?P<members>{members})?"
                                f"(?:(?<=大学)校|(?:{ORDINAL})?(?:{_alt(parts, 'PartyOrganization', 'qualifier')})|{ORDINAL}(?:综合)?)?"
                                f"(?:{_alt(parts, 'PartyOrganization', 'head')})(?!织)")
        # 教工第一党支部, 学生党支部: a branch named by its members alone is a kind
        self.member_branch = re.compile(f"(?:{members})(?:{ORDINAL})?(?:党支部|党总支|党委)")  # 离退休党委, 院级党委
        self.institution_association = re.compile(f"(?:{_alt(parts, 'PartyOrganization', 'institution')})(?:科协|科学技术协会)")
        self.not_unit = frozenset(parts.get("PartyOrganization", "not_unit"))
        self.party_head = re.compile(f"(?:{_alt(parts, 'PartyOrganization', 'head')})(?!织)")
        scope = "|".join(sorted(map(re.escape, parts.get("Society", "scope")), key=len, reverse=True)) or "(?!)"
        # a kind of society (全省学会, 市级学会, 行业协会) owns a kind of Party body
        self.society_kind = re.compile(f"(?:{scope}|{LEVEL_ONLY.pattern})+级?(?:学会|协会|研究会|联合会|促进会|科技社团)")

    # --- Agency --------------------------------------------------------------------------------
    def place_start(self, text: str, start: int) -> int:
        """The start of a place name (湖北省, 深圳市, 大理州, 新疆生产建设兵团) ending right before `start`, or `start`."""
        suffix = next((x for x in self.place_suffix if text.endswith(x, 0, start)), None)
        if suffix is None:
            province = next((p for p in PROVINCES if text.endswith(p, 0, start)), None)
            return start - len(province) if province else start
        placeholder = PLACEHOLDER.search(text, max(0, start - len(suffix) - 5), start - len(suffix))
        if placeholder:  # xx市科协, 某县科协: a template's or a masked page's place, a place all the same
            return placeholder.start()
        # a list's joiner or 的 is never inside a place name (…发展改革委和省民政厅: 省, not 委和省)
        floor = max(0, start - 10)
        cut = max((text.rfind(j, floor, start - len(suffix)) for j in "和与及或的、"), default=-1)
        begin = name_start(text[cut + 1:] if cut >= 0 else text, start - (cut + 1 if cut >= 0 else 0), max_len=10)
        begin += cut + 1 if cut >= 0 else 0
        words = window_words(text[begin:start])
        # keep only the trailing words that form the place: a place word (ns) or the suffix itself
        keep = 0
        for word, flag in reversed(words):
            if preposition_on_level(word, self.level_characters):
                keep += 1  # 监委驻省科技厅, 先由区科协主席: the level alone
                break
            if flag.startswith("ns") or word in self.place_suffix or (keep == 0 and word.endswith(suffix)):
                keep += len(word)
            else:
                break
        if keep in (0, len(suffix)) and start - len(suffix) > max(floor, cut + 1):  # 寻甸(ns) + 县(zg): the walk stopped
            before = window_words(text[max(floor, cut + 1, start - len(suffix) - 4):start - len(suffix)])  # at a level the
            if before and len(before[-1][0]) >= 2 and before[-1][1].startswith("ns"):  # segmenter tags apart; the place
                keep = len(suffix) + len(before[-1][0])  # word before it is the place's name
        if keep <= len(suffix) + 1 and suffix in TOWN_SUFFIXES and text[start - 2:start] not in TOWN_WORDS:
            # 章驮乡, 马圈子镇, 茶庵岭镇: a town the segmenter does not know (not 新型城镇, 特色小镇)
            town = (TOWN_NAME.search(text, max(floor, cut + 1, start - len(suffix) - 3), start - len(suffix))
                    or _joiner_town(text, start - len(suffix)))
            if town and not any(len(word) > 1 and flag.startswith(("v", "p", "c", "d", "r", "m", "u", "q"))
                                for word, flag in window_words(town.group(0))):  # 召开乡科协: a verb, no town
                keep = start - town.start()
        begin = start - (keep or len(suffix))
        if start - begin == len(suffix) + 1 and begin and re.match(f"[{CJK}]", text[begin - 1]) \
                and text[begin] not in "省市县区州盟旗乡镇村" \
                and window_words(text[begin - 1:begin + 1]) == ((text[begin - 1:begin + 1], "ns"),):
            begin -= 1  # 连 + 山县: the segmenter split a place's first character off (连山县科协); 连山 is one place
        if suffix == "旗":
            banner = BANNER.search(text, max(0, start - 4), start)
            if banner and banner.start() < begin:
                begin = banner.start()  # 阿 + 右旗, 察 + 右后旗: a banner's short name (阿拉善右旗) is one place
        begin = after_date(text, begin)  # 5月20日省科协: a date's last character is no part of the place
        if start - begin == 1 and suffix in "区县市州旗":  # 琅琊 + 区科协: a place the document names elsewhere
            begin = self._place_named_elsewhere(text, begin, committee=False)
        if LEVEL_ONLY.fullmatch(text, begin, start):  # a bare level may end a run of levels: 市州, 县市区
            for k in (2, 1):
                if begin >= k and text[begin - k] not in "全各本" and LEVEL_ONLY.fullmatch(text, begin - k, start):
                    return begin - k
        return begin

    def _place_word(self, text: str, start: int) -> int:
        """The start of a bare place word (湖北, 大理) right before `start`, or `start`: for bodies whose
        name holds the place's level (湖北省委). A word the segmenter tags otherwise (伊春 as a person's name)
        is a place when it and the level after it (伊春市) make one place word, and so is a proper name that ends
        in the committee's own level (贾汪区 + 区委)."""
        placeholder = PLACEHOLDER.search(text, max(0, start - 5), start)
        if placeholder:  # 中共×××县委, xx市委: a template's or a masked page's place, a place all the same
            return placeholder.start()
        begin = name_start(text, start, max_len=8)
        words = window_words(text[begin:start])
        if words and len(words[-1][0]) >= 2 and (
                words[-1][1].startswith("ns") or (
                    start < len(text) and window_words(words[-1][0] + text[start])[0] == (words[-1][0] + text[start], "ns"))
                or (len(words[-1][0]) >= 3 and start < len(text) and words[-1][0][-1] == text[start]
                    and words[-1][1].startswith(("nr", "ns", "nz")))):  # 贾汪区 + 区委 (a name; not 市辖区, 开发区)
            return start - len(words[-1][0])
        for k in (3, 2):  # 代表 + 包头(v) + 市委: in its sentence the segmenter read the place as a verb; alone, 包头市
            piece = text[max(0, start - k):start + 1]  # is one place word
            if len(piece) == k + 1 and not re.search("[和与及或的在是对为同暨]", piece) \
                    and window_words(piece) == ((piece, "ns"),):
                return start - k
        return self._place_named_elsewhere(text, start)

    def _place_named_elsewhere(self, text: str, start: int, committee: bool = True) -> int:
        """The start of a place the document names elsewhere before one of its bodies (官渡区 of 官渡区科协, 香格里拉市 of
        香格里拉市人民政府) ending in the level at `start` (官渡 + 区委), or `start`: a county the segmenter does not know
        is a place all the same where the document gives it a body of its own; for a body other than its committee
        (`committee` False: 琅琊 + 区科协), its committee elsewhere is such a body too (香格里拉市委)."""
        if start >= len(text) or text[start] not in self.level_characters:
            return start
        for k in (4, 3, 2):  # the longest piece first: 香格里拉 + 市委, not 里拉
            piece = text[max(0, start - k):start + 1]
            if len(piece) < k + 1 or not re.fullmatch(f"[{CJK}]+", piece) or re.search(PLACE_NOT_NAME, piece) \
                    or piece[0] in PLACE_VERBS or LEVEL_ONLY.fullmatch(piece) or re.search(NOT_PLACE_CHARACTERS, piece[:-1]) \
                    or any(flag.startswith(NOT_PLACE_POS) and (len(word) > 1 or flag.startswith(("p", "c", "u", "r")))
                           for word, flag in window_words(piece[:-1])):
                continue  # 参加 + 区科协: a verb, no place; 市委 + 市政府, 议由 + 市科协, 部分 + 市人大: no place either
            if any(at != start - k for at in places_with_bodies(text, self.level_characters, committee).get(piece, ())):
                return start - k
        return start

    def _association_department(self, text: str, start: int) -> int | None:
        """The end of a department's name (科普部, 学会学术部, 书记处) that follows a 科协 at `start`, or None."""
        m = re.compile(f"([{CJK}]{{1,6}}?)部(?![门分署])|书记处").match(text, start)
        if not m:
            return None
        if m.group(1) is not None and m.group(0).endswith("支部"):
            return None  # 机关支部: a Party branch of the association's offices, no department (found as a Party body)
        if m.group(1) is not None:
            words = window_words(m.group(0))
            if (m.group(0) in self.not_department or any(m.group(0).endswith(w) for w in self.not_department)
                    or not all(f.startswith(("n", "vn", "j")) or w == "部" or w in NAME_VERBS
                               or (f.startswith("v") and len(w) >= 2) for w, f in words)  # 科学技术创新部
                    or any(w in STOP_WORDS - NAME_VERBS for w, _ in words)):  # 组织人事部
                return None
        return m.end()

    def zone_place(self, text: str, start: int) -> int:
        """The start of the place that names a zone starting at `start` (赣州市经开区, 九江经开区), or `start`."""
        place = self.place_start(text, start)
        if place == start:  # 九江经开区, 万盛经开区: a place word (the segmenter may call it a noun)
            words = window_words(text[max(0, start - 6):start])
            if words and words[-1][1].startswith("n") and len(words[-1][0]) >= 2 and words[-1][0] not in STOP_WORDS:
                place = start - len(words[-1][0])
                if len(words) >= 2 and words[-2][1].startswith("ns") and len(words[-2][0]) >= 2:
                    place -= len(words[-2][0])  # 上海浦东 + 金桥 + 出口加工区: the city before the zone's own name
            if len(words) >= 2 and words[-1][1] in ("n", "vn") and len(words[-1][0]) == 2 \
                    and words[-2][1] in ("ns", "nr", "nz") and len(words[-2][0]) >= 2:
                place = start - len(words[-1][0]) - len(words[-2][0])  # 查干湖 + 旅游 + 经济开发区, 寻甸 + 特色 + 产业园区:
                # the place's name, then the zone's field
        return place

    @staticmethod
    def _level_run(text: str, start: int) -> int:
        """The start of a run of bare levels that ends a level at `start` (市 + 州委组织部, 地州 + 市科协), or `start`."""
        for k in (2, 1):
            if start >= k and re.fullmatch("[省市州县区地]+", text[start - k:start]) and text[start] not in text[start - k:start] \
                    and (start == k or text[start - k - 1] not in "全本") \
                    and LEVEL_ONLY.fullmatch(text, start - k, start + 1):  # 区区委, 全省市委, 城市委: no run of levels
                return start - k
        return start

    def _national(self, text: str, start: int, country: bool = False) -> int:
        """The start of 国家/全国 right before `start` (国家知识产权局), or of 中国 when `country` (中国气象局), or `start`."""
        prefixes = sorted(self.national | self.country if country else self.national)
        return next((start - len(n) for n in prefixes if text.endswith(n, 0, start)), start)

    def in_state_organ_role(self, text: str, start: int, end: int) -> bool:
        """A central body's name (国务院, 全国人大) right before a deputy, a decree or a session:
        全国人大代表, 国务院令第250号, 全国人大一次会议 name a person, a law or a meeting, not the body."""
        return bool(self.state_organ.fullmatch(text, start, end) and self.state_organ_role.match(text, end))

    def agencies(self, text: str) -> list[Shape]:
        out = []
        for m in self.association.finditer(text):  # 中国科协 and any place's 科协 or 社科联 are bodies of the state
            begin = m.start() - 2 if text[max(0, m.start() - 2):m.start()] == "中国" else self.place_start(text, m.start())
            before = text[max(0, m.start() - 2):m.start() - 1]
            if m.group(0) == "科协" and begin == m.start() and text[max(0, m.start() - 1):m.start()] == "中" \
                    and (not re.match(f"[{CJK}]", before) or before in SHORT_FORM_AFTER):
                begin -= 1  # 中科协: the national association's short form (not 高中科协, 其中科协)
            zone = ZONE_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if zone:  # 万盛经开区科协, 重庆高新区科协: a zone's association, named by its place
                begin = min(begin, self.zone_place(text, zone.start()))
            scope = text[max(0, m.start() - 2):m.start()]
            if begin == m.start() and (scope == "各级" or scope == "全国" and "科" not in m.group(0)):
                begin -= 2  # 各级工商联 (a kind), 全国工商联 (one body; the nation's 科协 is 中国科协)
            if begin < m.start():
                generic = bool(LEVEL_ONLY.fullmatch(text, begin, m.start())) or scope == "各级"
                out.append(Shape(begin, m.end(), "Agency", generic))
                end = self._association_department(text, m.end())
                if end:  # 中国科协科普部, 省科协学会学术部: a department of the association, a kind when it is
                    out.append(Shape(begin, end, "Agency", generic))
        # 国务院, 党中央: a closed class, each a name by itself (not in a title or a decree: mentions.find_mentions)
        out += [Shape(m.start(), m.end(), "Agency", False) for m in self.state_organ.finditer(text)
                if not (m.end() - m.start() <= 2 and starts_inside_a_word(text, m.start(), m.end()))]  # 集中 + 办班
        for rx in (self.central_department, self.state_council_office):  # 中央宣传部, 中共中央组织部, 国务院侨办
            out += [Shape(m.start(), m.end(), "Agency", False) for m in rx.finditer(text)]
        zones = set()
        for m in self.zone.finditer(text):
            place = self.zone_place(text, m.start())
            out.append(Shape(place, m.end(), "Agency", place == m.start()))  # 工业园区管委会 alone: a kind
            zones.add(m.end())
        for m in re.finditer("管委会|管理委员会", text):  # 长白山管委会, 中关村管委会: a place's administration
            if m.end() in zones:
                continue
            words = window_words(text[max(0, m.start() - 6):m.start()])
            named = words and len(words[-1][0]) >= 2 and words[-1][1].startswith(("ns", "nz")) and m.group(0) == "管委会"
            begin = m.start() - len(words[-1][0]) if named else m.start()
            if named or m.group(0) == "管委会":  # 管理委员会 alone is many bodies' (a fund's, a base's)
                out.append(Shape(begin, m.end(), "Agency", not named))  # 党工委、管委会: the kind
        # 长白山管委会科协, 高新区管委会科协: the association of a place's administration, one body with it
        out += [Shape(s.start, s.end + 2, "Agency", s.generic) for s in list(out)
                if s.label == "Agency" and text.endswith(("管委会", "管理委员会"), s.start, s.end)
                and text.startswith("科协", s.end)]
        for rx, ministry_head in ((self.department, True), (self.government, False)):
            for m in rx.finditer(text):
                begin = self.place_start(text, m.start())
                national = self._national(text, begin, country=ministry_head) if begin == m.start() else begin
                place = text[begin:m.start()]
                if national < begin:  # 国家知识产权局, 全国人大常委会: one body
                    out.append(Shape(national, m.end(), "Agency", False))
                    continue
                if not place and rx is self.government and not text[m.start():m.end()].endswith(("办公厅", "办公室")):
                    continue  # bare 政府 / 党委: not a body by itself
                if not place and m.group(0) in self.committee_departments:
                    continue  # 宣传部(长), 统战部部长: a Party committee's department of no named place is no ministry,
                    # and a bare kind, like 党委 alone, is no entity (a title, 宣传部长, is no body at all)
                generic = (len(place) <= 1 or bool(LEVEL_ONLY.fullmatch(place))) and not (
                    ministry_head and m.group(0).endswith(MINISTRY_HEADS) and not place)  # 县市区党委: a kind
                # 蓝旗新村社区党委, 东南村党委, 景区党委: a community's, a village's or a park's Party committee is a
                # Party body (a township's or a district's, 镇党委, 区党委, is its government's: an Agency)
                party = rx is self.government and m.group(0).startswith(("党委", "党工委")) and place.endswith(PARTY_PLACES)
                out.append(Shape(begin, m.end(), "PartyOrganization" if party else "Agency", generic))
        for m in self.state_department.finditer(text):  # only with a national owner: 国务院民政部门
            begin = self._national(text, m.start())
            if begin < m.start():
                out.append(Shape(begin, m.end(), "Agency", False))
        for m in self.committee.finditer(text):  # 湖北省委; bare 省委 is the kind, where it stands alone
            begin = self._place_word(text, m.start())
            if begin < m.start():
                if re.match("[县区旗]委", m.group(0)) and text.endswith(("市", "州", "盟"), 0, begin):
                    begin = self.place_start(text, begin)  # 珠海市 + 斗门 + 区委: the city before its district's name
                begin -= 2 if text.endswith("中共", 0, begin) else 0  # 中共利津县委: the Party's name is the name's
                begin -= 3 if text.endswith("共青团", 0, begin) else 0  # 共青团祥云县委: the Youth League's committee
                out.append(Shape(begin, m.end(), "Agency", False))
            elif m.end() == len(text) or re.match(r"[、，。；：,;\s和与及省市州县区]", text[m.end()]) or m.group(0) != text[m.start():m.start() + 2]:
                out.append(Shape(self._level_run(text, m.start()), m.end(), "Agency", True))
        for m in self.party_committee_department.finditer(text):  # 湖北省党委宣传部; bare 党委宣传部 is the kind
            begin = self._place_word(text, m.start())
            out.append(Shape(begin, m.end(), "Agency", begin == m.start()))
        for m in self.owned_office.finditer(text):  # 中共中央办公厅, 国务院办公厅: the office of any owner
            begin = name_start(text, m.start(), max_len=10, pos=("n", "j"))  # nouns only: no date before it
            begin = self._name_opening(text, begin, m.start())
            if m.start() - begin >= 2:
                out.append(Shape(begin, m.end(), "Agency", False))
        for m in re.finditer("办公室", text):  # 国家科学技术奖励工作办公室: a national office
            begin = name_start(text, m.start(), max_len=14, pos=("n", "j", "vn"))
            national = next((n for n in self.national if text.startswith(n, begin, m.start())), None)
            if national and m.start() - begin > len(national) + 1:
                out.append(Shape(begin, m.end(), "Agency", False))
        for m in re.finditer("(?:工作|领导小组)办公室", text):  # 省全民科学素质纲要实施工作办公室: a working office
            begin = name_start(text, m.start(), max_len=18, pos=("n", "nz", "vn", "j", "l", "ns"),
                               keep=frozenset({"实施", "工作"}))
            level = LEVEL_ONLY.match(text, begin, m.start())
            words = window_words(text[begin:m.start()])
            if level and level.end() > begin and m.start() - level.end() >= 4:
                out.append(Shape(begin, m.end(), "Agency", True))  # a bare level (省…办公室): the kind
            elif words and words[0][1].startswith("ns") and m.start() - begin >= 6:
                out.append(Shape(begin, m.end(), "Agency", False))  # 湖北省…领导小组办公室
        out += self._leading_groups(text)
        for m in re.finditer("街道办事处", text):  # a town district's office; in an address (…街道办事处二庙社区) a place,
            if re.match(f"[{CJK}]{{1,8}}?(?:社区|村)|科协", text[m.end():m.end() + 10]):  # before 科协 its owner
                continue
            begin = name_start(text, m.start(), max_len=6, pos=("ns", "nz", "nr", "ng"))  # a place's name only, no verb
            out.append(Shape(begin, m.end(), "Agency", begin == m.start() or bool(LEVEL_ONLY.fullmatch(text, begin, m.start()))))
        return self._national_lists(text, out)

    def _leading_groups(self, text: str) -> list[Shape]:
        """A place's or the centre's leading group (领导小组) is a body of the state: 安徽省委全面深化改革领导小组,
        国家科教工作领导小组, 县委人才领导小组 (a bare level's: the kind). One of no place (筹备工作领导小组, 项目领导小组)
        is a meeting's or a project's working group, no body. Its office (…领导小组办公室) is found above."""
        out = []
        for m in re.finditer("领导小组(?!办公室)", text):
            begin = name_start(text, m.start(), max_len=24, pos=("n", "vn", "j", "l", "v", "a", "ad", "z"),
                               keep=LEADING_GROUP_WORDS)
            words = window_words(text[begin:m.start()])
            # the name opens at its first place, level or national word (按照 + 市应对疫情工作领导小组)
            for word, flag in words:
                if word[0] in "和与及" and len(word) > 1 and LEVEL_ONLY.fullmatch(word[1:]):
                    begin += 1  # 和县: a list's joiner glued to a bare level, the kind
                    break
                if flag.startswith("ns") or (flag == "nt" and word.endswith(self.committees)) \
                        or LEVEL_ONLY.fullmatch(word) or word in self.national \
                        or word in ("中央", "中共中央") or self.committee.fullmatch(word):
                    break
                begin += len(word)
            else:
                continue
            if m.start() - begin < 2 or re.search("科协|学会|协会|社团", text[begin:m.start()]):
                continue  # 市科协深化改革领导小组: an association's own working group, as a project's is (the gold: none)
            level = LEVEL_ONLY.match(text, begin, m.start()) or self.committee.match(text, begin, m.start())
            generic = bool(level) and not text[begin:level.end()].startswith(("全国",))
            out.append(Shape(begin, m.end(), "Agency", generic))
        return out

    def _national_lists(self, text: str, found: list[Shape]) -> list[Shape]:
        """A commission named without a place in one list with ministries is national, like them
        (财政部、科技部、教育部、发展改革委: the national commission, not a kind of one); a bare 局 or 厅
        is local whatever its neighbours (a national bureau is 国家…局 or …总局)."""
        ministries = [s for s in found if not s.generic and text[s.start:s.end].endswith(MINISTRY_HEADS)]
        out = []
        for shape in found:
            if shape.generic and text[shape.start:shape.end].endswith("委") and \
                    self.department.fullmatch(text, shape.start, shape.end) and any(
                    LIST_JOINER.fullmatch(text, min(shape.end, m.end), max(shape.start, m.start)) for m in ministries):
                shape = Shape(shape.start, shape.end, "Agency", False)
            out.append(shape)
        return out

    # --- GovernmentFunction --------------------------------------------------------------------
    def functions(self, text: str) -> list[Shape]:
        out = []
        for m in self.function.finditer(text):
            if self.modifies_thing(text, m.end()) or self.quoted_name_word(text, m.end()):
                continue
            begin = m.start()
            if self.function_head.search(m.group(0)) and not m.group(0).endswith(NO_FIELD_HEADS):  # 机械 + 工程师资格认证, 地质 + 科技成果第三方评价: a field before it
                words = window_words(text[max(0, begin - 6):begin])
                if words:
                    word, flag = words[-1]
                    if (len(word) >= 2 and flag in ("n", "nz") and word not in STOP_WORDS and word not in NOT_FIELDS
                            and not ORGANISATION_HEAD.search(word)):
                        begin -= len(word)
            if TITLE_REVIEW.search(m.group(0)):  # 科普专业职称评审: the field of popularisation is part of the review
                field = POPULARISATION_FIELD.search(text, max(0, begin - 11), begin)
                begin = field.start() if field else begin
            out.append(Shape(begin, m.end(), "GovernmentFunction", False))
        return out

    @staticmethod
    def quoted_name_word(text: str, end: int) -> bool:
        """A function word right before a quoted name is that project's word (科普“一站、一栏、一员”建设)."""
        return text[end:end + 1] in "“「"

    def modifies_thing(self, text: str, end: int) -> bool:
        """A function word that ends at `end` modifies a thing there (科普基地, 评价机构; 科普书籍, 科普宣传员: any
        noun but one naming the activity itself, 科普事业): no function."""
        if self.function_thing.match(text, end):
            return True
        words = window_words(text[end:end + 6])
        if len(words) > 1 and words[0][0] in SPREADING and words[1][1] == "n" and words[1][0] not in self.activity_nouns:
            return True  # 科普宣传资料, 科普宣传阵地: the spreading's thing
        if not words or words[0][1] != "n" or re.fullmatch("[一二两三四五六七八九十几]者", words[0][0]):
            return False  # 科普三者: a count of the things before, no thing
        word = words[0][0]  # 科普工作力度 names the activity; 科普宣传员, 科普宣传点 a person and a place; 时 alone
        return not any(word == a or (len(a) > 1 and word.startswith(a) and word[len(a):] not in AGENT_OR_PLACE)
                       for a in self.activity_nouns)

    # --- TalentProgram -------------------------------------------------------------------------
    def programmes(self, text: str) -> list[Shape]:
        out = []
        for m in self.programme.finditer(text):
            head = m.group(0)
            if self._longer_word(text, head, m.end()) and not (
                    head == "工程" and text.startswith("项目", m.end()) and text.endswith(tuple(PROGRAMME_LAST_WORDS), 0, m.start())):
                continue  # 奖励, 计划单列, 工程师: the head is part of a longer word (not 助力工程 + 项目: the programme's project)
            if re.match(r"[〔\[［(（]\d{4}[〕\]］)）]\d+号", text[m.end():m.end() + 12]):
                continue  # 国科发奖〔2017〕196号: a 发文字号, not an award
            if head == "奖" and text.endswith("有", 0, m.start()):
                continue  # 之旅有奖活动, 有奖竞猜: 有奖 is "with prizes", no award's name
            if head == "专项" and SPECIAL_FUNDS.match(text, m.end()):
                continue  # 市级科普专项经费, 区科技专项资金: a budget's special funds, no programme
            award = head not in PROGRAMME_HEADS
            # verbs stand inside programme names (人才托举工程), hardly ever inside award names
            begin = name_start(text, m.start(), max_len=18, allow_verbs=True, pos=PROGRAMME_POS, verb_last=award,
                               keep=AWARD_NAME_WORDS if award else PROGRAMME_NAME_WORDS, last_any=award,
                               last_words=AWARD_LAST_WORDS if award else PROGRAMME_LAST_WORDS)
            for word in PROGRAMME_JOINERS:
                joiner = text.rfind(word, begin, m.start())
                if joiner > 0 and text[joiner - 1:joiner + 1] in JOINER_INSIDE_WORDS:
                    continue  # 科学技术普及奖: the 及 of 普及 joins nothing
                if joiner >= 0 and (joiner == m.start() - 1 or joiner == begin
                                    or self.programme_end.search(text[begin:joiner])
                                    or text.endswith(LISTED_ACTIVITIES, begin, joiner)
                                    or text.startswith(("全国", "中国", "中华"), joiner + 1)
                                    or text.startswith(self.honour_words, joiner + 1)):
                    begin = joiner + 1  # A奖与B奖 are two; 科学与技术奖 is one; 活动与 + 全国创新争先奖; 优秀科技建议和
                    # + 优秀金桥工程: an honour's word opens the second
            begin = self._name_opening(text, begin, m.start())
            if award:
                begin = self._place_after_verb(text, begin, m.start())
            national = text.find("全国", begin, m.start())
            if national - begin == 2 and text[begin:national] in SENTENCE_NOUNS:
                begin = national  # 组织领导 + 全国创新争先奖: the sentence's verb the segmenter called a noun
            offset = begin
            for word, _ in window_words(text[begin:m.start()]):  # 该奖设自然科学奖: a sentence's one-character
                offset += len(word)                              # verb, the name starts after it (not 胡刚复物理奖)
                if word in self.programme_sentence_verbs and offset < m.start():  # 最佳组织奖: its own last word
                    begin = offset
            owner = ORGANISATION_END.search(text, begin, m.start())
            if owner and not BARE_ORGANISATION.fullmatch(text, begin, owner.end()) \
                    and not self._societies_of_a_place(text, begin, owner.end()) and not (
                    text.startswith(("中国", "中华"), begin) and not owner.group(0).endswith(("研究所", "研究院"))):
                # 江苏省生态研究会负责…工程, 省科协 + 创新驱动助力工程: a programme's name holds no local runner, nor an
                # institute's; a national society's own award carries its name (中国化学会青年化学奖; the gold: 137 in 142)
                begin = self._name_opening(text, owner.end(), m.start())
            while begin < m.start() and text[begin] in "·•・":
                begin += 1  # ·邮箱大奖: a list's bullet on a scraped page opens no name
            self_name = next((s for s in SELF_NAMES if text.startswith(s, begin)), "")
            if self_name and m.start() - begin > len(self_name) + 2:
                begin += len(self_name)  # 依托我会 + 创新驱动助力工程: the society's word for itself is no part of the name
            counted = list(COUNT_OR_EDITION.finditer(text, begin, m.start()))
            if counted:  # 产生30名第十四届贵州青年科技奖: a count or an edition before the name is the sentence's
                begin = counted[-1].end()
            name = text[begin:m.end()]
            edition = EDITION.match(name)
            if edition:
                # 2012年会最佳论文奖: the year's 年 is the 年会's too (an annual meeting's award)
                begin += edition.end() - (name[edition.end() - 1] == "年" and name.startswith("会", edition.end()))
                name = text[begin:m.end()]
            begin = after_scope(text, begin, m.end())  # 推荐全省中国青年科技奖候选人: the province's round of an award
            name = text[begin:m.end()]
            modifier = name[:-len(head)]
            if AWARD_THEN_GRADE.search(name):
                continue  # 中国科普作家协会优秀科普作品奖 + 优秀奖: an award's grade, the award found at its own 奖
            if name.endswith("大奖"):  # 桥梁大奖, 詹天佑大奖: a grand award names its field or its person in nouns
                for word, flag in window_words(name[:-2]):  # (细化 + 浙江科技大奖: the sentence's verb stays out)
                    if not flag.startswith("v") or flag == "vn":
                        break
                    begin += len(word)
                name = text[begin:m.end()]
                if len(name) < 4:
                    continue  # 收窄大奖: a verb's character and the word 大奖, no award
            if head == "科学技术奖" and modifier in self.place_suffix:
                out.append(Shape(begin, m.end(), "TalentProgram", False))  # 省科学技术奖: the province's award
                continue
            if (len(modifier) < 2 or name in self.programme_generic
                    or any(name.endswith(g) and len(g) > len(head)
                           and not (g.endswith("基地") and self._placed(text, begin, m.end() - len(g)))
                           for g in self.programme_generic)
                    or any(name.endswith(s) and not self._inside_word(name, len(name) - len(s))
                           for s in self.programme_stop)):  # 一等奖, 金奖 (not 谭其骧基 + 金奖: a word's end)
                continue
            numbered = head in NUMBERED_HEADS and NUMBERED_PROGRAMME.fullmatch(modifier)  # (国家)973计划, 211工程
            if head not in ("奖", "科学技术奖", "科技奖", "奖章") and not self.programme_cue.search(modifier) \
                    and not numbered and not all(f.startswith("nr") for _, f in window_words(modifier)):  # 高士其基金: named after a person
                continue
            if re.match(r"[\d一二三四五六七八九十两几多]", modifier) and not numbered \
                    and not self._opens_with_place(modifier):  # 四川省, 六安市, 十堰市: a place, no count
                continue
            sponsored = SPONSORED_AWARD.search(text, max(0, m.start() - 40), m.start()) if award else None
            if sponsored and sponsored.end() == m.start():  # 中国化学会-赢创化学创新奖: a society's award and its sponsor's
                begin = sponsored.start()
            phase = PHASE.match(text, m.end())  # 中国科技期刊卓越行动计划二期项目: the programme's phase is its name
            out.append(Shape(begin, phase.end() if phase and head in PROGRAMME_HEADS else m.end(), "TalentProgram", False))
        return out + self._list_siblings(text, out)

    @staticmethod
    def _inside_word(name: str, at: int) -> bool:
        """`at` falls inside a word of `name` as the segmenter cuts it (谭其骧基|金奖: inside 基金)."""
        offset = 0
        for word, _ in window_words(name):
            if offset < at < offset + len(word):
                return True
            offset += len(word)
        return False

    def _societies_of_a_place(self, text: str, begin: int, end: int) -> bool:
        """text[begin:end] is a place's (or a level's) societies as a kind, no runner: 江苏省学会, 省学会 (江苏省学会 +
        服务科技创新能力提升计划 is one programme's name)."""
        if not text.endswith("学会", begin, end) or end - begin <= 2:
            return False
        kind = end - 2
        return bool(LEVEL_ONLY.fullmatch(text, begin, kind)) or self.place_start(text, kind) == begin

    @staticmethod
    def _opens_with_place(name: str) -> bool:
        """`name` opens with a place's name (四川省…, 六安市…, 四川…), whatever its first character."""
        first = window_words(name)[:1]
        return name.startswith(PROVINCES) or bool(first and first[0][1].startswith("ns") and len(first[0][0]) >= 2)

    def _placed(self, text: str, begin: int, kind_start: int) -> bool:
        """A kind named after a place or the nation, and nothing else (滁州市 + 科普教育基地, 全国 + 科普教育基地): a
        place's own honour, as 省科学技术奖 is the province's award; a level alone (省级, 市) keeps it a kind."""
        if begin >= kind_start:
            return False
        if text[begin:kind_start] in ("全国", "国家"):
            return True
        return self.place_start(text, kind_start) == begin and not LEVEL_ONLY.fullmatch(text, begin, kind_start) \
            and not text[begin:kind_start].endswith("级")

    @staticmethod
    def _place_after_verb(text: str, begin: int, end: int) -> int:
        """An award's name that a place opens after a verb the walk took in starts at the place: 材料送交 +
        武汉青年科技奖 (a verb may stand inside a programme's name, 人才托举工程, but an award's place opens it)."""
        offset, verb_seen = begin, None
        for word, flag in window_words(text[begin:end]):
            if verb_seen and ((flag.startswith("ns") and len(word) >= 2) or word in ("省", "市", "县", "区", "州")):
                return offset  # 申报评审 + 市自然科学优秀论文奖: a bare level opens it too
            if verb_seen is None and flag == "vn" and len(word) >= 2 and text[offset + len(word):offset + len(word) + 1] in "省市县区州":
                return offset + len(word)  # 申报评审 + 市自然科学优秀论文奖 (not 建设 + 中原突出贡献奖)
            verb_seen = verb_seen or (flag.startswith("v") and flag != "vn" and len(word) >= 2)
            offset += len(word)
        return begin

    def inside_longer_word(self, label: str, text: str, name: str, end: int) -> bool:
        """A name of `label` ending at `end` is the start of a longer word there, whoever found it: an
        award in 奖励 or 奖项 (name_parts.tsv longer_word), a ministry in 民政部门."""
        if label == "TalentProgram":  # only awards: 国家自然科学基金项目 still names the fund
            return name.endswith("奖") and self._longer_word(text, "奖", end)
        if label == "Agency" and name.endswith(("部", "局", "厅", "委")):
            return not DEPARTMENT_GOES_ON.match(text, end)
        return False

    def _longer_word(self, text: str, head: str, end: int) -> bool:
        """The head runs on into a longer word (奖励, 工程师, 计划单列): name_parts.tsv, longer_word."""
        for word in self.longer_word:
            for i in range(1, len(word)):
                if head.endswith(word[:i]) and text.startswith(word[i:], end) \
                        and not (text.startswith(word[i:] + "目", end) and text[end - 2:end - 1] not in "授报获颁评领得申"):
                    # 奖 + 项目: the award's nominated projects (not 报奖项目, 授奖项目: the verb's 奖)
                    return True
        return False

    def _list_siblings(self, text: str, found: list[Shape]) -> list[Shape]:
        """Items of a 、-list that share a found programme's head are programmes too, cue or not
        (部署A工程、B工程、人才托举工程…): a short name-like modifier and the same head."""
        out: list[Shape] = []
        spans = {(s.start, s.end) for s in found}
        for shape in found:
            head = self.programme.search(text, shape.start, shape.end)
            while head and head.end() != shape.end:
                head = self.programme.search(text, head.start() + 1, shape.end)
            if head is None or head.group(0) not in LIST_HEADS:
                continue
            heads = "|".join(LIST_HEADS)
            item = re.compile(f"[“\"]?([{CJK}0-9]{{2,12}}?(?:{heads}))[”\"]?")
            items: list[Shape] = []
            # rightwards: 、X工程、“Y工程”、Z项目 (a quoted item too; a list may mix these heads)
            pos = shape.end + (1 if text[shape.end:shape.end + 1] in ("”", '"') else 0)
            while pos < len(text) and text[pos] == "、":
                m = item.match(text, pos + 1)
                if not m or not self._sibling(text, m.start(1), m.end(1), _head_of(m.group(1))):
                    break
                items.append(Shape(m.start(1), m.end(1), "TalentProgram", False))
                pos = m.end()
            # leftwards: X工程、Y工程、<found>
            pos = shape.start
            while pos > 0 and text[pos - 1] == "、":
                word = next((h for h in LIST_HEADS if text.endswith(h, 0, pos - 1)), None)
                if word is None:
                    break
                end = pos - 1
                begin = name_start(text, end - len(word), max_len=12, allow_verbs=True, pos=PROGRAMME_POS,
                                   stop=BRANCH_STOP_WORDS)  # 组织凝聚工程: 组织 is a name word here
                # no _name_opening here: the list, not a verb, bounds the item (组织凝聚工程)
                if end - len(word) - begin < 2 or not self._sibling(text, begin, end, word):
                    break
                items.append(Shape(begin, end, "TalentProgram", False))
                pos = begin
            if len(items) >= 2:  # a series of three or more (八大工程), not a pair that may mix kinds
                for it in items:
                    if (it.start, it.end) not in spans:
                        spans.add((it.start, it.end))
                        out.append(it)
        return out

    def _sibling(self, text: str, start: int, end: int, head: str) -> bool:
        name = text[start:end]
        return (end - start - len(head) >= 2 and not self._longer_word(text, head, end)
                and name not in self.programme_generic and not any(name.endswith(s) for s in self.programme_stop)
                and not re.match(r"[\d一二三四五六七八九十]", name))

    @staticmethod
    def _name_opening(text: str, begin: int, end: int) -> int:
        """A name opens with a noun: verbs and function words a left walk took in (确定…, 即…, 是…)
        belong to the sentence, not to the name; verbs are kept only inside it (人才托举工程)."""
        for word, flag in window_words(text[begin:end]):
            if flag == "vn" or word in OPENING_VERBS or word in OPENING_ADVERBS \
                    or not (flag.startswith(("v", "d", "c", "p", "r", "u", "y", "e", "o")) or word in STOP_WORDS):
                break
            begin += len(word)
        return begin

    # --- Branch, PartyOrganization ---------------------------------------------------------------
    def branches(self, text: str) -> list[Shape]:
        out = []
        for m in self.branch.finditer(text):
            if JURY.search(text, max(0, m.start() - 2), m.start()):
                continue  # 市青年科技奖评审工作委员会, …奖评选工作委员会: an award's or a review's jury, no branch
            begin = _branch_start(text, m.start())
            paired = PAIRED_VERBS.search(text, max(0, begin - 5), begin)
            if paired and all(flag.startswith("v") for word, flag in window_words(paired.group(0)) if word != "与"):
                # 古遗址 + 保护与加固 + 工程专业委员会: two verbs paired by 与 name the field, whatever stands before them
                begin = _branch_start(text, paired.start(), max_len=14 - len(paired.group(0)))
            dated = list(re.finditer(rf"\d+(?:年度?|届|[个家])?|{TERM.pattern}", text[begin:m.start()]))
            if dated:  # 医学会2025年科学普及分会, 新一届学科专业委员会, 12家专业分会: the name starts after the date, term or count
                begin += dated[-1].end()
            term = TERM.match(text, max(0, begin - 1), m.start())
            if term and term.end() > begin:  # 上 + 一届胸外科医师分会: the walk stopped inside the term
                begin = term.end()
            for word, flag in window_words(text[begin:m.start()]):  # (学会)组织工作委员会: the owner, said barely;
                if word not in BRANCH_OPENING_NOT_NAME and not (  # a verb opens no name (召开…, 审议…; 1952年起…)
                        flag.startswith(("v", "d", "p", "c", "r", "u")) and flag != "vn" and word not in BRANCH_NAME_WORDS):
                    break
                begin += len(word)
            owner = re.search("学会|协会|研究会", text[begin:m.start()])
            kind = text[begin + owner.end():m.end()] if owner else ""
            if self.honoured_branches(text[max(0, begin - 4):begin], kind or text[begin:m.end()]):
                continue  # 六安市医学会 + 优秀专科分会, 先进分会: an honour given to branches, no branch
            if owner and (kind == m.group(0) or kind in self.branch_generic):  # 嘉兴市防痨协会 + 专业委员会,
                out.append(Shape(m.end() - len(kind), m.end(), "Branch", True))  # 上海市医学会 + 专科分会: its kind
                continue
            if owner:  # 会议由安徽省医师协会…分会, 选举产生中国医院协会…分会: a society's branch opens with its place
                straddle = next((o for o in OWNER_OPENING.finditer(text, max(0, begin - 2), begin + 2)
                                 if o.start() < begin < o.end()), None)
                begin = straddle.start() if straddle else begin  # the window stopped inside 中国 (中 + 国硅酸盐学会…)
                opening = OWNER_OPENING.search(text, begin, begin + owner.start())
                cut = None if opening else re.search(f"(?:{OWNER_OPENING.pattern})[{CJK}]{{0,4}}$",
                                                     text[max(0, begin - 8):begin])
                # the window stopped inside a long name (中国 + 高等教育学会高校党校教育研究分会): its opening too
                begin = opening.start() if opening else (begin - len(cut.group()) if cut else begin)
            joined = list(re.finditer(f"(?:{self.branch.pattern}|委员会|党支部|党总支|党委|党组|党小组)[和及与、]|"
                                      f"(?:学会|协会|研究会)[和及与](?={OWNER_OPENING.pattern})",  # 中华医学会与 +
                                      text[begin:m.start()]))  # 中华医学会科学普及分会: two bodies
            if joined:  # 古植物分会和古脊椎动物分会, 公司党支部与…中药分会: two bodies, the second opens after the joiner
                begin += joined[-1].end()
            else:
                begin = self._list_item_start(text, begin)
            begin += text[begin] in "及与" and begin < m.start()  # 各专科分会及 + 专业分会: the joiner opens no name
            glued = text.rfind("为", begin, m.start() - 1)
            if glued >= 0:  # 增选徐高为 + 眼科分会常务委员, 8人为 + 眼科分会委员: the verb and its object stay out
                begin = glued + 1
            inner_count = list(COUNTED_INSIDE.finditer(text, begin, m.start()))
            if inner_count:  # 辽西地区第一个 + 结核病专科分会: a count inside the window opens the name after it
                begin = inner_count[-1].end()
            modifier = text[begin:m.start()]
            if modifier.endswith("与"):
                continue
            counted = COUNTED_BRANCHES.match(modifier) or re.search("[本该其](?=[^本该其]*$)", modifier)
            if counted and text[begin + counted.end():m.end()] in self.branch_generic:
                # 七大 + 专业分会, 各 + 专科分会, 本 + 专科分会: the kind after a count or a determiner
                out.append(Shape(begin + counted.end(), m.end(), "Branch", True))
                continue
            if len(modifier) < 2 or text[begin:m.end()].endswith(self.branch_stop) or COUNTED_BRANCHES.match(modifier):
                continue
            if self.association.search(text, begin, m.start()):  # 中国科协常委会学术建设专委会: a 科协's body
                out.append(Shape(begin, m.end(), "Agency", False))
                continue
            out.append(Shape(begin, m.end(), "Branch", text[begin:m.end()] in self.branch_generic))
        return out + self._listed_committees(text, out)

    @staticmethod
    def _listed_committees(text: str, found: list[Shape]) -> list[Shape]:
        """A committee named right after a branch in a list (青年工作委员会、学风道德委员会、女天文工作者委员会) is a
        branch too, though its head (委员会) alone names none; the list goes on from each one found."""
        out: list[Shape] = []
        ends = {s.end for s in found if s.label == "Branch"}
        at = sorted(ends)
        while at:
            end = at.pop(0)
            item = LISTED_COMMITTEE.match(text, end)
            if item and not any(s.start == item.start(1) for s in found) and "委员会" not in item.group(1)[:-3]:
                out.append(Shape(item.start(1), item.end(1), "Branch", False))
                at.append(item.end(1))
        return out

    def honoured_branches(self, before: str, name: str) -> bool:
        """An honour word opens `name` (or ends the text `before` it) and a branch's kind or bare head follows it:
        优秀专科分会, 先进分会 name an honour given to branches, not a branch (先进制造分会 is one)."""
        honour = next((w for w in self.honour_words if name.startswith(w)), "")
        if not honour and not before.endswith(self.honour_words):
            return False
        rest = name[len(honour):]
        return rest in self.branch_generic or self.branch.fullmatch(rest) is not None

    def _list_item_start(self, text: str, begin: int, most: int = 4) -> int:
        """A branch of a 、-list of branches opens right after the 、 (科技协作工作委员会、崩岗防治专业委员会: 崩岗, a
        verb to the segmenter, is the field's word, for the list, not a verb, bounds the item), when at most `most`
        characters, no stop word among them, stand between the 、 and where the walk stopped."""
        for width in range(1, most + 1):
            at = begin - width
            if at < 1 or not re.fullmatch(f"[{CJK}]", text[at]):
                return begin
            if text[at - 1] == "、":
                before = text[max(0, at - 12):at - 1]
                extra = text[at:begin]
                if re.search(f"(?:{self.branch.pattern}|委员会)$", before) \
                        and not any(w in BRANCH_STOP_WORDS for w, _ in window_words(extra)):
                    return at
                return begin
        return begin

    def party_organisations(self, text: str, agencies: list[Shape] = ()) -> list[Shape]:
        """Party bodies and their owners' names (生命科学学院党委, 国家卫生健康委直属机关党委); `agencies`, the bodies
        found in the text, let an owner the segmenter cuts into pieces (国家 + 卫生 + 健康 + 委) open the name."""
        out = []
        agency_at = {a.end: a.start for a in agencies if a.label == "Agency"}
        for m in self.party.finditer(text):
            head = self.party_head.search(text, m.end("owner"), m.end())
            company = m.group("owner").endswith(("公司", "集团"))  # 广东中科天元新能源科技有限公司: brand words of any kind
            pos = tuple(p for p in NAME_POS if p != "t") + ("l",) + COMPANY_POS if company else NAME_POS + ("l",)
            begin = name_start(text, m.end("owner"), max_len=20, pos=pos, keep=PARTY_OWNER_WORDS)  # 生命科学学院党委
            if begin == m.end("owner") and len(m.group("owner")) == 1:  # 药物 + 所 + 党委: the segmenter cut the
                before = name_start(text, m.start("owner"), max_len=19, pos=NAME_POS + ("l",), keep=PARTY_OWNER_WORDS)
                if m.start("owner") - before < 2:  # 是中 + 棉所党委: in its sentence the segmenter cut the short name
                    before = next((m.start("owner") - k for k in (3, 2) if _short_owner(text, m.start("owner") - k,
                                                                                        m.end("owner"))), before)
                begin = before if m.start("owner") - before >= 2 else begin  # owner's head off as a conjunction
            if m.start("owner") < begin < m.end("owner"):  # 我 + 院内 + 科第六党支部: the walk stopped inside the owner's
                begin = m.start("owner")  # head (内科), which the segmenter glued to the word before
            if begin >= 3 and text[begin - 1] == "与" and m.group("owner").endswith(("学院", "系")):
                first = name_start(text, begin - 1, max_len=20 - (m.end("owner") - begin), pos=pos, keep=PARTY_OWNER_WORDS)
                if begin - 1 - first >= 2 and not ORGANISATION_HEAD.search(text, first, begin - 1) \
                        and not text.endswith(("大学", "学院", "学校"), first, begin - 1):
                    begin = first  # 财政 + 与 + 公共管理学院党总支, 南京林业大学生物 + 与 + 环境学院党委: a school named
                    # by two fields joined by 与 (not 科协与 + 化学工程学院党委: two bodies)
            own = OWN_UNIT.match(text, begin, m.start("owner"))
            if own:  # 我院 + 眼科党支部, 本校 + 化学学院党委: the writer's own unit, said by a pronoun, names no owner
                begin = own.end()
            if begin in agency_at:  # the walk stopped at a body's end: the body owns the Party body (国家卫生健康委 +
                begin = agency_at[begin]  # 直属机关党委, when the segmenter does not know the body's name)
            if "联合" in text[begin:m.end()] and begin > 4 and text[begin - 1] in JOINT_JOINERS \
                    and JOINT_OWNER_END.search(text, begin - 5, begin - 1):  # a joint branch of two owners: both
                first = name_start(text, begin - 1, max_len=20, pos=pos, keep=PARTY_OWNER_WORDS)
                if begin - 1 - first >= 4:  # 滁菊协会与 + 心理咨询师协会联合党支部 (a hyphen joins them too)
                    begin = first
            joined = list(re.finditer(f"(?:{self.party_head.pattern})(?:(?:支部)?书记[{CJK}]{{2,3}})?[和与及、]",
                                      text[begin:head.start()]))
            if joined and "联合" not in text[begin:m.end()]:  # 县科协党支部和 + 县科技局党支部: two bodies; 第九党支部
                # 支部书记韩文彬和 + 管理学院第四党支部: a body, its secretary's name and the next body
                begin += joined[-1].end()
            begin = DATE_PREFIX.match(text, begin, head.start()).end()  # 9日市科协党组: the date is no part of it
            begin = DOCUMENT_NUMBER_TAIL.match(text, begin, head.start()).end()  # 教党字【2017】41号 + 中共教育部党组
            term = list(TERM.finditer(text, begin, head.start()))
            if term:  # 新一届机关党委, 上届机关党委, 第二届中国地质学会党委: the term is the sentence's, not the name's
                begin = term[-1].end()
            if not company:  # 维格斯 + 湖北流体技术有限公司: a company's brand may stand before a place
                begin = self._owner_opening(text, begin, head.start())
            if text.startswith("校", m.end("owner")) and begin >= m.start("owner"):
                continue  # 加大学校党委: 大学 + 校 names a university only after the university's own name
            village = text[begin:head.start()] in ("村", "社区")  # 村党总支部, 社区党委: the village's, a kind
            if head.start() - begin >= 3 or m.group("owner").endswith("科") or village:  # 外科 + 党总支: a clinical department
                owner = self.association.search(text, begin, head.start())  # 省科协党组: a kind's, a kind
                generic = village or bool(owner and owner.end() == head.start() and LEVEL_ONLY.fullmatch(text, begin, owner.start())) \
                    or bool(self.society_kind.fullmatch(text, begin, head.start())) \
                    or bool(m.group("members") and begin == m.start("owner"))  # 学院教工第一党支部: the bare kind owns it
                out.append(Shape(begin, m.end(), "PartyOrganization", generic))
        return out

    @staticmethod
    def _owner_opening(text: str, begin: int, end: int) -> int:
        """A Party body's owner opens at 中国, 中华 or a province named inside the walk, when no place word stands
        before it: 业经 + 中国科协党组, 理事单位 + 上海对外经贸大学党委 (not 湖南 + 中国…: a place owns its own)."""
        for opening in ("中国", "中华", *PROVINCES):
            at = text.find(opening, begin + 1, end)
            if at > begin and not any(flag.startswith("ns") for _, flag in window_words(text[begin:at])):
                return at
        return begin

    def named_party_branches(self, text: str) -> list[Shape]:
        """A Party branch named by its members' field and a kind (高教研究联合党支部, 信息技术功能型党支部):
        nouns before the kind, no owner named."""
        out = []
        for m in re.finditer("(联合|功能型|兼合式|临时|流动)(党支部|党总支)", text):
            begin = name_start(text, m.start(), max_len=10, pos=("n", "nz", "vn", "j", "l"),
                               keep=frozenset({"研究"}))  # 高教研究联合党支部
            begin = self._name_opening(text, begin, m.start())
            words = window_words(text[begin:m.start()])
            if m.start() - begin >= 2 and words and not any(w in ("学会", "协会", "研究会", "机关", "学校", "学院", "党委")
                                                           for w, _ in words):
                out.append(Shape(begin, m.end(), "PartyOrganization", False))
        out += [Shape(m.start(), m.end(), "PartyOrganization", True) for m in self.member_branch.finditer(text)]
        out += self._listed_party_branches(text)
        return out

    @staticmethod
    def _listed_party_branches(text: str) -> list[Shape]:
        """The Party branches of a list of them, each named by its division's work, its owner said once before
        (研究所的 + 科技合作党支部、科学技术党支部、技术基础党支部): two to six characters of nouns before each kind."""
        heads = list(re.finditer("党支部|党总支部?", text))
        listed = {i for i in range(len(heads) - 1)
                  if re.fullmatch(f"[、和及与][{CJK}]{{2,6}}", text[heads[i].end():heads[i + 1].start()])}
        out = []
        for i, m in enumerate(heads):
            if i not in listed and i - 1 not in listed:
                continue
            begin = name_start(text, m.start(), max_len=6, pos=("n", "vn", "nz", "j"))
            begin = max(begin, heads[i - 1].end() + 1 if i else 0)  # the joiner after the item before opens no name
            name = text[begin:m.start()]
            if len(name) >= 2 and not re.search("[和及与、]", name) and not PRONOUN.match(name) \
                    and not any(w in STOP_WORDS for w, _ in window_words(name)):
                out.append(Shape(begin, m.end(), "PartyOrganization", False))
        return out

    def university_associations(self, text: str) -> list[Shape]:
        """The 科协 of a university, hospital or institute (华东理工大学科协, 连云港市妇幼保健院科协; name_parts.tsv,
        PartyOrganization institution): an association of the state's system, named by its institution; one named by
        a bare level (市妇幼保健院科协) is a kind."""
        out = []
        for m in self.institution_association.finditer(text):
            begin = name_start(text, m.start(), max_len=12, pos=("n", "ns", "nz", "nt", "j", "l"))
            other = text.rfind("科协", begin, m.start())
            if other >= 0:  # 省科协指导兰州大学科协: another association ends the name's left edge, and nouns only open it
                begin = max(other + 2, name_start(text, m.start(), max_len=12, pos=("n", "ns", "nz", "nt", "j")))
            if m.start() - begin >= 2:
                words = window_words(text[begin:m.start()])  # 市 + 妇幼保健院 is a kind; 市场营销研究院 is one body
                out.append(Shape(begin, m.end(), "Agency", bool(words) and LEVEL_ONLY.fullmatch(words[0][0]) is not None))
        return out

    def find(self, text: str) -> list[Shape]:
        agencies = self.agencies(text)
        party = self.party_organisations(text, agencies) + self.named_party_branches(text)
        return (agencies + self.functions(text) + self.programmes(text) + self.branches(text)
                + party + self._unit_party_branches(text, party) + self.university_associations(text))

    def _unit_party_branches(self, text: str, found: list[Shape]) -> list[Shape]:
        """A Party branch named by its unit, of no owner's kind the rules know (曹家湾烟站党支部, 柯城抽蓄党支部,
        生物健康农业产业党支部): two to ten characters of nouns before the kind, none of them a word that makes no
        unit's name (name_parts.tsv, PartyOrganization not_unit), where no other rule found a Party body ending there."""
        ends = {s.end for s in found if s.label == "PartyOrganization" and s.end - s.start > 3}
        out = []
        for m in re.finditer("党支部|党总支部?", text):
            if m.end() in ends:
                continue
            begin = name_start(text, m.start(), max_len=10, pos=("n", "nz", "vn", "j", "ns", "nt", "a", "b"))
            begin = self._name_opening(text, begin, m.start())
            term = list(TERM.finditer(text, begin, m.start()))
            begin = term[-1].end() if term else begin  # 新一届 + 党支部: the term is the sentence's
            words = window_words(text[begin:m.start()])
            if m.start() - begin >= 2 and not any(w in self.not_unit or f.startswith("m") for w, f in words) \
                    and not re.search(f"[^{CJK}]|党委|委员", text[begin:m.start()]) and not PRONOUN.match(text, begin):
                out.append(Shape(begin, m.end(), "PartyOrganization", False))
        return out


@cache
def shape_finder() -> ShapeFinder:
    return ShapeFinder(name_parts())
