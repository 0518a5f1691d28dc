"""Recommendations: sentences that propose or mandate a measure, not reports of what happened.

Three parts decide, and the last has the last word:

1. **Cue rules** (data: seed_data/rules/recommendation_cues.tsv). A sentence carries a mandate cue
   (要, 应, 须, 不得, 鼓励, 支持, 建议 …, also after a subject: 各级科协要…) or opens with an
   imperative verb (推动, 建立健全, 加强 …), unless it reports an event (召开, 举行, 获评 …) or the
   issuing of a document; a requirement voiced in a speech (会议强调，要…) and a plan (将…, 计划举办…,
   下一步) override the report words. An editor's note in brackets (（页面在此中断）) is ignored.
2. **A small trained classifier**: a logistic regression over the sentence's character 1–3-grams, the cue rules'
   verdicts as marks and the sentence's context — its document's title, the heading it stands under, whether its
   neighbours are cued (`Context`; a 主要做法 section or a news report's title tells practice from measures) —
   (tf-idf, sublinear counts, length 1; `sentence_features`), trained
   by `scripts/train_recommendations.py` (scikit-learn) on hand-labelled sentences (the dev part of
   tests/gold and training/recommendations/*.jsonl — never the test part) and shipped as a JSON file read
   without scikit-learn (`extractors/models/recommendations.json`). It replaced a spaCy `textcat` (bag of
   character n-grams) because it wins on the same held-out sentences: 5-fold cross-validation over dev
   documents 0.741 against 0.712 (0.722 at its best thresholds), the whole extractor on held-out dev
   documents 0.737 against 0.710 (`--dev-cv`); the cue rules alone 0.645 (tests/gold/README.md, "v0.14"). The
   context raised the whole extractor on held-out dev documents from 0.740 to 0.762 and on a blind batch from 0.714
   to 0.795 (v0.20).
3. **A second look** (`SecondLook`): the first probability of each candidate sentence read beside those of the
   sentences right before and after it and the mean of its document's other sentences (a notice's measures come in
   runs; the one hope voiced in a news report stands alone) — a logistic regression over four numbers, trained on
   first probabilities of dev documents the first look was trained without. It decides alone, at one threshold (the
   cue-backed bar is gone: the cue marks are features of the first look). On held-out dev documents it raised the
   whole extractor from 0.782 to 0.795 (v0.30, tests/gold/README.md).

A heading or lead-in (ends with ：), a line with no closing mark that the text goes on after (a
heading, a page's menu or byline) or a sentence too short to state a measure is never one. The
span skips bullet marks (——, 一是, （一）, 1.) and keeps the closing punctuation.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, field_validator

from extractors.ngrams import NgramCounter
from extractors.rules import cue_alternation, recommendation_cues
from extractors.shadow import make_shadow, to_simplified
from extractors.model_file import read_model
from seed_data import resource

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
# … and one that ends the sentence, in brackets or as its last clause (…，页面在此中断。), is no part of its text
TRAILING_NOTE = re.compile(rf"(?:{NOTE.pattern}|[，,；;：:]?\s*页面在此中断[^。；;！!？?]*)[。；;！!？?]?[”’」』）)】\]\s]*$")
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
                    r"[一二三四五六七八九十]+、|\d+[.．、)）]|第[一二三四五六七八九十]+[，,、：:])\s*")
# (第X is a mark only with its punctuation: 第二至第五部分…, 第三项任务是… say what they count)
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


@cache
def event_aim() -> re.Pattern[str]:
    """An event and the aim a report gives it (recommendation_cues.tsv, kind `event_aim`: 这次活动意在…, 召开…交流会，
    旨在…). In 1,642 dev documents 20 sentences of this shape were taken for recommendations and no gold one has
    it; a plan's aim (将举办…，目的是…) is kept."""
    return re.compile(cue_alternation(recommendation_cues(), "event_aim"))


@dataclass(frozen=True)
class RecommendationSpan:
    start: int
    end: int
    trigger: str


