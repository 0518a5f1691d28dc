"""The standing of a document: the level of government it speaks for and its place.

Two places' schemes for one measure are peers, neither the basis of the other (docs/EVIDENCE.md, "v0.8"): a policy
of one province (city, county) backs no recommendation of another at the same level; every judge of the hand-judged
links rejected such pairs. A national or parent text may back a local point, and a local implementation of a measure
was accepted as backing the parent's point by the earlier judges, so level and date rule nothing else out. The
levels are data (`seed_data/rules/issuer_levels.tsv`, regular expressions tried in order on the first issuer, or on
the title when a document names none); what no row matches has no known level and is never ruled out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractors.rules import RulesError, rules_dir, tsv_rows
from extractors.shadow import to_simplified

LEVELS = {"local": 1, "provincial": 2, "national": 3}
# a region's people and autonomy are not part of its place name (广西壮族自治区 and 广西, 大理白族自治州 and 大理) …
_AUTONOMY = re.compile("(?<=[\u4e00-\u9fff]{2})(?:[\u4e00-\u9fff]{1,3}族|维吾尔)?自治(?:区|州|县|旗)$")
# … nor its level word, when a name of two or more characters is left (湖北省, 大理州; 泰州 stays 泰州)
_LEVEL_WORD = re.compile("(?<=[\u4e00-\u9fff]{2})[省市州县区盟旗]$")
# words that open a phrase, not a place (全省, 我市, 本县, 该区, 在广东, 加强县级…, 省委省政府)
_NOT_PLACE = re.compile("[全我本各该在对为从由于和与及关加推深开建省]")


@dataclass(frozen=True, slots=True)
class Standing:
    level: int | None  # 3 national, 2 provincial, 1 local; None when unknown
    place: str  # the place of a provincial or local body ("" when unnamed or national)


@cache
def level_rules() -> tuple[tuple[int, re.Pattern[str]], ...]:
    path = rules_dir() / "issuer_levels.tsv"
    rows = []
    for where, row in tsv_rows(path, ["level", "pattern"], "policy support"):
        level, pattern = (row + [""])[0].strip(), (row + ["", ""])[1].strip()
        if level not in LEVELS:
            raise RulesError(f"{where}: level {level!r} must be one of {', '.join(LEVELS)}")
        if not pattern:
            raise RulesError(f"{where}: the pattern is empty (it would decide every name)")
        try:
            rows.append((LEVELS[level], re.compile(pattern)))
        except re.error as e:
            raise RulesError(f"{where}: not a regular expression ({e}): {pattern}") from e
    return tuple(rows)


def level_of(name: str) -> tuple[int | None, str]:
    """(level, place) of the body or title `name`; (None, "") when no row matches its start."""
    name = to_simplified(name.strip())
    for level, pattern in level_rules():
        m = pattern.match(name)
        if m is None:
            continue
        place = m.groupdict().get("place") or ""
        if place and _NOT_PLACE.match(place):
            continue  # 全省…, 我市…: the row's place is a phrase's first word; a later row may still fit
        return level, _LEVEL_WORD.sub("", _AUTONOMY.sub("", place))
    return None, ""


def standing(issuers: list[str] | tuple[str, ...], title: str) -> Standing:
    """The standing of a document: from its first issuer, or from its title when it names none."""
    return Standing(*level_of(issuers[0] if issuers else title or ""))


def backs(basis: Standing, point: Standing) -> bool:
    """Whether a policy of standing `basis` can be the basis of a recommendation of standing `point`: not when
    both speak for different places at one level below national (peers). Unknown facts rule nothing out."""
    return not (basis.level is not None and basis.level == point.level and basis.level < LEVELS["national"]
                and basis.place and point.place and basis.place != point.place)
