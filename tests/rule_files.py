"""A loader of a rules file, run against a copy of the rules with one row appended (for the tests that a bad
row fails loudly with its file, line and reason)."""
from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from extractors.rules import rules_dir


def load_with_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: ModuleType, loader: str,
                  file_name: str, row: str) -> Any:
    """`module.<loader>()` (a cached function) with `rules_dir` pointing at a copy whose `file_name` has `row`
    appended; the cache is cleared before and after, so no other test sees the bad copy."""
    shutil.copytree(rules_dir(), tmp_path / "rules")
    with (tmp_path / "rules" / file_name).open("a", encoding="utf-8") as f:
        f.write(row + "\n")
    load = getattr(module, loader)
    with monkeypatch.context() as patch:  # only this patch is undone after: the caller's own stay
        patch.setattr(module, "rules_dir", lambda: tmp_path / "rules")
        load.cache_clear()
        try:
            return load()
        finally:
            load.cache_clear()
