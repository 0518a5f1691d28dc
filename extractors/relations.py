"""Relations: from nested names and from trigger words between two mentions of one sentence.

* nesting: 中国计算机学会青年工作委员会 BRANCH_OF 中国计算机学会; 中国科协党组 PARTY_ORG_OF 中国科协;
* triggers (head … trigger … tail, within one sentence, nothing but a short gap between), read
  from seed_data/rules/relation_triggers.tsv: SUPERVISED_BY (主管/所属/挂靠/业务指导), RUNS
  (实施/组织/设立/评选 … + programme), UNDERTAKES (承接/承担 … + function), BRANCH_OF (下设/所属 …),
  ISSUED (印发/发布/出台 … + policy); lists expand to one relation per item;
* CITES: the document cites each policy it names in 《》.
Every relation carries as evidence the sentence it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractors.rules import TriggerRow, relation_triggers
from extractors.shapes import COUNTED, JOINT_JOINERS, window_words
from extractors.shadow import make_shadow, matching_text
from schema.model import Document, Entity, Evidence, Passage, Relation


@dataclass(frozen=True)
class Placed:
    """A mention with its resolved entity and its sentence."""

    start: int
    end: int
    text: str
    entity: Entity
    passage: Passage


@dataclass(frozen=True)
class TriggerRule:
    type: str
    heads: tuple[str, ...]
    tails: tuple[str, ...]
    trigger: re.Pattern[str]
    max_gap: int  # characters between the head and the tail
    confidence: float
    order: str = "head_first"  # tail_first: …挂靠在 X 的学会; passive: X奖由A、B共同设立

    @property
    def tail_first(self) -> bool:
        return self.order != "head_first"


def _rule(row: TriggerRow) -> TriggerRule:
    pattern = "|".join(("^" + re.escape(w[1:])) if w.startswith("^") else re.escape(w) for w in row.triggers)
    return TriggerRule(row.type, row.heads, row.tails, re.compile(pattern), row.max_gap, row.confidence, row.order)


@cache
def trigger_rules() -> tuple[TriggerRule, ...]:
    """The rules of seed_data/rules/relation_triggers.tsv (rules as data: extractors.rules)."""
    return tuple(_rule(row) for row in relation_triggers())


# A list of heads joined by 、 和 与 (中共中央办公厅、国务院办公厅印发…) all take the trigger.
_COORDINATION = re.compile(r"^(?:[、和与及,，\s]|会同|以及|联合)*$")
# an item of a list of agents that no mention marks (由市委宣传部、市总工会、市科协组织开展: the gold marks no 总工会)
_UNMARKED_ITEM = re.compile(r"^[、和与及][\u4e00-\u9fff]{2,8}?(?:会|局|厅|部|委|办|联)[、和与及]$")
_TAIL_LIST = re.compile(r"^[”\"」』]?[、和与\s]*[“\"「『]?$")  # items after the first object of one verb: 承接A、B和C, 设立“A”“B”“C”


def _evidence(passage: Passage, extractor: str, confidence: float) -> Evidence:
    return Evidence(passage_id=passage.id, start=passage.start, end=passage.end, extractor=extractor,
                    confidence=confidence)


def _relation(rtype: str, head: Placed, tail: Placed, extractor: str, confidence: float) -> Relation:
    return Relation(type=rtype, head_id=head.entity.id, tail_id=tail.entity.id, head_label=head.entity.label,
                    tail_label=tail.entity.label, head=head.text, tail=tail.text,
                    evidence=_evidence(head.passage, extractor, confidence))


def nested_relations(outer: Placed, inner: list[Placed]) -> list[Relation]:
    """BRANCH_OF / PARTY_ORG_OF implied by a name nested in a longer name."""
    out = []
    for child in inner:
        if outer.entity.label == "Branch" and child.entity.label == "Society":
            out.append(_relation("BRANCH_OF", outer, child, "nested-name", 0.95))
        if outer.entity.label == "TalentProgram" and child.entity.label in ("Society", "Agency") \
                and not (child.entity.label == "Society" and child.entity.generic):
            # 中国煤炭学会青年科学技术奖, 中国科协青年人才托举工程 (a kind of society runs nothing: 江苏省学会 + …提升计划
            # names the societies it serves)
            out.append(_relation("RUNS", child, outer, "nested-name", 0.9))
    owners = [c for c in inner if c.entity.label in ("Society", "Branch", "Agency", "Institution")]
    if outer.entity.label == "PartyOrganization" and owners:
        # the organisation it directly belongs to: the owner named last, the longest there
        # (中国科协学会服务中心学会联合党委 belongs to 中国科协学会服务中心, not to 中国科协)
        owner = max(owners, key=lambda c: (c.end, c.end - c.start, -c.start))
        out.append(_relation("PARTY_ORG_OF", outer, owner, "nested-name", 0.95))
        joined = [c for c in owners if c.end < owner.start and outer.text[c.end - outer.start:owner.start - outer.start]
                  in tuple(JOINT_JOINERS) and "联合" in outer.text]  # 滁菊协会与心理咨询师协会联合党支部: a joint branch
        out += [_relation("PARTY_ORG_OF", outer, c, "nested-name", 0.95) for c in joined[:1]]  # belongs to both
    return out


# words that hold a trigger but name a thing (组织建设 is organisation building, not organising)
_LEVEL_LIST = re.compile("(?:(?:省|自治区|直辖市|计划单列市|副省级城市|新疆生产建设兵团|[市县区州])、)*$")
_BARE_KIND = re.compile("(?:学会|协会|研究会|联合会|促进会|科协)$")
_NOT_TRIGGERS = re.compile("组织(?:建设|部|人事|机构|体系|形式|优势|覆盖)|发布(?:会|了?的?(?:消息|新闻|报道|文章|信息))|开展情况|[被获]评为|负责(?:同志|人)")  # 学会被评为…: the one honoured, not the runner
_RECEIVED = re.compile("[被获]评为|获评|荣获|获得|被授予|被表彰|获表彰")  # the verbs of one who receives an honour
SUBJECT_WINDOW = 16  # a head this close to the sentence start is its subject
_MODIFIED = re.compile(r"^[”\"」』]?(?!项目|计划|专项|工程|活动|工作|实施|评选|评审|颁奖|名单|人选|获奖|候选|选树|推选|评比|征集|表彰|称号|荣誉称号)[\u4e00-\u9fff](?<![的和与及等])")


def _modifies(text: str, end: int) -> bool:
    """A programme's name that ends at `end` modifies the noun after it (“科创中国”服务团), not when a verb follows
    (水电英才奖给予支持)."""
    if not _MODIFIED.match(matching_text(text[end:end + 4])):
        return False
    words = window_words(matching_text(text[end:end + 6]).lstrip("”\"」』"))  # 給予 reads as 给予
    return not (words and words[0][1].startswith(("v", "p", "d", "c")) and words[0][1] != "vn")


def trigger_relations(text: str, sentence: list[Placed]) -> list[Relation]:
    """Head … trigger … tail within one sentence: near each other, or the head is the sentence's
    subject (the first organisation, at its start), whose verbs reach to the sentence end."""
    out: list[Relation] = []
    for rule in trigger_rules():
        subject = next((p for p in sentence if p.entity.label in rule.heads), None)
        for i, first in enumerate(sentence):
            for second in sentence[i + 1:]:
                head, tail = (second, first) if rule.tail_first else (first, second)
                if head.entity.label not in rule.heads or tail.entity.label not in rule.tails:
                    continue
                if rule.type == "BRANCH_OF" and tail.entity.generic:
                    continue  # a kind of society has no branch of its own
                shadow = make_shadow(text[first.end:second.start])
                between = shadow.text  # 印發 = 印发, 設(shè)立 = 设立
                if rule.order == "passive":
                    for agent in _passive_agents(text, sentence, rule, head, between):
                        out.append(_relation(rule.type, agent, tail, f"trigger:{rule.type}", rule.confidence))
                    continue
                is_subject = (not rule.tail_first and head is subject
                              and (head.start - head.passage.start <= SUBJECT_WINDOW or _after_purpose(text, head)))
                if len(between) > rule.max_gap and not is_subject:
                    continue
                masked = _NOT_TRIGGERS.sub(lambda m: "＿" * len(m.group()), between)
                triggers = list(rule.trigger.finditer(masked))
                if not triggers and rule.order == "head_first" and head is first and _ba_verb(text, rule, between, tail):
                    out.append(_relation(rule.type, head, tail, f"trigger:{rule.type}", rule.confidence))
                    continue  # A把X深入实施下去, A决定把X继续开展下去: the verb follows its object
                if not triggers:
                    continue
                trigger = triggers[0]
                if rule.type == "SUPERVISED_BY" and re.search("[，,](?:它|其|该会|本会)", between[:trigger.start()]):
                    continue  # X学会，其主管单位为A; X是Y的成员，它的…: the pronoun's society (its_supervisor)
                if rule.type == "SUPERVISED_BY" and head is first \
                        and _REGISTRAR.search(between[trigger.end():] + make_shadow(text[tail.start:tail.end]).text):
                    continue  # …业务主管单位为A，登记管理机关为B: B registers the society; it does not supervise it
                trigger_at = first.end + shadow.start(trigger.start())  # in the text, glosses and all
                # 对X设立的Y奖: X's own clause after 对 (the text right after the trigger's last character is 的);
                # 向X推荐的Y: X is still addressed
                relative = text.startswith("的", first.end + shadow.start(trigger.end() - 1) + 1) \
                    and matching_text(text[max(0, first.start - 1):first.start]) == "对"
                if rule.order == "head_first" and head is first and not relative and _addressed(text, sentence, head):
                    continue  # 学会向中国科协提交申请，制定了《条例》: the body after 向 is no agent
                if rule.order == "head_first" and matching_text(text[max(0, head.start - 1):head.start]) == "经" \
                        and re.search("批准|同意|审核", between[:trigger.start()]):
                    continue  # A经B批准，特设X奖: B approves it, A runs it
                if rule.order == "head_first" and between.startswith(("由", "被")):
                    continue  # X协会由A评选为P, X被A评为P: the body before 由/被 is the one honoured; A runs P
                received = _RECEIVED.search(between) if rule.type == "RUNS" and rule.order == "head_first" else None
                if received and not any(head.end <= p.start and p.end <= first.end + shadow.start(received.start())
                                        and p.entity.label in AGENTS + ("Agency",)
                                        and re.search("[，,：:；;]", text[head.end:p.start]) and not _counted(text, p)
                                        for p in sentence if p is not head):
                    continue  # 县科协先后被评为…“优秀组织单位”, 学会获得…奖: the body receives the honour, runs nothing
                    # (not when another body opens a clause before the verb: 中国科协…表彰，中国核学会党委获得…奖;
                    # the next item of the head's own list receives it too: A、B被授予…称号; a counted body is an object,
                    # no subject: 在省科协的支持下，学校科协…建起21个农业专家服务站，多次获得…奖)
                last_at = first.end + shadow.start(triggers[-1].start())  # the verb nearest the tail
                if not rule.tail_first and (_nearer_agent(text, sentence, rule, head, trigger_at)
                                            or _nearer_agent(text, sentence, rule, head, last_at, named=True)):
                    continue  # X网站消息：由Y主办的Z奖; A评为X，B评为Y: Y's own verb is nearer, the verb is Y's
                if rule.type == "ISSUED" and (_issued_by_another(tail, head) or _issuer_named_before(text, sentence, tail, head)):
                    continue  # 中办、国办印发的《A》以及《国务院关于…的决定》: the title names its own issuer; 以落实中共中央
                    # 办公厅、国务院办公厅《B》: the agencies right before the title issued it
                if rule.type == "RUNS" and _modifies(text, tail.end):
                    continue  # “科创中国”服务团: the programme names something else here
                if rule.type == "BRANCH_OF":  # X学会下设A、B和C: every named branch of the list
                    branches = _list_from(text, sentence, head)
                    out += [_relation(rule.type, b, tail, f"trigger:{rule.type}", rule.confidence)
                            for b in branches if not b.entity.generic]  # a kind (分支机构) is no one's branch
                    continue
                out.append(_relation(rule.type, head, tail, f"trigger:{rule.type}", rule.confidence))
    return _coordinated(text, sentence, out)


_COUNT_BEFORE = re.compile(f"(?:{COUNTED.pattern})$")  # the count of things (shapes.COUNTED) right before a name


def _counted(text: str, p: Placed) -> bool:
    """`p` is counted (建起21个农业专家服务站): the object of a verb, no one acting."""
    return _COUNT_BEFORE.search(text, max(0, p.start - 6), p.start) is not None


_ALIAS = re.compile(r"[（(](?:以下|下文)?(?:简称|下称|统称|称)[^（()）]{1,20}[)）]")  # (下称中学生英才计划)
# the society's registrar named after its supervisor (登记管理机关为民政厅, 登记机关是…): no supervisor (batch v73)
_REGISTRAR = re.compile("登记")
_BA_OBJECT = re.compile("把[^，,；;。：:！？!?]*$")  # 把 opens the clause that ends at the tail: the tail is its object
_BA_REACH = 12  # how far after its object the verb of a 把 clause may stand (把X作为主要任务加以实施)


def _ba_verb(text: str, rule: TriggerRule, between: str, tail: Placed) -> bool:
    """`head 把 tail … verb`: the head acts on the tail with the rule's verb, which follows the tail in the same
    clause (A把X深入实施下去, A决定把X继续开展下去, A把X作为主要任务加以实施). Only when the 把 clause ends at the tail
    (the tail is its object) and no trigger stands between head and tail (把B评为X takes the ordinary path: 评为)."""
    if rule.type not in ("RUNS", "UNDERTAKES") or not _BA_OBJECT.search(between):
        return False
    after = make_shadow(text[tail.end:tail.end + 40]).text
    after = re.split("[，,；;。：:！？!?\n]", after, maxsplit=1)[0][:_BA_REACH + 4]
    trigger = rule.trigger.search(_NOT_TRIGGERS.sub(lambda m: "＿" * len(m.group()), after))
    return trigger is not None and trigger.start() <= _BA_REACH


_PURPOSE = re.compile(r"[\s—\-·•（(一二三四五六七八九十\d)）、.]*(?:为了?|围绕)")


def _after_purpose(text: str, p: Placed) -> bool:
    """`p` opens the main clause of a sentence that begins with its purpose (为营造…，鼓励…，A、B、C决定开展X):
    the subject, however long the purpose before it (not after a basis, 依据…，A和B推荐…，C决定表彰: A is no
    subject of the whole)."""
    start = max(p.passage.start, *(text.rfind(c, p.passage.start, p.start) + 1 for c in "。；！？\n"))
    return _clause_subject(text, p) and _PURPOSE.match(matching_text(text[start:p.start])) is not None


def _clause_subject(text: str, p: Placed) -> bool:
    """`p` opens its sentence or a clause of it (after ，or ：), a date before it at most."""
    start = max(p.passage.start, *(text.rfind(c, p.passage.start, p.start) + 1 for c in "，,：:；"))
    return bool(re.fullmatch(r"[\s\d年月日号—\-.]*", text[start:p.start]))


_SAME_SOCIETY = re.compile("(?:该会|本会|该学会|该协会)(?:所属|下属|的)?$")  # the society named before
_FOUNDED_AFTER = re.compile(r"^(?:正式)?(?:成立|换届|揭牌)")  # 举行X专委会成立大会


def subject_branches(text: str, sentence: list[Placed], found: list[Relation]) -> list[Relation]:
    """A named branch founded, set up or renewed in a sentence whose subject is a named society is
    that society's branch, however far apart (四川省林学会在成都召开会议，同时举行森林康养专委会成立大会;
    X学会……，会上成立了Y专委会): the subject's verbs reach to the sentence end; so is a branch of 该会
    or 本会 after a named society (主办方为X协会，承办方为该会所属Y专委会). Not when another society
    stands between them, nor for a branch that has an owner in the sentence already."""
    owned = {r.head_id for r in found if r.type == "BRANCH_OF"}
    founding = [r.trigger for r in trigger_rules() if r.type == "BRANCH_OF" and r.max_gap > 1]  # not ^的
    out = []
    for branch in sentence:
        if branch.entity.label != "Branch" or branch.entity.generic or branch.entity.id in owned:
            continue
        before = [p for p in sentence if p.end <= branch.start and p.entity.label == "Society"]
        if not before:
            continue
        subject = before[-1]  # the nearest society: no other stands between
        if subject.entity.generic:
            continue
        if _SAME_SOCIETY.search(matching_text(text[max(0, branch.start - 6):branch.start])):  # 承办方为该会所属Y专委会
            out.append(_relation("BRANCH_OF", branch, subject, "subject:BRANCH_OF", 0.6))
            continue
        if not _clause_subject(text, subject):
            continue
        between = matching_text(text[subject.end:branch.start])
        after = matching_text(text[branch.end:branch.end + 6])
        if any(t.search(between) for t in founding) or _FOUNDED_AFTER.match(after):
            out.append(_relation("BRANCH_OF", branch, subject, "subject:BRANCH_OF", 0.6))
    return out


# between a society and the kinds of branch it has, or between two items of their list: 中国林学会各分会和专业委员会,
# X学会所属的分支机构, X学会的各工作委员会、专业委员会, X学会所属的各地方学会、分会、工作委员会和专业委员会
# (and its count or 各个: X学会的9个专业委员会, 该会所属23个专业委员会, X学会所属的各个研究分会, X学会对所属各分支机构)
_OWNS_KINDS = re.compile(r"^对?(?:的|所属的?|下属的?|下设的?|旗下的?|新成立的)?(?:各个?|[\d一二三四五六七八九十百]+个)?$")
_LIST_JOINER = r"(?:[、，,]|[和及与或]|以及)"  # between two items of a list of kinds or of societies
_KIND_LIST = re.compile(f"^{_LIST_JOINER}各?$")


# a society or a 科协 named by its level (省林学会, 市医学会, 省老科协, 市科协): the one of the text's place, an owner or
# a runner all the same, though the guide calls the name generic
_LEVEL_NAMED = re.compile(r"(?:省|市|县|区|州|自治区)(?![级属直])(?:[\u4e00-\u9fff]{1,8}(?:学会|协会|研究会)|科协|科学技术协会|老科协)")


def kind_branches(text: str, sentence: list[Placed]) -> list[Relation]:
    """A kind of branch (分会, 专业委员会, 分支机构 …) named right after a named society, alone or in a list of
    kinds (the society's local societies, a kind of society, may stand in it), is that society's: X学会各分会和专业
    委员会 → 分会 BRANCH_OF X学会 and 专业委员会 BRANCH_OF X学会 (the annotation guide: a kind takes its owner
    from the society it follows). Not after 和 (X学会和分会各位委员: two parties, not a possession)."""
    out = []
    for i, p in enumerate(sentence):
        if p.entity.label != "Branch" or not p.entity.generic:
            continue
        j = i
        while j > 0:
            left = sentence[j - 1]
            gap = matching_text(text[left.end:sentence[j].start])
            if left.entity.label == "Society" and (not left.entity.generic or _LEVEL_NAMED.fullmatch(matching_text(left.text))):
                if _OWNS_KINDS.match(gap):
                    out.append(_relation("BRANCH_OF", p, left, "kind:BRANCH_OF", 0.6))
                break
            if not (left.entity.generic and left.entity.label in ("Branch", "Society") and _KIND_LIST.match(gap)):
                break
            j -= 1
    return out


# between an agency and the societies it has (中国科协所属的全国学会, 省科协直属的省级学会, 岳阳市科协对其所属的42个市级学会,
# 山东省科协所属的相关省级学会), and between the items of their list (全国学会、协会和研究会; 全国学会或学会联合体)
_COUNT = r"[\d一二三四五六七八九十百]+[个家]"
# …下属的团体会员为12个学(协)会：A、B: a count of its member societies, then their list after a colon
_MEMBERS_COUNTED = rf"(?:团体会员|科技团体|团体|学会)(?:有|为|包括|共)?(?:{_COUNT})?(?:学[(（]协[)）]会|学会|团体)?[：:]"
_HAS_SOCIETIES = re.compile(rf"^(?:[^\W\d_和与及或同跟向为在从对其]{{1,2}}(?:对其)?)?对?其?(?:所属|直属|下属|主管)的?(?:各|相关|有关|全体|{_COUNT})*(?:{_MEMBERS_COUNTED})?$")
_SOCIETY_LIST = re.compile(f"^(?:[（(][^（()）]{{1,12}}[）)])?{_LIST_JOINER}(?:各|相关|有关)?$")  # 教育学会(自然科学)、…


def agency_societies(text: str, sentence: list[Placed]) -> list[Relation]:
    """The societies named right after an agency and its 所属/直属/主管 — a kind (全国学会) or named, alone or as a
    list — are supervised by it: 中国科协所属的全国学会、协会和研究会 → each SUPERVISED_BY 中国科协."""
    out = []
    for i, agency in enumerate(sentence[:-1]):
        first = sentence[i + 1]
        if agency.entity.label != "Agency" or first.entity.label != "Society" \
                or not _HAS_SOCIETIES.match(matching_text(text[agency.end:first.start])):
            continue
        items = [first]
        for nxt in sentence[i + 2:]:
            if nxt.entity.label != "Society" or not _SOCIETY_LIST.match(matching_text(text[items[-1].end:nxt.start])):
                break
            items.append(nxt)
        out += [_relation("SUPERVISED_BY", s, agency, "owned:SUPERVISED_BY", 0.7) for s in items]
    return out


# 的领导、指导下: the words of a leadership clause after its list of agencies; support or care alone (在X的支持下,
# 在X关心下) leads nothing, as the gold reads it (in dev, 29 such clauses and no supervisor marked for one)
_GUIDING = r"(?:统一|正确|坚强)?(?:领导|指导|业务指导|监督管理)[、和与及]?"
_CARING = r"(?:关心|支持)[、和与及]?"
_LEADERSHIP = f"(?:的)?(?:{_GUIDING}|{_CARING})*{_GUIDING}(?:{_GUIDING}|{_CARING})*下"
_LED_BY = re.compile(f"^{_LEADERSHIP}")


# between a runner and the programme named right after it: an edition (第十届), its years in brackets, a quote
_NAMED_AFTER_RUNNER = re.compile(r"^(?:(?:19|20)\d{2}(?:-\d{4})?年度?)?(?:第[一二三四五六七八九十百\d]+届|首届)?"
                                 r"(?:[（(][\d\-—～~至年度]+[)）])?[“\"]?$")  # and a year or 首届: 市科协2021年度优秀协会


# a society's term of office between it and its branch: 上海市建筑学会 + 第十三届 + 市政交通专业委员会
_TERM_BETWEEN = re.compile(r"^(?:第[一二三四五六七八九十百\d]+|首|新一|本)届$")


def branch_after_term(text: str, sentence: list[Placed]) -> list[Relation]:
    """A named branch right after a named society with only the society's term of office between (上海市建筑学会第十三届
    市政交通专业委员会) is the society's: the term stays out of both names, the branch is the society's all the same."""
    return [_relation("BRANCH_OF", branch, society, "term:BRANCH_OF", 0.8)
            for society, branch in zip(sentence, sentence[1:])
            if society.entity.label == "Society" and not society.entity.generic
            and branch.entity.label == "Branch" and not branch.entity.generic
            and _TERM_BETWEEN.match(matching_text(text[society.end:branch.start]))]


def runner_before(text: str, sentence: list[Placed]) -> list[Relation]:
    """中国科协“青年人才托举工程”, 中国科协第十届（2024-2026年度）青年人才托举工程: a society or agency named right
    before a programme, with at most its edition and a quote between, runs it (as when the programme's name
    holds it: 中国科协青年人才托举工程)."""
    out = []
    for runner, programme in zip(sentence, sentence[1:]):
        if runner.entity.label in ("Society", "Agency") \
                and (not runner.entity.generic or _LEVEL_NAMED.fullmatch(matching_text(runner.text))) \
                and programme.entity.label == "TalentProgram" and not programme.entity.generic \
                and _NAMED_AFTER_RUNNER.match(matching_text(text[runner.end:programme.start])):
            out.append(_relation("RUNS", runner, programme, "named-after:RUNS", 0.8))
    return out


# a time between a society and its clause (今年以来, 近年来, 2022年): the society's verbs still reach past it
_SINCE = "(?:19|20)\\d{2}年度?|今年以来|去年以来|近年来|多年来|一年来|长期以来|今年|去年"
# from the end of 在A、B的领导下 to the subject it leads to: at most a comma and a time (在A的领导下，2022年X学会…)
_CLAUSE_TO_SUBJECT = re.compile(f"{_LEADERSHIP}[，,\\s]*(?:{_SINCE})?[，,\\s]*")


def led_by(text: str, sentence: list[Placed]) -> list[Relation]:
    """在A、B和C的领导、指导下，X学会……, or X学会在A、B的领导下……: the society before 在 or the one the clause
    leads to is supervised by every agency of the list (a society in the list, or one giving its own guidance
    after, 在中华中医药学会的指导下, is no supervisor)."""
    out: list[Relation] = []
    for i, first in enumerate(sentence):
        if first.entity.label != "Agency" or text[first.start - 1:first.start] != "在":
            continue
        agencies = [first]
        j = i
        while j + 1 < len(sentence) and _COORDINATION.match(matching_text(text[sentence[j].end:sentence[j + 1].start])):
            j += 1
            agencies.append(sentence[j])
        last = agencies[-1]
        bracket = re.match(r"[（(][^）)]{1,12}[)）]", text[last.end:last.end + 14])  # 省卫健委（省中医药管理局）的领导下
        clause_end = last.end + (bracket.end() if bracket else 0)
        if bracket:
            nxt = next((p for p in sentence[j + 1:] if p.start >= last.end), None)
            if nxt is not None and nxt.entity.label == "Agency" and nxt.end <= clause_end:
                agencies.append(nxt)
                j = sentence.index(nxt)
        if not _LED_BY.match(matching_text(text[clause_end:clause_end + 20])):
            continue
        before = [p for p in sentence[:i] if p.entity.label == "Society"
                  and re.fullmatch(f"(?:[\\s\\d年月日至-]|{_SINCE})*在", matching_text(text[p.end:first.start]))]
        # the clause leads to the first body after it (在中华中医药学会的指导下 is another clause: a guide, skipped)
        after_clause = [p for p in sentence[j + 1:] if p.entity.label in AGENTS + ("Agency",)
                        and not _LED_BY.match(matching_text(text[p.end:p.end + 12]))]
        led = after_clause[0] if after_clause and after_clause[0].entity.label == "Society" \
            and _CLAUSE_TO_SUBJECT.fullmatch(matching_text(text[clause_end:after_clause[0].start])) else None
        society = before[-1] if before else led
        if society is None or re.search("[。；;]", matching_text(text[min(last.end, society.end):max(last.end, society.start)])):
            continue
        out += [_relation("SUPERVISED_BY", society, a, "led-by:SUPERVISED_BY", 0.6)
                for a in agencies if a.entity.label == "Agency"]
    return out


# the words a charter or a profile names a society's supervisor with
_SUPERVISOR_UNIT = "(?:业务主管单位|主管单位|业务指导单位|挂靠单位)"
# X学会以A为业务主管单位 / 挂靠单位: the charter's way of naming a society's supervisor
_TAKES_AS_SUPERVISOR = re.compile(f"为(?:其)?{_SUPERVISOR_UNIT}")


def takes_as_supervisor(text: str, sentence: list[Placed]) -> list[Relation]:
    """X学会以A为业务主管单位: the society right before 以 is supervised by the agency between 以 and 为."""
    out = []
    for society, agency in zip(sentence, sentence[1:]):
        if society.entity.label == "Society" and agency.entity.label == "Agency" \
                and matching_text(text[society.end:agency.start]) == "以" \
                and _TAKES_AS_SUPERVISOR.match(matching_text(text[agency.end:agency.end + 10])):
            out.append(_relation("SUPERVISED_BY", society, agency, "takes-as:SUPERVISED_BY", 0.8))
    return out


# X学会……，它的主管单位为A，挂靠单位为B: the pronoun's unit names a society's supervisor
_ITS_SUPERVISOR = re.compile(f"[，,](?:它的|其|该会的?|本会的?){_SUPERVISOR_UNIT}(?:为|是)$")
_ANOTHER_SUPERVISOR = re.compile(f"[，,]{_SUPERVISOR_UNIT}(?:为|是)$")


def its_supervisor(text: str, sentence: list[Placed]) -> list[Relation]:
    """…成立中国化学会，其业务主管单位为A; X学会是Y的成员组织，它的主管单位为A，挂靠单位为B: the pronoun is the
    last society before it, unless that one only modifies something (Y的成员组织): then the society that opens
    the sentence's first clause. Every agency its unit words name supervises it."""
    out = []
    said = False
    for i, p in enumerate(sentence):
        if p.entity.label != "Agency":
            continue
        before = matching_text(text[max(p.passage.start, p.start - 14):p.start])
        if not (_ITS_SUPERVISOR.search(before) or (said and _ANOTHER_SUPERVISOR.search(before))):
            said = False
            continue
        said = True
        societies = [q for q in sentence[:i] if q.entity.label == "Society"]
        if not societies:
            continue
        society = societies[-1]
        if text.startswith("的", society.end):  # Y的成员组织: Y modifies; 它 is the subject
            society = next((q for q in societies if _clause_subject(text, q)), None)
        if society is not None:
            out.append(_relation("SUPERVISED_BY", society, p, "its:SUPERVISED_BY", 0.7))
    return out


