"""Which research directions and 考核指标 a text addresses — explainable, with a score and the
matched terms.

Term profiles come from the guide itself: every direction's name, 研究内容 and indicators are
segmented into words; a word's weight in a direction is its frequency there times how specific it
is to that direction (an idf over the four directions). A short hand-written list of policy terms
per direction (`seed_data/lexicon/direction_terms.tsv`, each with the reason) extends the guide's
vocabulary with words the guide implies but does not use (党支部, 托举, 团体标准 …).
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from extractors.rules import RulesError, tsv_rows
from extractors.segment import tokenizer
from extractors.shadow import to_simplified
from schema.model import GuideItem
from seed_data import resource

LEXICON = resource("lexicon", "direction_terms.tsv", check=False)  # checked when read
# words of the guide that say nothing about which direction (they are everywhere in it)
STOP = set("""
科技社团 研究 提出 分析 方面 进一步 深化 改革 有关 以及 如何 更好 形成 提交 报告 字数 万字 左右 系统 梳理 党的十八大 以来
中央 有关部门 部分 地方 党政 关于 政策 文件 工作 部署 有效 支撑 中国科协 指导性 意见 起草 过程 举措 措施 建议 可行 方式
路径 具体 新时代 发挥 作用 探索 推动 加强 完善 重要 问题 现状 相关 主要 策略 研究报告 不同 类型 理论依据 依据 实施 切实
中国 国家 我国 第一 新型 激发 重大 方向 及其 推进 制度 结合 要求 贯彻落实 领导 对接 成果 活动 力量 行动 精神 共享 引导
弘扬 传播 交流 政府 企业 经济 动能 国际 科技 科学 发展 创新 社会 建设 服务 促进 提升 体系 机制 体制 能力 时代 全面 深入
阐释 意义 互动 关系 表现 深层次 原因 贯彻 决策 部署 务实 分层 指导 以及 下属 构建 主动 融入 带动 资源 立足 背景 收集
整理 典型 案例 衍生 功能 长期 可行性 独特 围绕 大局 目录 针对 事件 回溯性 前瞻性 着眼 新格局 凝练 经验 难点 突破点 节点
形成 思维 方式 约束 打造 权威 阵地 科学应对 热点 突发事件 更大 领域 归纳 优势 阐述 深刻 内涵 影响 相应 进一步 塑造 回顾
所能 所为 大局 认同 价值 行动 思想 战略 模式 趋势 特征 如何 汇聚 之智 全球 核心 对标
""".split())
# words of the guide that tell its directions apart but not the texts the system reads, where they are everywhere
# (society news is all 学术, 会员, 建立, 通过 …): left out of the directions' profiles only — within a direction they
# may still tell its indicators apart (分类 is indicator 3.5's word: 分类指导建议)
DIRECTION_STOP = set("""
重点 建立 结构 存在 内部 方法 之间 完全 尚未 不足 深入分析 思路 深度 潜力 个人 关键 基础 进行 分类 公共 通过 作为
格局 广泛 学术 科研 会员 社会组织 业务 坚持 分支机构
""".split())
_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
# the indicator that asks for measures (具体举措, 措施建议 …): where a measure goes when no indicator's
# own words match (an unmatched link, score 0)
_MEASURES = re.compile(r"举措|措施")
# A link counts as coverage (Address.matched) only when it rests on matched terms of at least this
# score; weaker links (an inherited direction, the default indicator) are shown as 弱/未匹配.
DIRECTION_MIN_SCORE = 1.5
INDICATOR_MIN_SCORE = 1.0


@dataclass(frozen=True)
class Profile:
    code: str  # "1" or "1.4"
    weights: dict[str, float]


def guide_words(text: str, stop: frozenset[str] | set[str] = frozenset()) -> list[str]:
    return [w for w in tokenizer().cut(to_simplified(text)) if _WORD.match(w) and w not in STOP and w not in stop]


def _idf_profiles(texts: dict[str, str], max_df: int = 1, stop: frozenset[str] | set[str] = frozenset()
                  ) -> list[Profile]:
    """Words specific to one text (found in at most `max_df` of them), weighted by frequency and
    specificity; words the texts share say nothing about which one a sentence is closer to."""
    counts = {code: Counter(guide_words(text, stop)) for code, text in texts.items()}
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(set(c))
    n = len(texts)
    profiles = []
    for code, c in counts.items():
        weights = {w: (1 + math.log(tf)) * math.log(1 + n / df[w]) for w, tf in c.items() if df[w] <= max_df}
        profiles.append(Profile(code, weights))
    return profiles


@cache
def lexicon() -> dict[str, dict[str, float]]:
    """direction code -> {term: weight} from the hand-written list."""
    return read_lexicon(LEXICON)


def read_lexicon(path: Path) -> dict[str, dict[str, float]]:
    """RulesError (`file:line: reason`) for a missing file, a wrong header or a bad row."""
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for where, row in tsv_rows(path, ["term", "direction", "weight"], "the direction classifier"):
        if not 3 <= len(row) <= 4:
            raise RulesError(f"{where}: expected term, direction, weight (and a reason), got {len(row)} columns")
        term, direction, weight = (cell.strip() for cell in row[:3])
        if not term:
            raise RulesError(f"{where}: empty term")
        if direction not in ("1", "2", "3", "4"):
            raise RulesError(f"{where}: direction must be 1, 2, 3 or 4, got {direction!r}")
        try:
            value = float(weight)
        except ValueError:
            raise RulesError(f"{where}: weight must be a number, got {weight!r}") from None
        if not value > 0:
            raise RulesError(f"{where}: weight must be above 0, got {weight!r}")
        out[direction][to_simplified(term)] = value
    return dict(out)


class DirectionModel:
    """Scores a text against the directions and indicators parsed from the guide."""

    def __init__(self, items: list[GuideItem]) -> None:
        self.items = {i.code: i for i in items}
        by_direction: dict[str, list[str]] = defaultdict(list)
        for item in items:
            if item.label == "Indicator" and item.deliverable:
                continue  # the report and the support for drafting: the same in every direction
            weight = 3 if item.label == "ResearchDirection" else 1
            by_direction[str(item.direction)].extend([item.name] * weight)
        self.directions = _idf_profiles({d: "\n".join(t) for d, t in by_direction.items()}, stop=DIRECTION_STOP)
        for profile in self.directions:
            for term, weight in lexicon().get(profile.code, {}).items():
                profile.weights[term] = max(profile.weights.get(term, 0.0), weight)
        # indicators 3–5 of each direction, against each other within the direction
        self.indicators: dict[str, list[Profile]] = {}
        self.measure_indicator: dict[str, str] = {}
        for item in sorted((i for i in items if i.label == "Indicator" and not i.deliverable),
                           key=lambda i: [int(x) for x in i.code.split(".")]):
            if _MEASURES.search(item.name):
                self.measure_indicator.setdefault(str(item.direction), item.code)
        for d in by_direction:
            texts = {i.code: i.name for i in items if i.label == "Indicator" and str(i.direction) == d
                     and not i.deliverable}
            self.indicators[d] = _idf_profiles(texts) if texts else []
        terms = sorted({t for p in self.directions for t in p.weights} |
                       {t for ps in self.indicators.values() for p in ps for t in p.weights})
        self._automaton = ahocorasick.Automaton()
        for term in terms:
            self._automaton.add_word(term, term)
        if terms:
            self._automaton.make_automaton()

    def matched_terms(self, text: str) -> set[str]:
        """The profile terms that occur in the text (one Aho–Corasick pass)."""
        if not len(self._automaton):
            return set()
        return {term for _, term in self._automaton.iter(to_simplified(text))}

    def score_directions(self, text: str) -> list[tuple[str, float, tuple[str, ...]]]:
        """(direction code, score, matched terms) for every direction with a match, best first."""
        found = self.matched_terms(text)
        out = []
        for profile in self.directions:
            hits = sorted((t for t in found if t in profile.weights), key=lambda t: (-profile.weights[t], t))
            score = sum(profile.weights[t] for t in hits)
            if hits:
                out.append((profile.code, round(score, 3), tuple(hits)))
        return sorted(out, key=lambda x: (-x[1], x[0]))

    def classify(self, text: str, *, min_score: float = DIRECTION_MIN_SCORE, ratio: float = 0.6
                 ) -> list[tuple[str, float, tuple[str, ...]]]:
        return self.pick(self.score_directions(text), min_score=min_score, ratio=ratio)

    @staticmethod
    def pick(scored: list[tuple[str, float, tuple[str, ...]]], *, min_score: float, ratio: float
             ) -> list[tuple[str, float, tuple[str, ...]]]:
        """Of scored directions (best first), those of at least `min_score` and `ratio` of the best."""
        if not scored or scored[0][1] < min_score:
            return []
        best = scored[0][1]
        return [s for s in scored if s[1] >= max(min_score, ratio * best)]

    def indicators_for(self, direction: str, text: str) -> list[tuple[str, float, tuple[str, ...]]]:
        found = self.matched_terms(text)
        out = []
        for profile in self.indicators.get(direction, []):
            hits = sorted((t for t in found if t in profile.weights), key=lambda t: (-profile.weights[t], t))
            if hits:
                out.append((profile.code, round(sum(profile.weights[t] for t in hits), 3), tuple(hits)))
        out.sort(key=lambda x: (-x[1], x[0]))
        if not out:
            # no indicator's own words: a measure is what the direction's indicator of measures asks
            # for (提出…具体举措/可行举措/方式和举措), so it goes there, with score 0 and no terms
            fallback = self.measure_indicator.get(direction)
            return [(fallback, 0.0, ())] if fallback else []
        best = out[0][1]
        return [o for o in out if o[1] >= 0.6 * best]
