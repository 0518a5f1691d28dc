"""Commands that other packages add to `kg`, found through package entry points, so the core
never imports the layers above it (the dashboard, the benchmarks).

A package declares a command in its pyproject.toml:

    [project.entry-points."kg.commands"]
    serve = "dashboards.serve:command"

and `add_plugins(app)` adds it as `kg serve`: a function becomes a command (its docstring the
help, its typer annotations the options), a `typer.Typer` a command group. A plugin that fails to
load does not stop `kg`: a warning naming it goes to stderr, and `kg <name>` says why it is missing
and exits 1. The entry points are read from the installed package's metadata: after a change to
the table, reinstall (`scripts/setup.sh` does when pyproject.toml is newer than the install).
"""
from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points
from typing import Any

import typer
from typer.main import get_command_name

from kg.terminal import err, fail

GROUP = "kg.commands"


def add_plugins(app: typer.Typer, found: Iterable[EntryPoint] | None = None) -> list[str]:
    """Add every plugin command of the `kg.commands` group (or of `found`) to `app`; the names of
    those that failed to load."""
    taken = {c.name or get_command_name(c.callback.__name__) for c in app.registered_commands if c.name or c.callback}
    taken |= {g.name for g in app.registered_groups if g.name}
    failed = []
    for ep in sorted(entry_points(group=GROUP) if found is None else found, key=lambda e: e.name):
        if ep.name in taken:
            _warn(f"plugin {ep.name!r} ({ep.value}) is not added: `kg {ep.name}` is already a command")
            continue
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken plugin must not break kg
            failed.append(ep.name)
            reason = f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}"
            _warn(f"{reason}; `kg {ep.name}` is unavailable")
            app.command(ep.name, help=f"unavailable: {reason}", context_settings=_ANY_ARGS)(_unavailable(reason))
            continue
        if isinstance(plugin, typer.Typer):
            app.add_typer(plugin, name=ep.name)
        else:
            app.command(ep.name)(plugin)
        taken.add(ep.name)
    return failed


_ANY_ARGS = {"allow_extra_args": True, "ignore_unknown_options": True}


def _unavailable(reason: str) -> Any:
    def command(ctx: typer.Context) -> None:
        raise fail(reason)

    return command


def _warn(message: str) -> None:
    err.print(f"[yellow]警告 / warning:[/] {message}", highlight=False, soft_wrap=True)
