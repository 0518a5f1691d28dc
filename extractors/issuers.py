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
# a place's own level word (and a region's people) is not part of its name: 湖北省 and 湖北, 广西壮族自治区 and 广西
_PLACE_LEVEL = re.compile("(?:壮族|回族|维吾尔)?(?:省|市|自治区|自治州|县|区|盟|旗)$")


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
        if m:
            place = m.groupdict().get("place") or ""
            return level, _PLACE_LEVEL.sub("", place)
    return None, ""


def standing(issuers: list[str] | tuple[str, ...], title: str) -> Standing:
    level, place = level_of(issuers[0]) if issuers else (None, "")
    if level is None:
        level, place = level_of(title or "")
    return Standing(level, place)


def backs(basis: Standing, point: Standing) -> bool:
    """Whether a policy of standing `basis` can be the basis of a recommendation of standing `point`: not when
    both speak for different places at one level below national (peers). Unknown facts rule nothing out."""
    return not (basis.level is not None and basis.level == point.level and basis.level < LEVELS["national"]
                and basis.place and point.place and basis.place != point.place)
