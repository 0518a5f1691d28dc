"""Recommendations: sentences that propose or mandate a measure, not reports of what happened.

Two parts decide, and the second has the last word (it needs less to agree with the first: RULE_THRESHOLD):

1. **Cue rules** (data: seed_data/rules/recommendation_cues.tsv). A sentence carries a mandate cue
   (要, 应, 须, 不得, 鼓励, 支持, 建议 …, also after a subject: 各级科协要…) or opens with an
   imperative verb (推动, 建立健全, 加强 …), unless it reports an event (召开, 举行, 获评 …) or the
   issuing of a document; a requirement voiced in a speech (会议强调，要…) and a plan (将…, 计划举办…,
   下一步) override the report words. An editor's note in brackets (（页面在此中断）) is ignored.
2. **A small text classifier** (spaCy `textcat`, bag of character 1–3-grams) trained by
   `scripts/train_recommendations.py` on hand-labelled sentences (the dev part of tests/gold and
   training/recommendations/sentences.jsonl — never the test part). Its input is the sentence
   with the cue rules' verdicts written in front as tokens, so it learns when to trust a cue
   (the cue rules alone reached F1 0.62 on sentences they were not written from; the classifier
   with them 0.80 in 5-fold cross-validation over documents, the cue rules alone 0.78 on the same
   sentences — an optimistic figure for the rules, which were written from these sentences:
   `scripts/train_recommendations.py --cv`).

A heading or lead-in (ends with ：), a line with no closing mark that the text goes on after (a
heading, a page's menu or byline) or a sentence too short to state a measure is never one. The
span skips bullet marks (——, 一是, （一）, 1.) and keeps the closing punctuation.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extractors.rules import cue_alternation, recommendation_cues
from extractors.shadow import make_shadow, to_simplified
from seed_data import DataError, resource

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
# an editor's note in brackets (（页面在此中断）) is not part of what the sentence says
NOTE = re.compile(r"[（(][^（）()]*(?:页面|摘录|未能读到|未载)[^（）()]*[）)]")
ISSUING = re.compile(r"(印发|发布|下发|出台|颁布)了?.{0,6}《.*》.*(通知|要求.*(贯彻|落实|执行))|"
                     r"^.{0,30}(印发|发布|下发)了?《[^》]*》[。，,；]?$")


@dataclass(frozen=True)
class Cues:
    mandate: re.Pattern[str]  # anywhere in the sentence
    plan: re.Pattern[str]  # 将…, 计划…, 下一步: what is to be done, whatever events it names
    imperative: re.Pattern[str]  # at its start, after an optional subject
    report: re.Pattern[str]  # the sentence reports, comments or sets conditions
    voiced: re.Pattern[str]  # 会议强调，要… / 她希望…加强…: overrides `report`


@cache
def cues() -> Cues:
    rows = recommendation_cues()
    return Cues(
        mandate=re.compile(cue_alternation(rows, "mandate")),
        plan=re.compile(cue_alternation(rows, "plan")),
        imperative=re.compile(f"^(?:{cue_alternation(rows, 'opening_adverb')})?(?:{cue_alternation(rows, 'opening_verb')})"),
        report=re.compile(f"{cue_alternation(rows, 'report')}|{_REPORT_SHAPES}"),
        voiced=re.compile(f"(?:{cue_alternation(rows, 'voiced')})[，,：:]?[^，。；]{{0,10}}?({_VOICED_MODALS})|"
                          f"(?:{cue_alternation(rows, 'hope')})[^。；]{{0,12}}?({_HOPED})"),
    )


BULLET = re.compile(r"(?:[—\-–·•●○■□◆◇▪]+|[一二三四五六七八九十]+是[，,]?|[（(][一二三四五六七八九十\d]+[)）]、?|"
                    r"[一二三四五六七八九十]+、|\d+[.．、)）]|第[一二三四五六七八九十]+[，,、]?)\s*")
MIN_LENGTH = 8
# a sentence's closing mark, before any closing quote or bracket (a page cut off mid-sentence ends without one)
QUESTION = re.compile(r"\S？[”’」』）)】\]]*\s*$")  # full-width: a page's lone ASCII ? is often a lost character
CLOSED = re.compile(r"[。；！？!?;…][”’」』）)】\]\s]*$")


@cache
def page_debris() -> re.Pattern[str]:
    """The words of a web page's own furniture and of a notice's own procedure (recommendation_cues.tsv, kinds
    `page` and `procedure`): a sentence holding them is never a recommendation."""
    cues_ = recommendation_cues()
    return re.compile(f"{cue_alternation(cues_, 'page')}|{cue_alternation(cues_, 'procedure')}")


@dataclass(frozen=True)
class RecommendationSpan:
    start: int
    end: int
    trigger: str


MODEL_DIR = resource("models", "recommendations", package="extractors", check=False)  # a real folder (spacy.load)
THRESHOLD = 0.3  # the classifier's probability above which a sentence is one (chosen on dev: --dev-cv and sentence CV)
# a sentence the cue rules call one needs less of the classifier (chosen on dev, --dev-cv on 77 documents: 0.715
# with one threshold for all, 0.731 with 0.2 here; 0.15: 0.732, 0.25: 0.725, 0.1: 0.725; on 177 documents 0.1, 0.15
# and 0.2 give 0.688, 0.686, 0.687: 0.1, with which a plain mandate such as 建立健全信息公开制度 is never dropped;
# on 302 documents 0.1 and 0.05 give 0.720 and 0.714 — two recommendations of 513 — and 0.05, because the model
# retrained with them scored a plain 应当 mandate, 学会党组织应当推进科普工作体系, at 0.08. On 417 documents the pairs
# 0.3/0.05, 0.4/0.05, 0.4/0.1, 0.5/0.15 gave F1 0.718, 0.719, 0.722, 0.719 — within a few sentences of each other —
# and 0.1 here drops a plain 应当 mandate again (tests/test_synthetic.py): both stay. On 617 documents 0.05, 0.04 and 0.03
# gave 0.730, 0.729, 0.728, and the model retrained on them scored a plain 建立健全…制度 at 0.0485: 0.04. On 692
# documents 0.04, 0.03, 0.02, 0.01 gave 0.718, 0.716, 0.716, 0.712 (recall 0.753, 0.759, 0.764, 0.769), and the model
# retrained on them scored 建立健全科技奖励制度，提高奖励的公信力 at 0.028: 0.02. Each retraining has scored plain
# mandates lower — the bar follows, within a few sentences of the best dev score each time; on 840 documents the
# retrained model scored plain 支持/鼓励…承接…职能 mandates at 0.009–0.02 (tests/test_synthetic.py): 0.005)
RULE_THRESHOLD = 0.005
CLASSIFIER_TRIGGER = "分类器"  # the trigger of a recommendation no cue names


@dataclass(frozen=True)
class Candidate:
    """A sentence as the deciders see it: simplified, bullets skipped."""

    start: int
    end: int
    sentence: str  # simplified script, pinyin glosses removed (應當 = 应当, 要(yào) = 要)


def candidate(text: str, start: int, end: int) -> Candidate | None:
    """The sentence text[start:end] without its bullet marks, or None for a heading, a lead-in or
    a fragment too short to state a measure."""
    while start < end:
        m = BULLET.match(text, start, end)
        if not m or m.end() == start:
            break
        start = m.end()
    sentence = make_shadow(text[start:end]).text
    if len(sentence) < MIN_LENGTH or sentence.rstrip().endswith(("：", ":")):
        return None
    if not CLOSED.search(sentence) and text[end:].strip():
        return None  # a line with no closing mark that the text goes on after: a heading, a menu, a byline
    if page_debris().search(sentence):
        return None  # a web page's own furniture (责任编辑, 本站支持…), a notice's procedure (对公示有异议的…)
    if QUESTION.search(sentence):
        return None  # a question asks, it proposes nothing (记者问…？; 0 of 910 dev recommendations end in one)
    return Candidate(start, end, sentence)


def cue_features(sentence: str, trigger: str | None = None) -> str:
    """The cue rules' verdicts as tokens in front of the sentence: what the classifier reads
    (`trigger`: the sentence's rule_trigger, when the caller has it already)."""
    rules = cues()
    if trigger is None:
        trigger = rule_trigger(sentence)
    sentence = NOTE.sub("", sentence)
    subject = SUBJECT.match(sentence)
    marks = [("规则是" if trigger else "规则否")]
    marks += [mark for mark, found in (
        ("【令】", rules.mandate.search(sentence)),
        ("【划】", rules.plan.search(sentence)),
        ("【祈】", rules.imperative.match(sentence[subject.end():] if subject else sentence)),
        ("【述】", rules.report.search(sentence)),
        ("【引】", rules.voiced.search(sentence)),
        ("【发】", ISSUING.search(sentence))) if found]
    return " ".join(marks) + " " + sentence


@cache
def classifier():  # -> spacy.Language
    import spacy

    if not (MODEL_DIR / "meta.json").exists():
        raise DataError(f"{MODEL_DIR}: the recommendation classifier is missing "
                        "(make it with scripts/train_recommendations.py)")
    return spacy.load(MODEL_DIR)


# a body's standing description (its functions, business scope or aims), a call's conditions or its procedure, under a
# heading or a lead-in that names them
STANDING = re.compile("主要职能|部门职能|基本职能|业务范围|宗旨|"
                      "(?:申报|报名|应聘|招聘|推荐|参评|评选|入会|会员|入选|候选人|基本|资格|任职|申请)条件|"
                      # a call's or a service guide's procedure (0 of 33 dev sentences under these were recommendations)
                      "办理流程|申请材料|申报材料|受理条件|设定依据|办理时限|办理程序|申报程序|申报流程|报名方式|报送材料|"
                      "材料报送|申报方式|推荐程序|评审程序|联系方式")
STANDING_TAIL = "是|为|如下|包括|主要有|有[一二三四五六七八九十两\\d]+[项条个]"  # 主要职能有十一项：, 其宗旨是：
ITEM_CLOSED = re.compile(r"[。；;]\s*$")
STANDING_REACH = 40  # lines walked up to the section's heading


def standing(text: str, start: int, end: int | None = None) -> bool:
    """The sentence text[start:end] is one item of a body's standing description — its functions, business
    scope or aims, listed under a heading or a lead-in that names them (一、主要职能 / 主要职能有十一项： /
    第二章 业务范围, 其宗旨是：…): what the body does as it stands, no measure (docs/ANNOTATION.md, v0.8); so are a
    call's conditions and a call's or a guide's procedure (申报条件, 办理流程). The duties a notice gives a body under
    their heading (一、联席会议主要职责) are not this: 职责 counts only in a lead-in (主要职责是：)."""
    opening = re.match("[^：:]*[：:]", text[start:end]) if end is not None else None
    if opening and _standing_lead(opening.group(0)[:-1], whole=False):
        return True  # the sentence opens with the lead-in (其宗旨是：团结…)
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[line_start:start]
    colon = max(lead.rfind("："), lead.rfind(":"))
    if colon >= 0 and not re.search("[。！？]", lead[colon:]):  # the items after a lead-in on this line
        return _standing_lead(lead[:colon], whole=False)
    stop = line_start - 1
    for _ in range(STANDING_REACH):
        if stop <= 0:
            return False
        begin = text.rfind("\n", 0, stop) + 1
        line = text[begin:stop].strip()
        stop = begin - 1
        if not line:
            continue
        if line.endswith(("：", ":")):
            return _standing_lead(line[:-1], whole=False)  # a lead-in: 主要职能有十一项：
        if ITEM_CLOSED.search(line):
            continue  # an item of the list, or a paragraph: the heading is further up
        return len(line) <= HEADING_LENGTH and _standing_lead(line, whole=True)  # 一、主要职能, 第二章 业务范围
    return False


HEADING_LENGTH = 30


def _standing_lead(lead: str, whole: bool) -> bool:
    """A heading (`whole`) or the last clause of a lead-in names a standing description."""
    if whole:
        return STANDING.search(lead) is not None
    clause = re.split("[。；;！？，,]", lead)[-1]  # the lead-in ends with its words: 主要职能有十一项, 其宗旨是
    return re.search(f"(?:(?:{STANDING.pattern})(?:{STANDING_TAIL})?|(?:职能|职责)(?:{STANDING_TAIL}))$", clause) is not None


def recommendation_spans(text: str, sentences: Sequence[tuple[int, int]]) -> list[RecommendationSpan | None]:
    """For each sentence (start, end) of `text`: the recommendation it states, or None."""
    simplified = to_simplified(text)  # the same length: a heading in traditional script (主要職能) is found too
    found = [None if standing(simplified, s, e) else candidate(text, s, e) for s, e in sentences]
    todo = [c for c in found if c is not None]
    if not todo:
        return [None] * len(found)
    triggers = [rule_trigger(c.sentence) for c in todo]
    nlp = classifier()
    docs = [nlp.make_doc(cue_features(c.sentence, t or "")) for c, t in zip(todo, triggers)]
    decided = iter(zip(nlp.get_pipe("textcat").model.predict(docs)[:, 0], triggers))
    out: list[RecommendationSpan | None] = []
    for c in found:
        probability, trigger = next(decided) if c is not None else (0.0, None)
        threshold = RULE_THRESHOLD if trigger else THRESHOLD
        out.append(RecommendationSpan(c.start, c.end, trigger or CLASSIFIER_TRIGGER)
                   if c is not None and probability >= threshold else None)
    return out


def recommendation_span(text: str, start: int, end: int) -> RecommendationSpan | None:
    """The recommendation in sentence text[start:end], or None if the sentence is not one."""
    return recommendation_spans(text, [(start, end)])[0]


def rule_trigger(sentence: str) -> str | None:
    """The cue that makes a (simplified) sentence a recommendation by the cue rules alone."""
    sentence = NOTE.sub("", sentence)
    if ISSUING.search(sentence):
        return None
    rules = cues()
    mandate = rules.mandate.search(sentence)
    subject = SUBJECT.match(sentence)
    opening = rules.imperative.match(sentence[subject.end():] if subject else sentence)
    voiced = rules.voiced.search(sentence)
    if voiced:  # a requirement voiced in a meeting or a speech: 会议强调，要… / 她希望…加强…
        return voiced.group(1) or voiced.group(2)
    plan = rules.plan.search(sentence)
    if plan:  # a plan names the events it will hold (将召开…, 计划举办7项…): report words do not undo it
        return plan.group(0)
    if rules.report.search(sentence):
        return None
    if mandate:
        return mandate.group(0)
    if opening and opening.group(0):
        return opening.group(0)
    return None
