"""The layers compose one way: schema/ → extractors/ → kg/ → dashboards/ → benchmarks/ (seed_data/,
the data, at the bottom). Nothing in the core imports the views or the benchmarks; the command line
reaches them through entry points (kg.plugins), and those declared in pyproject.toml are the ones
installed. Settings are read in one place (schema/settings.py)."""
from __future__ import annotations

import ast
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

from kg.plugins import GROUP

ROOT = Path(__file__).resolve().parent.parent
CORE = ("schema", "extractors", "kg")
ABOVE = ("dashboards", "benchmarks")
# what each layer may import of the project's packages
MAY_IMPORT = {"seed_data": set(), "schema": {"seed_data"}, "extractors": {"schema", "seed_data"},
              "kg": {"schema", "extractors", "seed_data"},
              "dashboards": {"schema", "extractors", "kg", "seed_data"},
              "benchmarks": {"schema", "extractors", "kg", "seed_data", "dashboards"}}  # it times the pages too


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every import statement, and of importlib.import_module / __import__ called
    with a literal name."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("import_module", "__import__"):
                found.append((node.lineno, node.args[0].value))
    return found


def test_the_core_imports_neither_the_views_nor_the_benchmarks():
    reaching_up = []
    for package in CORE:
        for path in sorted((ROOT / package).rglob("*.py")):
            for line, module in imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
                if module.split(".")[0] in ABOVE:
                    reaching_up.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert reaching_up == []


def test_the_check_sees_every_kind_of_import():
    source = ("import dashboards.serve\nfrom benchmarks.run import run_bench\nimport importlib\n"
              "importlib.import_module('dashboards.app')\n__import__('benchmarks')\nfrom . import x\n")
    assert [m for _, m in imported_modules(ast.parse(source))] == [
        "dashboards.serve", "benchmarks.run", "importlib", "dashboards.app", "benchmarks"]


def test_the_installed_plugins_are_the_declared_ones():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["entry-points"][GROUP]
    installed = {ep.name: ep.value for ep in entry_points(group=GROUP)}
    assert installed == declared, ("the installed package's entry points differ from pyproject.toml: "
                                   "reinstall it (scripts/setup.sh, or pip install -e .)")


def test_each_layer_imports_only_the_layers_below_it():
    wrong = []
    for package, allowed in MAY_IMPORT.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            for line, module in imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
                top = module.split(".")[0]
                if top in MAY_IMPORT and top != package and top not in allowed:
                    wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert wrong == []


def environment_reads(tree: ast.AST) -> list[int]:
    """Lines that read one variable: os.environ.get(…), os.environ[…], os.getenv(…)."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func
            if target.attr == "getenv" and getattr(target.value, "id", "") == "os":
                lines.append(node.lineno)
            elif target.attr == "get" and isinstance(target.value, ast.Attribute) and target.value.attr == "environ":
                lines.append(node.lineno)
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) \
                and node.value.attr == "environ" and isinstance(node.ctx, ast.Load):
            lines.append(node.lineno)
    return lines


def test_settings_are_read_in_one_place():
    source = "import os\na = os.environ.get('X')\nb = os.environ['Y']\nc = os.getenv('Z')\nd = {**os.environ}\n"
    assert environment_reads(ast.parse(source)) == [2, 3, 4]
    reads = [f"{path.relative_to(ROOT)}:{line}"
             for package in MAY_IMPORT for path in sorted((ROOT / package).rglob("*.py"))
             for line in environment_reads(ast.parse(path.read_text(encoding="utf-8")))]
    assert reads == [], "read settings through schema.settings.load_settings()"


def test_every_setting_is_in_the_readme_table():
    from schema.settings import Settings

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name.upper() for name in Settings.model_fields if f"| `{name.upper()}` |" not in readme]
    assert missing == []


def test_settings_follow_the_environment_and_the_env_file_of_the_working_folder(tmp_path, monkeypatch):
    """load_settings keeps its last answer only while what it reads is the same: a variable set, changed or
    removed, another working folder, or its `.env` edited, is seen at the next call; a caller's copy is its own."""
    from schema.settings import load_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_INGEST_BATCH", raising=False)
    assert load_settings().kg_ingest_batch == 20
    monkeypatch.setenv("KG_INGEST_BATCH", "7")
    assert load_settings().kg_ingest_batch == 7
    monkeypatch.delenv("KG_INGEST_BATCH")
    (tmp_path / ".env").write_text("KG_INGEST_BATCH=9\n", encoding="utf-8")
    assert load_settings().kg_ingest_batch == 9
    (tmp_path / ".env").write_text("KG_INGEST_BATCH=8\n", encoding="utf-8")  # same size, at once
    assert load_settings().kg_ingest_batch == 8
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert load_settings().kg_ingest_batch == 20
    mine = load_settings()
    mine.kg_ingest_batch = 99
    assert load_settings().kg_ingest_batch == 20
    assert load_settings(kg_ingest_batch=5).kg_ingest_batch == 5 and load_settings().kg_ingest_batch == 20