MODEL_PATH = resource("models", "recommendations.json", package="extractors", check=False)
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
    if event_aim().search(sentence) and not cues().plan.search(sentence):
        return None  # the aim of an event a report tells of (这次座谈会旨在…): what it was for, not a measure
    if QUESTION.search(sentence):
        return None  # a question asks, it proposes nothing (记者问…？; 0 of 910 dev recommendations end in one)
    # the sentence ends before an editor's note (（页面在此中断）), in either script (the conversion keeps offsets)
    note = TRAILING_NOTE.search(to_simplified(text[start:end]))
    if note and note.start() > 0:
        end = start + note.start()
        sentence = make_shadow(text[start:end]).text
        if len(sentence) < MIN_LENGTH:
            return None
    return Candidate(start, end, sentence)


@dataclass(frozen=True)
class Context:
    """What the classifier reads around a sentence: the document's title (a notice's 意见 or 方案 mandates, a news
    report's 召开 or 成立 tells), the heading the sentence stands under (下一步工作 or 主要做法), and whether the cue
    rules call the sentences right before and after it recommendations (measures come in runs)."""

    title: str = ""
    heading: str = ""
    before: bool = False
    after: bool = False


HEADING_REACH = 40  # lines walked up to the heading a sentence stands under
NOT_HEADING = re.compile(r"[。；！？!?;…][”’」』）)】\]\s]*$")  # a line that ends a sentence is no heading
CONTEXT_MARKS = ("«after a cued sentence»", "«before a cued sentence»")


def heading_before(text: str, start: int) -> str:
    """The heading the sentence at `start` stands under: the nearest line above it of at most HEADING_LENGTH
    characters that ends no sentence (一、工作成效, 下一步工作打算), in simplified script; "" when none."""
    stop = text.rfind("\n", 0, start)
    for _ in range(HEADING_REACH):
        if stop <= 0:
            return ""
        begin = text.rfind("\n", 0, stop) + 1
        line = text[begin:stop].strip()
        stop = begin - 1
        if line and len(line) <= HEADING_LENGTH and not NOT_HEADING.search(line):
            return to_simplified(line)
    return ""


def contexts(text: str, title: str, sentences: Sequence[tuple[int, int]],
             found: Sequence[Candidate | None], triggers: Sequence[str | None]) -> list[Context]:
    """The context of each sentence (start, end) of `text`, given its candidate (or None) and its cue rules'
    trigger (or None)."""
    title = to_simplified(title)
    cued = [c is not None and t is not None for c, t in zip(found, triggers)]
    return [Context(title, heading_before(text, start) if c is not None else "", i > 0 and cued[i - 1],
                    i + 1 < len(cued) and cued[i + 1])
            for i, ((start, _), c) in enumerate(zip(sentences, found))]


HAN_RUN = re.compile("[\u4e00-\u9fff]{2,}")


def _bigrams(text: str, prefix: str) -> list[str]:
    """The pairs of adjacent Chinese characters of `text`, none across other characters (a year's digits, a
    bracket), each marked with `prefix`."""
    return [prefix + run[i:i + 2] for run in HAN_RUN.findall(text) for i in range(len(run) - 1)]


def context_features(context: Context) -> list[str]:
    """The title's and the heading's character pairs (marked T: and H:) and a mark for each cued neighbour."""
    return (_bigrams(context.title, "T:") + _bigrams(context.heading, "H:")
            + [mark for mark, on in zip(CONTEXT_MARKS, (context.before, context.after)) if on])


CUE_MARKS = {kind: f"«{kind}»" for kind in ("mandate", "plan", "imperative", "report", "voiced", "issuing")}
CUE_VERDICT = {True: "«one by the rules»", False: "«none by the rules»"}  # marks are longer than any n-gram: never one
NGRAMS = 3


def sentence_features(sentence: str, trigger: str | None = None, context: Context | None = None) -> list[str]:
    """What the classifier reads of a (simplified) sentence: the cue rules' verdicts as marks (whether they call it
    one, and which of their cues it holds), its character 1–3-grams, then what `context_features` reads of its
    context, when given. `trigger`: the sentence's rule_trigger, when the caller has it already ("" for none)."""
    parts = sentence_parts(sentence, trigger, context)
    text = parts.text
    return (list(parts.marks) + [text[i:i + n] for n in range(1, NGRAMS + 1) for i in range(len(text) - n + 1)]
            + list(parts.context))


