"""YAML front matter of a Markdown file: split it from the body, safely.

A malformed front matter never loses the body (it is ignored with a warning); one that is too
large or uses YAML aliases (the shape of a memory bomb) is refused, and the file with it.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*\n")
_CLOSING_LINE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


MAX_FRONT_MATTER_CHARS = 64 * 1024  # a real front matter is a dozen short lines


class FrontMatterRefused(ValueError):
    """A front matter that is refused outright (not merely malformed): the file is rejected."""


class _NoAliasLoader(yaml.SafeLoader):
    """yaml.SafeLoader without anchors and aliases: `*alias` can make a 2 KB front matter expand
    to gigabytes ("billion laughs"), and no document's metadata needs them."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise FrontMatterRefused(f"YAML alias *{event.anchor} (line {event.start_mark.line + 2}): "
                                     "anchors and aliases are not allowed in front matter")
        return super().compose_node(parent, index)


def split_front_matter(text: str) -> tuple[dict, str, list[str]]:
    """(front matter fields, body, warnings). A malformed front matter never loses the body.

    Raises FrontMatterRefused for a front matter larger than MAX_FRONT_MATTER_CHARS or one that
    uses YAML aliases (the shape of a memory bomb); the caller rejects the file with that reason."""
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return {}, text, []
    closing = _CLOSING_LINE.search(text, opening.end(), opening.end() + MAX_FRONT_MATTER_CHARS)
    if closing is None:
        if _CLOSING_LINE.search(text, opening.end()):
            raise FrontMatterRefused(f"front matter longer than {MAX_FRONT_MATTER_CHARS // 1024} KiB")
        return {}, text, ["front matter has no closing '---' line: kept the whole text as body"]
    body = text[closing.end():].removeprefix("\n")
    try:
        fields = yaml.load(text[opening.end():closing.start()], Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader
    except FrontMatterRefused:
        raise
    except Exception as exc:  # YAMLError, ValueError (2015-02-30), RecursionError: all "malformed"
        return {}, body, [f"malformed front matter ignored, body kept: {_yaml_problem(exc)}"]
    if fields is None:
        return {}, body, []
    if not isinstance(fields, dict):
        return {}, body, ["malformed front matter ignored, body kept: not a key: value mapping"]
    return fields, body, []


def _yaml_problem(exc: Exception) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    return f"{problem} (line {mark.line + 2})" if mark is not None else problem