def _list_from(text: str, sentence: list[Placed], first: Placed) -> list[Placed]:
    """`first` and the items of the list it opens (A、B和C), in order."""
    items = [first]
    i = sentence.index(first)
    while i + 1 < len(sentence) and _joined(text, sentence[i], sentence[i + 1], _TAIL_LIST):
        i += 1
        items.append(sentence[i])
    return items


# A、B 共同 设立; 经民政部 部务会议 通过; 由A与B基金会联合设立 (a partner no mention marks); 由A于2015年立项
PASSIVE_LINK = re.compile(r"^(?:[与和同][\u4e00-\u9fff]{2,14}?)?(?:于(?:19|20)\d{2}年(?:\d{1,2}月)?)?"
                          r"(?:在[\u4e00-\u9fff]{2,16}?的?(?:指导|支持|领导|倡导|推动)下[，,]?)?"  # 由A、B在C的指导下共同设立
                          r"(?:[一二两三四五六七八九十几\d]+[家个方])?"  # 由A、B、C三家共同发起: the agents counted
                          r"(?:继续|正式|具体)?(?:共同|联合|负责|统一|分别|牵头|[\u4e00-\u9fff]{0,4}会议)?$")
# X是A为……而组织实施的工程: the programme first, 是, its agent, the verb and 的 (a defining clause)
COPULA_GAP = 60