@dataclass(frozen=True)
class SentenceParts:
    """`sentence_features` in three parts: the marks, the text whose character 1–3-grams follow them (the sentence
    without its notes), and the context's features."""

    marks: tuple[str, ...]
    text: str
    context: tuple[str, ...]

    def others(self) -> list[str]:
        """The features that are no n-gram of the text."""
        return list(self.marks) + list(self.context)


def sentence_parts(sentence: str, trigger: str | None = None, context: Context | None = None,
                   reading: CueReading | None = None) -> SentenceParts:
    """The parts of `sentence_features` (the same arguments), for a caller that counts the n-grams its own way
    (`FirstLook.probabilities`); `reading`: the sentence's `read_cues`, when the caller has it already."""
    if reading is None:
        reading = read_cues(sentence)
    if trigger is None:
        trigger = reading.trigger()
    marks = [CUE_VERDICT[bool(trigger)]]
    marks += [CUE_MARKS[kind] for kind, found in (
        ("mandate", reading.mandate), ("plan", reading.plan), ("imperative", reading.imperative),
        ("report", reading.report), ("voiced", reading.voiced), ("issuing", reading.issuing)) if found]
    return SentenceParts(tuple(marks), reading.sentence, tuple(context_features(context)) if context is not None else ())


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1.0 - 1e-4)
    return math.log(p / (1.0 - p))


SECOND_FEATURES = ("own", "before", "after", "document")


def second_features(first: Sequence[float]) -> list[tuple[float, float, float, float]]:
    """What the second look reads of each candidate sentence of a document, given the first look's probabilities
    of all of them in order: the log-odds of its own, of the sentence right before it and right after it (0.5 where
    there is none), and the mean probability of the document's other sentences (0.5 when it has none)."""
    n, total = len(first), sum(first)
    return [(_logit(p), _logit(first[i - 1] if i > 0 else 0.5), _logit(first[i + 1] if i + 1 < n else 0.5),
             (total - p) / (n - 1) if n > 1 else 0.5) for i, p in enumerate(first)]


class SecondLook(BaseModel):
    """The second stage: a logistic regression over `second_features` — a sentence's first probability read beside
    its neighbours' and its document's (a notice's measures come in runs; the one voiced hope of a news report
    stands alone). Trained on first probabilities of dev documents the first stage had not seen (k folds)."""
    model_config = ConfigDict(frozen=True, extra="forbid")

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float  # the probability from which a sentence is one

    @field_validator("threshold")
    @classmethod
    def _probability(cls, value: float) -> float:
        if not 0.0 < value < 1.0:
            raise ValueError(f"must be between 0 and 1, got {value}")
        return value

    @field_validator("features")
    @classmethod
    def _the_features_read(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if tuple(value) != SECOND_FEATURES:
            raise ValueError(f"must be {', '.join(SECOND_FEATURES)} in this order, got {', '.join(value)}")
        return value

    @field_validator("weights")
    @classmethod
    def _one_per_feature(cls, value: tuple[float, ...]) -> tuple[float, ...]:
        if len(value) != len(SECOND_FEATURES):
            raise ValueError(f"one weight for each of {', '.join(SECOND_FEATURES)}, got {len(value)}")
        return value

    def probabilities(self, first: Sequence[float]) -> list[float]:
        """P(recommendation) of each candidate sentence of a document from the first probabilities of all of them."""
        return self.of_rows(second_features(first))

    def of_rows(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """P(recommendation) of each row of `second_features`."""
        return [1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, self.bias + sum(w * x for w, x in zip(self.weights, f))))))
                for f in rows]


