"""The one settings object: the environment and an optional `.env` file (never the repo).

It sits in the bottom layer so that every layer (extractors, kg, dashboards, benchmarks) reads the
same object; nothing else reads `os.environ` for a setting. Each field is the upper-cased variable
of the same name, documented in the README's table.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # the store
    kg_store: Literal["embedded", "neo4j"] = "embedded"
    kg_data_dir: Path = Field(default=Path(".kg"))
    kg_durability: Literal["full", "normal", "off"] = "normal"
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"
    # bounds for reads a user types (kg cypher, the dashboard's console) and pages run
    kg_query_timeout_s: float = Field(default=30.0, gt=0)
    kg_query_max_rows: int = Field(default=10_000, gt=0)
    kg_query_max_work: int = Field(default=50_000_000, gt=0)
    kg_query_max_memory_mb: int = Field(default=2048, ge=256)
    # reading and extracting
    kg_max_docx_xml_mb: int = Field(default=16, gt=0)  # a .docx inflating to more XML is refused
    kg_max_pdf_pages: int = Field(default=2000, gt=0)
    kg_max_file_mb: int = Field(default=200, gt=0)  # a larger file is refused before it is read
    # a longer text is refused before extraction: `kg bench` holds that a 50 MB text file (~18 M characters) is accepted
    kg_max_document_chars: int = Field(default=30_000_000, gt=0)
    kg_gazetteer_dir: Path | None = None  # None: the bundled seed_data/gazetteers
    kg_rules_dir: Path | None = None  # None: the bundled seed_data/rules
    kg_ingest_batch: int = Field(default=20, gt=0)  # documents per write transaction
    kg_extract_workers: int | None = Field(default=None, gt=0)  # None: one per core (kg bench)
    kg_bench_allow_wipe: bool = False  # kg bench may wipe a non-local or non-empty Neo4j
    # the system's own (read for `kg neo4j`)
    java_home: Path | None = None
    xdg_cache_home: Path | None = None

    @property
    def graph_path(self) -> Path:
        """The embedded store's graph file."""
        return self.kg_data_dir / "graph.kgl"


def load_settings(**overrides: object) -> Settings:
    """The settings as the environment and `.env` give them now (with `overrides` on top). Reading them costs
    ~0.8 ms (pydantic-settings parses every source; 0.04 ms kept), and the loader stamps every document with the
    extraction's fingerprint, which asks for the rules' and gazetteers' folders (an ingest of the seed: 611 reads,
    ~6 % of its time): the last answer is kept while the variables it reads, the working folder and the
    `.env` file there are the same (a variable set or a file edited afterwards is seen at the next call)."""
    if overrides:
        return Settings(**overrides)  # type: ignore[arg-type]
    global _last
    key = _environment_key()
    if _last is None or _last[0] != key:
        _last = (key, Settings())
    return _last[1].model_copy(deep=True)  # a caller's change stays its own


_FIELDS = frozenset(Settings.model_fields)
_ENV_FILE_BYTES = 1 << 20  # a longer .env is read again at every call (never kept)
_last: tuple[tuple, Settings] | None = None


def _environment_key() -> tuple:
    """What `Settings()` reads: the variables named like its fields (in any case), and the `.env` file of the
    working folder (its bytes: a file edited within the file system's clock tick keeps its size and time)."""
    cwd = os.getcwd()
    try:
        with open(os.path.join(cwd, ".env"), "rb") as handle:
            env_file = handle.read(_ENV_FILE_BYTES + 1)
    except OSError:
        env_file = None
    if env_file is not None and len(env_file) > _ENV_FILE_BYTES:
        return (object(),)  # equal to no key: never kept
    return cwd, env_file, tuple(sorted((k, v) for k, v in os.environ.items() if k.lower() in _FIELDS))