def _passive_agents(text: str, sentence: list[Placed], rule: TriggerRule, head: Placed, between: str) -> list[Placed]:
    """tail … 由/经 head[、head2 …] trigger: the programme or policy first, its agents after 由 or 经, the
    verb after them (X奖由A、B共同设立; 《办法》经民政部部务会议通过).
    Every agent of the list, or none."""
    copula = between in ("是", "”是", "\"是")  # X奖是A设立的, “X”是A于2015年立项的: the agent right after 是
    between = _ALIAS.sub("", between)  # X计划(下称Y计划)工作将由A组织开展: the short name is no distance
    if len(between) > rule.max_gap or not (copula or between.endswith(("由", "经"))) or re.search("[。；;]", between):
        return []
    agents = [head]
    while sentence.index(agents[-1]) + 1 < len(sentence):
        nxt = sentence[sentence.index(agents[-1]) + 1]
        gap = matching_text(text[agents[-1].end:nxt.start])
        if nxt.entity.label not in rule.heads or not (_COORDINATION.match(gap) or _UNMARKED_ITEM.match(gap)):
            break  # agents of any kind the rule takes: A科协、B厅和C协会共同设立
        agents.append(nxt)  # the verb follows the whole list of agents
    if copula:
        shadow = make_shadow(text[agents[-1].end:agents[-1].end + COPULA_GAP])
        after = shadow.text
        # …设立的; …设立、面向…的奖项: the verb of a relative clause, alone or the first of two
        trigger = next((t for t in rule.trigger.finditer(after) if after.startswith(("的", "、"), t.end())), None)
        if not trigger or re.search("[。；;，,]", after[:trigger.start()]) and not re.search("为|而", after[:trigger.start()]):
            return []
        verb_at = agents[-1].end + shadow.start(trigger.start())  # in the text, glosses and all
        if any(p.entity.label in rule.heads and agents[-1].end <= p.start < verb_at for p in sentence):
            return []  # X是A的品牌，为此B设立的…: B's verb, not A's
        return [a for a in agents if a.entity.label in rule.heads]
    after = matching_text(text[agents[-1].end:agents[-1].end + 24])
    trigger = rule.trigger.search(after)
    if not trigger or not PASSIVE_LINK.match(after[:trigger.start()]):
        return []
    return [a for a in agents if a.entity.label in rule.heads]


