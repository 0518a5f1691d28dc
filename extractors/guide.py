"""The guide (`guide-2020.txt`) -> 4 ResearchDirections, their ResearchContent items and their
6 Indicators each, parsed from the text (conversion noise such as `[bookmark: …]` tolerated).

    课题1：<direction name>
    研究内容：<item>；<item>；…。
    考核指标：
    1.<indicator>；
    …
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.passages import passage_at
from schema.ids import make_id
from schema.model import Evidence, GuideItem, Passage, Relation

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_DIRECTION = re.compile(r"课题\s*([1-4一二三四])\s*[：:]\s*(\S.*?)\s*$")
_CONTENT = re.compile(r"研究内容\s*[：:]\s*")
_INDICATORS = re.compile(r"考核指标\s*[：:]?\s*$")
_INDICATOR = re.compile(r"(?:\[bookmark:[^\]]*\])?\s*([1-9])\s*[.．、]\s*(\S.*?)\s*$")


class GuideError(ValueError):
    pass


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace and trailing ；。 marks."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "；;。"):
        end -= 1
    return start, end


def is_guide(text: str) -> bool:
    """A guide names at least two 课题 and their 考核指标."""
    return len(re.findall(r"课题\s*[1-4一二三四]\s*[：:]", text)) >= 2 and "考核指标" in text


# Indicators the research itself delivers, recognised by the guide's own wording (not by their
# number): the report (形成并提交研究报告…), the review of policy documents (系统梳理…政策文件,
# answered by the corpus's documents) and the support for drafting (支撑…研究起草过程). No
# recommendation can fill them, so coverage shows them as deliverables, never as gaps.
DELIVERABLE_WORDING: dict[str, re.Pattern[str]] = {
    "report": re.compile(r"(形成|提交|撰写).{0,6}报告"),
    "review": re.compile(r"梳理.*(政策|文件)"),
    "drafting": re.compile(r"支撑.*起草"),
}


def deliverable(indicator_text: str) -> str | None:
    return next((kind for kind, wording in DELIVERABLE_WORDING.items() if wording.search(indicator_text)), None)


def parse_guide(doc_id: str, text: str, passages: list[Passage]) -> tuple[list[GuideItem], list[Relation]]:
    def holding(offset: int) -> Passage:
        if (p := passage_at(passages, offset)) is None:
            raise GuideError(f"no passage holds offset {offset}")
        return p

    items: list[GuideItem] = []
    relations: list[Relation] = []
    direction: GuideItem | None = None
    in_indicators = False

    def add(label: str, code: str, start: int, end: int, number: int, name_start: int | None = None) -> GuideItem:
        start, end = _trim(text, start, end)
        name_start = start if name_start is None else name_start
        item = GuideItem(id=make_id(label, code), label=label, code=code, name=text[name_start:end],
                         text=text[start:end], direction=number, passage_id=holding(start).id,
                         start=start, end=end,
                         deliverable=deliverable(text[start:end]) if label == "Indicator" else None)
        items.append(item)
        return item

    def link(rtype: str, tail: GuideItem) -> None:
        assert direction is not None
        p = holding(tail.start)
        relations.append(Relation(type=rtype, head_id=direction.id, tail_id=tail.id,
                                  head_label="ResearchDirection", tail_label=tail.label, head=direction.name,
                                  tail=tail.name, evidence=Evidence(passage_id=p.id, start=p.start, end=p.end,
                                                                    extractor="guide-parser", confidence=1.0)))

    for line in _lines(text):
        if (m := _DIRECTION.search(line.text)):
            number = _NUMERALS[m.group(1)]
            direction = add("ResearchDirection", str(number), line.start + m.start(), line.start + m.end(2),
                            number, name_start=line.start + m.start(2))
            in_indicators = False
            continue
        if direction is None:
            continue
        if (m := _CONTENT.match(line.text)):
            pos = line.start + m.end()
            for k, part in enumerate(re.split(r"[；;]", text[pos:line.end]), start=1):
                if part.strip("。 "):
                    link("HAS_CONTENT", add("ResearchContent", f"{direction.code}.c{k}", pos, pos + len(part),
                                            direction.direction))
                pos += len(part) + 1
            continue
        if _INDICATORS.search(line.text):
            in_indicators = True
            continue
        if in_indicators and (m := _INDICATOR.match(line.text)):
            code = f"{direction.code}.{m.group(1)}"
            link("HAS_INDICATOR", add("Indicator", code, line.start + m.start(2), line.end, direction.direction))
    directions = [i for i in items if i.label == "ResearchDirection"]
    indicators = [i for i in items if i.label == "Indicator"]
    if len(directions) != 4 or len(indicators) != 24:
        raise GuideError(f"expected 4 directions and 24 indicators, parsed {len(directions)} and {len(indicators)}")
    return items, relations
