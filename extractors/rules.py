"""Rules as data: the parts that names are built from, read from `seed_data/rules/*.tsv` (the
bundled package data, or the folder KG_RULES_DIR names).

A policy analyst who reads no Python can add a row: a new administrative domain (卫生健康 → finds
X省卫生健康委), a function head, a programme cue, a stop word. Every file is validated when it is
loaded; a bad row fails loudly with the file, the line and the reason (RulesError), never silently.

`name_parts.tsv` — columns `label`, `part`, `value`, `note`. Which parts each label takes, and
what the recogniser (`extractors.shapes`) does with them, is in PARTS below.

`relation_triggers.tsv` — one row per rule: `type` (a relationship of the graph model), `heads` and
`tails` (labels, `|`-separated), `order` (head_first: head … trigger … tail; tail_first: the tail
comes first; passive: tail … 由 head … trigger, the trigger after the head or the list it closes:
X奖由A、B共同设立), `max_gap` (characters between the two mentions; for passive, between the tail
and 由), `confidence`, `triggers` (`|`-separated words; a leading ^ means "right after the first mention").

`recommendation_cues.tsv` — one cue per row: `kind` (mandate: anywhere in a sentence; opening_adverb,
opening_verb: at its start, after an optional subject; report: the sentence reports, comments or
sets conditions, so it is no recommendation; voiced / hope: 会议强调，要… and 希望…加强… override the
report words; page: a web page's furniture, never one; procedure: a notice's own procedure, 对公示有异议的…, never
one; event_aim: an event and, within `within` characters (a comma may stand between), the aim a report gives it,
这次活动意在…, 召开…交流会，旨在…: never one unless the sentence plans (将…)),
`cue` (the words), `not_after` / `not_before` (`|`-separated text that must not stand
right before / after it: 重要 is no 要), `then` and `within` (`|`-separated words that must follow
within so many characters: 将…搭建). Within a kind, a longer cue goes before a shorter one it starts
with (建立健全 before 建立): the first that matches names the trigger.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from collections.abc import Iterator
from pathlib import Path

from schema.vocabulary import ENTITY_LABELS, RELATION_SIGNATURES, TRIGGERED_TYPES
from schema.settings import load_settings
from seed_data import DataError, resource

PARTS: dict[str, dict[str, str]] = {
    "Any": {"stop_word": "a word that ends a name's left edge (关于, 设立, 今年 …)",
            "not_name_word": "a word that is never inside an organisation's name (代表, 祝贺, 建立健全 …)",
            "opening_verb": "a word the segmenter calls a verb that can open a name (创新驱动助力工程)"},
    "Agency": {
        "place_suffix": "a place name ends with it (省, 市, 州 …)",
        "domain": "what a department is responsible for (科技, 民政 …)",
        "level_head": "a department's level (部, 厅, 局, 委 …)",
        "abbreviation": "a department's short form, domain and level in one (科委, 教委, 民委)",
        "government": "a place's government or Party committee (人民政府, 省委 …)",
        "office": "a general office (办公厅, 办公室)",
        "committee": "a place's Party committee named after the place's level (湖北省委, bare: 省委)",
        "committee_department": "a department of a place's Party committee (省委组织部, 市委人才办)",
        "national": "a prefix that makes a department or body national (国家知识产权局, 全国人大常委会)",
        "country": "the country's name before a department makes it the national one (中国气象局, 中国煤炭地质总局); "
                   "unlike `national`, not before a government, an office or a group (中国政府采购网)",
        "owned_office": "an office that is a body whoever owns it (中共中央办公厅, 国务院办公厅)",
        "association": "a place's association of the state's mass-organisation system (科协, 社科联)",
        "central": "the Party centre, owner of departments (中央宣传部, 中共中央组织部)",
        "state_organ": "a central body of the Party or the state, one of a closed class fixed by the constitutions "
                       "and named alone (国务院, 党中央, 全国人大): a name by itself, whatever the gazetteer knows",
        "state_organ_role": "a word right after a state_organ that makes it part of a title, a decree or a meeting, "
                            "not the body (全国人大代表, 国务院令, 国务院第520号令)",
        "not_department": "a word ending in 部 or 局 that is no department or unit (科协干部, 科协内部, 工作新格局)",
        "unit_head": "a department's own unit named right after it ends in one (省科技厅…处, 国家疾控局综合司, 办公室)",
        "person_title": "a person's post after a body (县科协 + 主席兼任办公室主任): no unit of the body opens there",
    },
    "GovernmentFunction": {
        "modifier": "what is evaluated, certified or drafted (科技成果 …)",
        "head": "the act (评价, 认定 …)",
        "term": "a function named by one word (科普, 团体标准 …)",
        "not_before": "the function word then modifies a thing (评价机构 …)",
        "not_after": "the function word is then the end of another word (社会团体 + 标准化)",
        "activity_noun": "a noun after the function word that names the activity itself (科普事业, 评价职责): "
                         "before any other noun the function word modifies a thing, a place, a person or an event",
    },
    "TalentProgram": {
        "head": "an award, programme or fund (奖, 计划, 工程 …)",
        "programme_cue": "a 计划/工程/基金 name must hold one (人才, 青年 …)",
        "stop": "ends like a programme but names none (一等奖 …)",
        "generic": "a kind named alone is no programme (科技奖, 社会科技奖), though 中华医学科技奖 is",
        "longer_word": "a head followed by these is part of a longer word (奖励, 工程师, 计划单列)",
        "honour": "an honorary title, a programme when quoted (“先进集体”)",
        "honour_word": "a word that opens an honorary title (优秀, 先进, 最美): a quoted title that holds one, or a list "
                       "of them after an award's verb (表彰先进学会和优秀学会干部), is a programme",
        "honour_context": "a word that says honours are given in its sentence (表彰, 评为, 授予, 称号)",
        "brand_next": "a quoted name right before one of these is a programme's brand (“科创中国”试点城市); "
                      "then every quoted use of that name in the text is the programme",
        "brand_next_cued": "as brand_next, when the quoted name holds a programme_cue (“协同创新助力…振兴”项目, "
                           "not “一带一路”项目)",
        "category": "an award's category or grade named alone is a kind, generic (自然科学奖, 优秀组织奖)",
        "sentence_verb": "a sentence's verb that never stands inside a programme's name: the name starts after it "
                         "(宁波举行 + 创新驱动助力工程, 中国林学会通报 + 第五届梁希科普奖)",
    },
    "Branch": {"head": "a society's branch (专业委员会, 分会 …)", "stop": "a name ending in it is no branch (分会场, 领导工作委员会)",
               "generic": "a kind of branch named alone (专业分会, 学术分会)",
               "name_word": "a stop word elsewhere that a branch's name may hold (组织工作委员会)"},
    "Society": {"scope": "a word of scope or sector; a society's name made of these alone names a kind, "
                         "generic (全省性行业协会, 省级学会)",
                "grade": "a grade or reach before 科技社团 that keeps it a kind, marked with it (世界一流科技社团, 港澳科技社团)"},
    "PartyOrganization": {
        "owner_head": "the kinds of organisation a Party body belongs to (大学, 部 …)",
        "head": "the Party body (党委, 党组 …)",
        "qualifier": "between an owner and its Party body, a joint or general committee's word (社会组织联合党委, 综合党委)",
        "member_group": "the members a branch gathers, before its ordinal and kind (教工第一党支部, 学生党支部, 学院科研党支部); "
                        "without a named owner the branch is a kind",
        "institution": "an owner that is neither society nor agency: a university, institute, hospital or company "
                       "(南昌大学党委 belongs to 南昌大学, an Institution)",
        "not_unit": "a word before 党支部 that makes no unit's name, so the branch is no unit's "
                    "(基层党支部, 机关党支部, 先进党支部; not 曹家湾烟站党支部)",
    },
}
_VALUE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·（）()]+")


class RulesError(DataError):
    """A rules file (or a gazetteer or lexicon file, read the same way) that cannot be used:
    `file:line: reason`, or `file: missing (… needs it)`."""


def tsv_rows(path: Path, expected: list[str], needs: str) -> Iterator[tuple[str, list[str]]]:
    """(`file:line`, cells) of every row of a rules TSV after its header, skipping blank and `#` lines;
    RulesError when the file is missing or its header does not start with `expected`."""
    if not path.is_file():
        raise RulesError(f"{path}: missing ({needs} needs it)")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        header = next(reader, None)
        if header is None or header[:len(expected)] != expected:
            raise RulesError(f"{path}:1: the header must start with {'<TAB>'.join(expected)}, got {header}")
        for number, row in enumerate(reader, start=2):
            if row and "".join(row).strip() and not row[0].startswith("#"):
                yield f"{path}:{number}", row



def rules_dir() -> Path:
    return load_settings().kg_rules_dir or resource("rules")


@dataclass(frozen=True)
class NameParts:
    parts: dict[tuple[str, str], tuple[str, ...]]  # (label, part) -> values, longest first

    def get(self, label: str, part: str) -> tuple[str, ...]:
        return self.parts.get((label, part), ())

    def alternation(self, label: str, part: str) -> str:
        """A regex alternation of the values, longest first (so 科学技术奖 wins over 奖)."""
        return "|".join(re.escape(v) for v in self.get(label, part))


def read_name_parts(path: Path) -> NameParts:
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    seen: dict[tuple[str, str, str], str] = {}
    for where, row in tsv_rows(path, ["label", "part", "value"], "the shape recogniser"):
        if len(row) < 3:
            raise RulesError(f"{where}: expected label, part, value (and a note), got {row}")
        label, part, value = (cell.strip() for cell in row[:3])
        if label not in PARTS:
            raise RulesError(f"{where}: unknown label {label!r} (one of {', '.join(PARTS)})")
        if part not in PARTS[label]:
            raise RulesError(f"{where}: {label} has no part {part!r} (one of {', '.join(PARTS[label])})")
        if not _VALUE.fullmatch(value):
            raise RulesError(f"{where}: value {value!r} must be Chinese characters, letters or digits")
        key = (label, part, value)
        if key in seen:
            raise RulesError(f"{where}: {label} {part} {value!r} repeats line {seen[key].rsplit(':', 1)[1]}")
        seen[key] = where
        found[(label, part)].append(value)
    return NameParts({k: tuple(sorted(v, key=lambda s: (-len(s), s))) for k, v in found.items()})


@cache
def name_parts(directory: Path | None = None) -> NameParts:
    return read_name_parts((directory or rules_dir()) / "name_parts.tsv")


RELATION_TYPES = TRIGGERED_TYPES


ORDERS = ("head_first", "tail_first", "passive")


@dataclass(frozen=True)
class TriggerRow:
    type: str
    heads: tuple[str, ...]
    tails: tuple[str, ...]
    order: str  # head_first, tail_first or passive
    max_gap: int
    confidence: float
    triggers: tuple[str, ...]


def read_relation_triggers(path: Path) -> tuple[TriggerRow, ...]:
    rows: list[TriggerRow] = []
    expected = ["type", "heads", "tails", "order", "max_gap", "confidence", "triggers"]
    for where, row in tsv_rows(path, expected, "the relation extractor"):
        if len(row) < 7:
            raise RulesError(f"{where}: expected 7 columns ({', '.join(expected)}), got {len(row)}")
        rtype, heads, tails, order, gap, confidence, triggers = (c.strip() for c in row[:7])
        if rtype not in RELATION_TYPES:
            raise RulesError(f"{where}: unknown relationship type {rtype!r} (one of {', '.join(RELATION_TYPES)})")
        bad = [label for label in [*heads.split("|"), *tails.split("|")] if label not in ENTITY_LABELS]
        if bad:
            raise RulesError(f"{where}: unknown label(s) {', '.join(bad)} (one of {', '.join(ENTITY_LABELS)})")
        allowed_heads, allowed_tails = RELATION_SIGNATURES[rtype]
        if not set(heads.split("|")) <= set(allowed_heads) or not set(tails.split("|")) <= set(allowed_tails):
            raise RulesError(f"{where}: {rtype} joins {'|'.join(allowed_heads)} to {'|'.join(allowed_tails)} "
                             f"(schema/vocabulary.py), not {heads} to {tails}")
        if order not in ORDERS:
            raise RulesError(f"{where}: order must be {', '.join(ORDERS)}, got {order!r}")
        try:
            max_gap, conf = int(gap), float(confidence)
        except ValueError:
            raise RulesError(f"{where}: max_gap must be a whole number and confidence a number") from None
        if not (0 < max_gap <= 200 and 0 < conf <= 1):
            raise RulesError(f"{where}: max_gap must be 1–200 and confidence in (0, 1]")
        words = tuple(w.strip() for w in triggers.split("|") if w.strip())
        if not words or not all(_VALUE.fullmatch(w.lstrip("^")) for w in words):
            raise RulesError(f"{where}: triggers must be words of Chinese characters, letters or digits")
        rows.append(TriggerRow(rtype, tuple(heads.split("|")), tuple(tails.split("|")), order,
                               max_gap, conf, words))
    return tuple(rows)


@cache
def relation_triggers(directory: Path | None = None) -> tuple[TriggerRow, ...]:
    return read_relation_triggers((directory or rules_dir()) / "relation_triggers.tsv")


CUE_KINDS = ("mandate", "plan", "opening_adverb", "opening_verb", "report", "voiced", "hope", "page", "procedure",
             "event_aim")


@dataclass(frozen=True)
class Cue:
    kind: str
    cue: str
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    then: tuple[str, ...] = ()
    within: int = 0

    def pattern(self) -> str:
        """The cue as a regular expression (every part escaped: the file holds words, not regexes)."""
        behind = "".join(f"(?<!{re.escape(w)})" for w in self.not_after)
        ahead = f"(?!{'|'.join(re.escape(w) for w in self.not_before)})" if self.not_before else ""
        gap = "[^。；：:]" if self.kind == "event_aim" else "[^，。；]"  # an event's aim may follow a comma
        then = (f"(?={gap}{{0,{self.within}}}?(?:{'|'.join(re.escape(w) for w in self.then)}))"
                if self.then else "")
        return f"{behind}{re.escape(self.cue)}{ahead}{then}"


def _words_of(cell: str, where: str, column: str) -> tuple[str, ...]:
    words = tuple(w for w in (cell or "").split("|") if w)
    for word in words:
        if not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9、，,：:]+", word):
            raise RulesError(f"{where}: {column} {word!r} must be Chinese characters, letters, digits or 、，：")
    return words


def read_recommendation_cues(path: Path) -> tuple[Cue, ...]:
    cues: list[Cue] = []
    seen: dict[tuple[str, str, str, str, str], str] = {}
    expected = ["kind", "cue", "not_after", "not_before", "then", "within"]
    for where, row in tsv_rows(path, expected, "the recommendation finder"):
        kind, cue, not_after, not_before, then, within = (c.strip() for c in (row + [""] * 6)[:6])
        if kind not in CUE_KINDS:
            raise RulesError(f"{where}: unknown kind {kind!r} (one of {', '.join(CUE_KINDS)})")
        if not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", cue):
            raise RulesError(f"{where}: cue {cue!r} must be Chinese characters, letters or digits")
        if within and not within.isdigit():
            raise RulesError(f"{where}: within must be a whole number of characters, got {within!r}")
        if within and not then:
            raise RulesError(f"{where}: within needs the words of `then`")
        key = (kind, cue, not_after, not_before, then)
        if key in seen:
            raise RulesError(f"{where}: repeats line {seen[key].rsplit(':', 1)[1]}")
        seen[key] = where
        cues.append(Cue(kind, cue, _words_of(not_after, where, "not_after"), _words_of(not_before, where, "not_before"),
                        _words_of(then, where, "then"), int(within or 0)))
    return tuple(cues)


@cache
def recommendation_cues(directory: Path | None = None) -> tuple[Cue, ...]:
    return read_recommendation_cues((directory or rules_dir()) / "recommendation_cues.tsv")


def cue_alternation(cues: tuple[Cue, ...], kind: str) -> str:
    return "|".join(c.pattern() for c in cues if c.kind == kind) or "(?!)"