def _coordinated(text: str, sentence: list[Placed], found: list[Relation]) -> list[Relation]:
    """Extend a relation over coordinated lists: every head of A、B印发《C》 (ISSUED, RUNS) and
    every tail of 承接A、B和C (UNDERTAKES, RUNS, ISSUED) — one relation per item."""
    out = list(found)
    for rel in found:
        head_index = next(i for i, p in enumerate(sentence) if p.entity.id == rel.head_id and p.text == rel.head)
        tail_index = next(i for i, p in enumerate(sentence) if p.entity.id == rel.tail_id and p.text == rel.tail)
        head, tail = sentence[head_index], sentence[tail_index]
        if rel.type in ("ISSUED", "RUNS"):
            j = head_index
            while j > 0 and _joined(text, sentence[j - 1], sentence[j]):
                if not (rel.type == "ISSUED" and _issued_by_another(tail, sentence[j - 1])):
                    out.append(_relation(rel.type, sentence[j - 1], tail, rel.evidence.extractor, rel.evidence.confidence))
                j -= 1
            j = head_index  # and the heads joined after it, before the tail (中国科协和财政部…联合实施“P”)
            while j + 1 < tail_index and _joined(text, sentence[j], sentence[j + 1]):
                if not (rel.type == "ISSUED" and _issued_by_another(tail, sentence[j + 1])):
                    out.append(_relation(rel.type, sentence[j + 1], tail, rel.evidence.extractor, rel.evidence.confidence))
                j += 1
        if rel.type in ("UNDERTAKES", "RUNS", "ISSUED") and tail_index > head_index:
            j = tail_index
            while j + 1 < len(sentence) and _joined(text, sentence[j], sentence[j + 1], _TAIL_LIST):
                if not (rel.type == "ISSUED" and _issued_by_another(sentence[j + 1], head)):
                    out.append(_relation(rel.type, head, sentence[j + 1], rel.evidence.extractor, rel.evidence.confidence))
                j += 1
    return out


