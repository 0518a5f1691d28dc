"""What every `kg` command prints through, core or plugin: the two consoles, one-line failures
(`fail`, `friendly`) and JSON lines."""
from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from kg.stores import StoreError

out = Console()
err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])


# C0 and C1 controls (NEL, 8-bit CSI), line and paragraph separators, and the bidirectional and other format
# characters (U+202E turns the rest of a line around): each written as its escape
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def controls_escaped(text: object) -> str:
    """`text` with its control, separator and bidirectional characters written as escapes (`\\n`, `\\u202e`)."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def shown(text: object) -> str:
    """Text from outside (a file's name, a reason naming it) as one line of the console: a control character written
    as its escape (a name holding a line break printed lines of its own: "…⏎拒绝 / rejected: important.md: virus
    found"), rich's markup escaped (a name like [bold]x.md is shown as it is)."""
    return escape(controls_escaped(text))


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print `message` as one error line on stderr; raise the returned Exit to end with `code`."""
    err.print(f"[bold red]错误 / error:[/] {shown(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def friendly(fn: F) -> F:
    """Turn the errors a user can cause into one line and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            raise fail(str(exc)) from None
        except (KeyError, ValueError) as exc:
            raise fail(str(exc.args[0]) if exc.args else str(exc)) from None

    return wrapper  # type: ignore[return-value]


def print_json(value: Any) -> None:
    """`value` as one line of JSON on stdout (keys sorted, non-ASCII kept)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str) + "\n")
