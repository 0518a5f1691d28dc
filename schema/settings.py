"""The one settings object: the environment and an optional `.env` file (never the repo).

It sits in the bottom layer so that every layer (extractors, kg, dashboards, benchmarks) reads the
same object; nothing else reads `os.environ` for a setting. Each field is the upper-cased variable
of the same name, documented in the README's table.
"""
from __future__ import annotations

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
    return Settings(**overrides)  # type: ignore[arg-type]