def _issuer_named_before(text: str, sentence: list[Placed], policy: Placed, head: Placed) -> bool:
    """Another agency stands right before the policy's title (中共中央办公厅、国务院办公厅《B》): B is theirs, not `head`'s."""
    return any(p is not head and p.entity.label == "Agency" and p.end <= policy.start
               and matching_text(text[p.end:policy.start]) in ("《", "的《", "")
               and not _joined_chain(text, sentence, head, p) for p in sentence)


def _issued_by_another(policy: Placed, head: Placed) -> bool:
    """A title that names its own issuer first (《国务院关于取消和下放一批行政审批项目等事项的决定》), and not `head`."""
    issuer = matching_text(policy.entity.name).partition("关于")[0]  # 國務院關於 reads as 国务院关于
    if not re.fullmatch("[^<《〈]{2,30}(?:部|厅|局|院|委|委员会|办|中央|政府|科协|协会|学会)", issuer):
        return False  # no issuer named (关于…), or a place (重庆市关于…)
    names = [matching_text(n) for n in (head.entity.name, *head.entity.aliases, head.text) if n]
    return not any(n in issuer for n in names)


AGENTS = ("Society", "Branch", "PartyOrganization")  # a body nearer the verb, named or a kind (全国学会), is its agent


def _nearer_agent(text: str, sentence: list[Placed], rule: TriggerRule, head: Placed, trigger_at: int,
                  named: bool = False) -> bool:
    """A named mention that could head the rule stands between `head` and the trigger, and is no item
    of a list `head` opens: the verb is that one's. `named`: for the trigger nearest the tail (A评为X，B评为Y),
    only a named one or a kind right before the verb counts (被省科协评为; not 组织全国学会专家…开展)."""
    def agent(p: Placed) -> bool:
        if named:
            return (p.entity.label in rule.heads or p.entity.label in AGENTS) \
                and (not p.entity.generic or trigger_at == p.end)
        return p.entity.label in rule.heads and not p.entity.generic or p.entity.label in AGENTS
    return any(agent(p) and head.end <= p.start
               and p.end <= trigger_at and not _joined_chain(text, sentence, head, p)
               and not re.search("[向对给致]|通过|依托|借助", matching_text(text[head.end:p.start]))  # X向Y印发, X通过Y开展: Y is no agent
               for p in sentence)


