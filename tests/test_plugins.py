"""Plugin commands (kg.plugins): found through entry points, added to the app; one that fails to
load leaves `kg` working and says which plugin it is."""
from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from kg.plugins import GROUP, add_plugins

ROOT = Path(__file__).resolve().parent.parent
RUNNER = CliRunner()


def hello(name: str = typer.Option("world", help="who")) -> None:
    """Say hello."""
    print(f"hello {name}")


group = typer.Typer(help="A group of commands.")


@group.command("ping")
def ping() -> None:
    print("pong")


def _app() -> typer.Typer:
    app = typer.Typer(no_args_is_help=True, add_completion=False)

    @app.command()
    def stats() -> None:
        """A core command."""
        print("core works")

    @app.command()
    def init() -> None:
        """Another."""

    return app


def _ep(name: str, value: str) -> EntryPoint:
    return EntryPoint(name=name, value=value, group=GROUP)


def test_a_function_becomes_a_command_and_a_typer_a_group():
    app = _app()
    failed = add_plugins(app, [_ep("hello", f"{__name__}:hello"), _ep("tools", f"{__name__}:group")])
    assert failed == []
    assert RUNNER.invoke(app, ["hello", "--name", "kg"]).stdout == "hello kg\n"
    assert RUNNER.invoke(app, ["tools", "ping"]).stdout == "pong\n"
    assert "Say hello." in RUNNER.invoke(app, ["--help"]).stdout


def test_a_plugin_that_fails_to_load_is_named_and_the_rest_works(capsys: pytest.CaptureFixture[str]):
    app = _app()
    failed = add_plugins(app, [_ep("broken", "no_such_module_for_kg:command"), _ep("hello", f"{__name__}:hello")])
    assert failed == ["broken"]
    warning = capsys.readouterr().err
    assert "'broken'" in warning and "no_such_module_for_kg" in warning and "unavailable" in warning
    assert RUNNER.invoke(app, ["stats"]).stdout == "core works\n"
    assert RUNNER.invoke(app, ["hello"]).stdout == "hello world\n"
    result = RUNNER.invoke(app, ["broken", "--any", "option"])
    assert result.exit_code == 1
    assert "'broken'" in result.stderr and "No module named 'no_such_module_for_kg'" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_plugin_does_not_replace_a_core_command(capsys: pytest.CaptureFixture[str]):
    app = _app()
    add_plugins(app, [_ep("stats", f"{__name__}:hello")])
    assert "'stats'" in capsys.readouterr().err
    assert RUNNER.invoke(app, ["stats"]).stdout == "core works\n"


def test_kg_runs_with_a_broken_plugin_installed(tmp_path: Path):
    """Through the real discovery: an installed distribution declaring a plugin that cannot load."""
    dist = tmp_path / "kg_broken_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: kg-broken-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(f"[{GROUP}]\nbroken = no_such_module_for_kg:command\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    help_ = subprocess.run([sys.executable, "-m", "kg.cli", "--help"], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=120)
    assert help_.returncode == 0 and "stats" in help_.stdout
    assert "plugin 'broken'" in help_.stderr and "no_such_module_for_kg" in help_.stderr
    run = subprocess.run([sys.executable, "-m", "kg.cli", "broken"], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1 and "plugin 'broken'" in run.stderr and "Traceback" not in run.stderr
