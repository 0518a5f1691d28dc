"""A non-editable install works (issue 14): the wheel carries every data file the code reads, and
`kg extract`, run from a fresh virtualenv outside the checkout, finds a name only the gazetteer knows.

Offline: the wheel is built without build isolation by the test interpreter's own setuptools (the
`test` extra pins setuptools>=77, which the project's metadata needs); the fresh venv gets the
dependencies by a .pth line naming the test interpreter's site-packages. A .pth line only adds a
folder to sys.path, it does not run the .pth files inside it, so a checkout's editable install
(an `__editable__…` finder started from its own .pth) stays invisible there: asserted below.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from tests.conftest import ROOT

# 青托工程 is an alias in seed_data/gazetteers/talent_programs.tsv; no shape rule or pattern finds it
# (asserted below with an empty gazetteer), so finding it proves the installed gazetteer was read.
NAME, LABEL = "青托工程", "TalentProgram"
DOCUMENT = f"---\ntitle: 安装测试\n---\n\n中国科协在北京召开座谈会，{NAME}入选者代表发言。\n"


def _check_prerequisites() -> None:
    try:
        setuptools_version = version("setuptools")
    except PackageNotFoundError:
        setuptools_version = "0"
    if int(setuptools_version.split(".")[0]) < 77:
        pytest.fail(f"building the wheel offline needs setuptools>=77 in the test environment, found "
                    f"{setuptools_version}: install the test extra (scripts/setup.sh, pip install -e '.[test]')")
    if int(version("pip").split(".")[0]) < 23:
        pytest.fail("pip>=23 (for `pip --python`) is needed in the test environment: scripts/setup.sh upgrades it")


def _source_copy(dest: Path) -> Path:
    """What the build reads (top-level files and the packages' folders), without caches, so that
    building leaves nothing (build/, *.egg-info) in the checkout."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    tops = {pattern.rstrip("*").split(".")[0] for pattern in config["tool"]["setuptools"]["packages"]["find"]["include"]}
    dest.mkdir()
    for path in ROOT.iterdir():
        if path.is_file():
            shutil.copy2(path, dest / path.name)
    for top in sorted(tops):
        shutil.copytree(ROOT / top, dest / top, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dest


def _expected_data() -> set[str]:
    """Every data file the code reads, as wheel paths: all of seed_data/ (but the gazetteers'
    validate.py, a checkout tool), the classifier's files, the named queries."""
    found = {p for p in (ROOT / "seed_data").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    found.discard(ROOT / "seed_data" / "gazetteers" / "validate.py")
    found |= {p for p in (ROOT / "extractors" / "models").rglob("*") if p.is_file()}
    found |= set((ROOT / "kg" / "queries").glob("*.cypher"))
    return {p.relative_to(ROOT).as_posix() for p in found}


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_the_installed_wheel_extracts_with_its_own_data(tmp_path: Path):
    _check_prerequisites()
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]

    # build: from a copy, offline
    source = _source_copy(tmp_path / "src")
    dist = tmp_path / "dist"
    _run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--no-cache-dir", "-w", str(dist),
          str(source)], cwd=tmp_path)
    (wheel,) = dist.glob("kejishetuan_kg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = set(archive.namelist())
    missing = sorted(_expected_data() - shipped)
    assert not missing, f"left out of the wheel (pyproject.toml's package-data): {missing}"

    # a fresh venv outside the checkout: the wheel first, then the dependencies by a .pth line (so
    # that pip, installing, sees nothing but the new venv)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    _run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", "--no-cache-dir", str(wheel)],
         cwd=tmp_path)
    site_packages = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              cwd=tmp_path).strip())
    ours = sysconfig.get_paths()
    deps = dict.fromkeys([ours["purelib"], ours["platlib"],
                          *(p for p in sys.path if Path(p).name in ("site-packages", "dist-packages"))])
    (site_packages / "zz_test_dependencies.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")

    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "KG_GAZETTEER_DIR", "KG_RULES_DIR")}
    work = tmp_path / "work"
    work.mkdir()
    (work / "doc.md").write_text(DOCUMENT, encoding="utf-8")

    # the installed code and data are the ones in use, and the name is the gazetteer's alone
    probe = ("import json, extractors, kg, seed_data\n"
             "from extractors.documents import read_document\n"
             "from extractors.gazetteer import Gazetteer\n"
             "from extractors.pipeline import extract, extract_path\n"
             "facts = extract_path('doc.md')\n"
             "blind = extract(read_document('doc.md'), gazetteer=Gazetteer([]))\n"
             "print(json.dumps({'files': [m.__file__ for m in (kg, extractors, seed_data)],\n"
             "                  'data': str(seed_data.resource()),\n"
             "                  'found': [[m.text, m.source] for m in facts.mentions],\n"
             "                  'blind': [m.text for m in blind.mentions]}))\n")
    seen = json.loads(_run([str(python), "-c", probe], cwd=work, env=env))
    for file in (*seen["files"], seen["data"]):
        assert Path(file).is_relative_to(site_packages), f"{file} is not the installed copy in {site_packages}"
    assert [NAME, "gazetteer"] in seen["found"], seen["found"]
    assert NAME not in seen["blind"], "the test name is found without the gazetteer: pick another"

    # the command line, as a user runs it
    out = _run([str(venv / "bin" / "kg"), "extract", "doc.md", "--json"], cwd=work, env=env)
    (doc,) = [json.loads(line) for line in out.splitlines()]
    assert {"type": LABEL, "text": NAME} in [{"type": m["type"], "text": m["text"]} for m in doc["mentions"]]
    assert doc["doc"]["title"] == "安装测试"