def _addressed(text: str, sentence: list[Placed], p: Placed) -> bool:
    """`p` follows 向/对/给, alone or as an item of a list of names (向各全国学会、协会、研究会和各省、自治区、直辖市科协及
    新疆生产建设兵团科协印发): it is addressed, not acting."""
    start = p.start
    while True:
        lo = max(0, start - 40)
        shadow = make_shadow(text[lo:start])  # 向各省、自治區 reads as 向各省、自治区
        before = shadow.text
        before = before[:len(before) - len(_LEVEL_LIST.search(before).group(0))]  # 各省、自治区、直辖市科协
        if re.search("[向对给]各?$", before):
            return True
        joiner = re.search("(?:[、和及与]|以及)各?$", before)
        if not joiner or joiner.start() == 0:
            return False
        end = lo + shadow.start(joiner.start() - 1) + 1  # where the item before the joiner ends, in the text
        item = next((q.start for q in sentence if q.end == end), None)
        kind = _BARE_KIND.search(before, 0, joiner.start())
        if item is None and kind:  # a kind no mention marks (各全国学会、协会、研究会)
            item = lo + shadow.start(kind.start())
        if item is None:
            return False
        start = item


def _joined_chain(text: str, sentence: list[Placed], first: Placed, last: Placed) -> bool:
    """`last` is an item of the list `first` opens (A会同B、C和D: D is joined to A)."""
    i, j = sentence.index(first), sentence.index(last)
    return all(_joined(text, sentence[k], sentence[k + 1]) for k in range(i, j))


