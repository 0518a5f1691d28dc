"""Small helpers the pages share: the research directions and their indicators, short labels."""
from __future__ import annotations

from dataclasses import dataclass

from dashboards import data
from dashboards.i18n import colon, t


@dataclass(frozen=True)
class Direction:
    code: str
    name: str
    indicators: tuple[tuple[str, str], ...]  # (code, name)

    def label(self) -> str:
        return f"{t('direction', code=self.code)}{colon()}{self.name}"


def directions() -> list[Direction]:
    return [Direction(code=str(r["code"]), name=r["name"] or "",
                      indicators=tuple((str(i["code"]), i["name"] or "") for i in r["indicators"] or [] if i.get("code")))
            for r in data.query("directions")]


def short(text: str | None, width: int = 40) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def join(values: list | tuple | None, sep: str = "、") -> str:
    return sep.join(str(v) for v in values or [] if v) or t("none")