class FirstLook(BaseModel):
    """The first stage: a logistic regression over `sentence_features`, each feature weighted `(1 + log tf) × idf`
    and the sentence's vector scaled to length 1 (the features the model does not know left out); per feature:
    (idf, weight)."""
    model_config = ConfigDict(frozen=True, extra="forbid")

    c: float  # the inverse of the regularisation strength it was trained with
    bias: float
    terms: dict[str, tuple[float, float]]

    def probability(self, features: Sequence[str]) -> float:
        """P(the sentence is a recommendation) from its `sentence_features` alone."""
        _, _, _, index = self._arrays
        terms = np.array([at for f in features if (at := index.get(f)) is not None], dtype=np.int64)
        return self._scores(np.zeros(len(terms), dtype=np.int64), terms, 1)[0]

    def probabilities(self, sentences: Sequence[SentenceParts]) -> list[float]:
        """`probability` of each sentence given in its `sentence_parts`, its n-grams counted in numpy (the same
        numbers as from its features, tests/test_ngrams.py), several times faster than one sentence at a time."""
        if not sentences:
            return []
        counter, _, _, index = self._arrays
        rows, terms = counter.occurrences([s.text for s in sentences])
        extra = [(r, at) for r, s in enumerate(sentences) for f in s.others() if (at := index.get(f)) is not None]
        if extra:
            rows = np.concatenate([rows, np.array([r for r, _ in extra], dtype=np.int64)])
            terms = np.concatenate([terms, np.array([t for _, t in extra], dtype=np.int64)])
        return self._scores(rows, terms, len(sentences))

    @cached_property
    def _arrays(self) -> tuple[NgramCounter, np.ndarray, np.ndarray, dict[str, int]]:
        """The terms as arrays: their n-gram counter, idf, weights, and every term's index."""
        names = list(self.terms)
        idf = np.array([self.terms[n][0] for n in names], dtype=np.float64)
        weight = np.array([self.terms[n][1] for n in names], dtype=np.float64)
        return NgramCounter(names, sizes=range(1, NGRAMS + 1)), idf, weight, {n: i for i, n in enumerate(names)}

    def _scores(self, rows: np.ndarray, terms: np.ndarray, count: int) -> list[float]:
        """P(recommendation) of each of `count` sentences from the occurrences (sentence, term) of its known
        features: `(1 + log tf) × idf`, scaled to length 1, the logistic regression."""
        _, idf, weight, _ = self._arrays
        size = len(idf)
        pairs, counts = np.unique(rows * size + terms, return_counts=True)
        rows, terms = pairs // size, pairs % size
        values = (1.0 + np.log(counts)) * idf[terms]
        norms = np.sqrt(np.bincount(rows, values * values, minlength=count))
        norms[norms == 0.0] = 1.0
        z = self.bias + np.bincount(rows, values * weight[terms], minlength=count) / norms
        return (1.0 / (1.0 + np.exp(-np.clip(z, -60.0, 60.0)))).tolist()


class RecommendationClassifier(BaseModel):
    """The trained model as stored: the first look reads a sentence and its context, the second reads that
    probability beside its neighbours' and its document's."""
    model_config = ConfigDict(frozen=True, extra="forbid")

    features: str  # what the features are, for a reader of the file
    sentences: int  # how many labelled sentences it was trained on
    recommendations: int  # how many of them were recommendations
    first: FirstLook
    second: SecondLook

    def probability(self, features: Sequence[str]) -> float:
        """The first look's P(recommendation) of one sentence from its `sentence_features`."""
        return self.first.probability(features)


def read_classifier(path: Path) -> RecommendationClassifier:
    """DataError naming the file and the reason for a missing or malformed model."""
    return read_model(path, RecommendationClassifier, "recommendation classifier", "scripts/train_recommendations.py")


@cache
def classifier() -> RecommendationClassifier:
    return read_classifier(MODEL_PATH)


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
# a body described as it is established (三定: 机构简介, 职能调整, 主要职责, 内设机构): a heading line that says so …
ESTABLISHMENT = re.compile(r"(?m)^[\s一二三四五六七八九十、（()）\d.]*(?:内设机构|机构简介|机构概况|单位概况|单位简介|职能调整)"
                           r"\s*[：:]?\s*$")
# … and the heading its duties stand under
DUTIES = re.compile(r"(?m)^[\s一二三四五六七八九十、（()）\d.]*(?:主要职责|主要职能|机构职能|职责|内设机构)\s*[：:]?\s*$")


def establishment_duties(text: str, title: str = "") -> int:
    """Where the duties of a body described as it is established begin (the offset of its 主要职责 or 内设机构
    heading), or past the end of the text. A unit's profile (单位概况, 机构简介 … 内设机构) lists what the body and its
    sections do as they stand, item by item, not measures: in the 1,642 dev documents the 24 sentences under such
    headings that were taken for recommendations were none, and no gold recommendation stands there."""
    if not (ESTABLISHMENT.search(text) or re.fullmatch(r"\s*(?:单位|机构)(?:概况|简介)\s*", to_simplified(title))):
        return len(text) + 1
    heading = DUTIES.search(text)
    return heading.start() if heading else len(text) + 1