def _joined(text: str, left: Placed, right: Placed, joiner: re.Pattern[str] = _COORDINATION) -> bool:
    """Two neighbouring mentions of one kind joined by 、 和 与 及 会同 … (items of one list)."""
    return left.entity.label == right.entity.label and bool(joiner.match(matching_text(text[left.end:right.start])))


def cites(doc: Document, policies: list[Placed], seen: set[str]) -> list[Relation]:
    """The document cites every policy it names (evidence: the first sentence naming it by each of
    its names: 《…指导意见》 and, later, 《意见》); `seen` holds the (policy, name) pairs cited already,
    and is updated."""
    out = []
    for p in policies:
        key = f"{p.entity.id}\t{p.text}"
        if key in seen:
            continue
        seen.add(key)
        out.append(Relation(type="CITES", head_id=doc.id, tail_id=p.entity.id, head_label="Document",
                            tail_label="Policy", head=doc.title, tail=p.text,
                            evidence=_evidence(p.passage, "title-in-text", 1.0)))
    return out


def dedupe(relations: list[Relation]) -> list[Relation]:
    """One relation per (type, head, tail, evidence passage), the first found."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for r in relations:
        key = (r.type, r.head_id, r.tail_id, r.evidence.passage_id)
        if key not in seen and r.head_id != r.tail_id:
            seen.add(key)
            out.append(r)
    return out