def _standing_lead(lead: str, whole: bool) -> bool:
    """A heading (`whole`) or the last clause of a lead-in names a standing description."""
    if whole:
        return STANDING.search(lead) is not None
    clause = re.split("[。；;！？，,]", lead)[-1]  # the lead-in ends with its words: 主要职能有十一项, 其宗旨是
    return re.search(f"(?:(?:{STANDING.pattern})(?:{STANDING_TAIL})?|(?:职能|职责)(?:{STANDING_TAIL}))$", clause) is not None


def recommendation_spans(text: str, sentences: Sequence[tuple[int, int]], title: str = ""
                         ) -> list[RecommendationSpan | None]:
    """For each sentence (start, end) of `text` (in order; `title`: the document's): the recommendation it
    states, or None. Every candidate sentence is read twice: alone (with its context), then beside its neighbours and
    its document (`SecondLook`); an item of a standing description or of a body's duties is never one."""
    simplified = to_simplified(text)  # the same length: a heading in traditional script (主要職能) is found too
    duties = establishment_duties(simplified, title)
    found = [candidate(text, s, e) for s, e in sentences]
    readings = [None if c is None else read_cues(c.sentence) for c in found]
    triggers = [None if r is None else r.trigger() for r in readings]
    around = contexts(text, title, sentences, found, triggers)
    model = classifier()
    second = iter(model.second.probabilities(model.first.probabilities(
        [sentence_parts(c.sentence, t or "", x, r) for c, t, x, r in zip(found, triggers, around, readings)
         if c is not None])))
    out: list[RecommendationSpan | None] = []
    for (start, end), c, trigger in zip(sentences, found, triggers):
        p = None if c is None else next(second)
        if c is None or p < model.second.threshold or start >= duties or standing(simplified, start, end) \
                or len(NOTE.sub("", c.sentence).strip()) < MIN_LENGTH:  # an editor's note alone: （原页面在此截断）
            out.append(None)
        else:
            out.append(RecommendationSpan(c.start, c.end, trigger or CLASSIFIER_TRIGGER))
    return out


def recommendation_span(text: str, start: int, end: int, title: str = "") -> RecommendationSpan | None:
    """The recommendation in sentence text[start:end], or None if the sentence is not one."""
    return recommendation_spans(text, [(start, end)], title)[0]


def rule_trigger(sentence: str) -> str | None:
    """The cue that makes a (simplified) sentence a recommendation by the cue rules alone."""
    return read_cues(sentence).trigger()


@dataclass(frozen=True)
class CueReading:
    """What the cue rules find in a (simplified) sentence, each rule run once: the sentence without its editor's
    notes, and each kind's match (or None). Read by the rules' verdict (`trigger`) and by the classifier's marks."""
    sentence: str
    mandate: re.Match[str] | None
    plan: re.Match[str] | None
    imperative: re.Match[str] | None  # at the start, after an optional subject
    report: re.Match[str] | None
    voiced: re.Match[str] | None
    issuing: re.Match[str] | None

    def trigger(self) -> str | None:
        """The cue that makes the sentence a recommendation by the cue rules alone."""
        if self.issuing:
            return None
        if self.voiced:  # a requirement voiced in a meeting or a speech: 会议强调，要… / 她希望…加强…
            return self.voiced.group(1) or self.voiced.group(2)
        if self.plan:  # a plan names the events it will hold (将召开…, 计划举办7项…): report words do not undo it
            return self.plan.group(0)
        if self.report:
            return None
        if self.mandate:
            return self.mandate.group(0)
        if self.imperative and self.imperative.group(0):
            return self.imperative.group(0)
        return None


def read_cues(sentence: str) -> CueReading:
    rules = cues()
    sentence = NOTE.sub("", sentence)
    subject = SUBJECT.match(sentence)
    return CueReading(sentence, rules.mandate.search(sentence), rules.plan.search(sentence),
                      rules.imperative.match(sentence[subject.end():] if subject else sentence),
                      rules.report.search(sentence), rules.voiced.search(sentence), ISSUING.search(sentence))
