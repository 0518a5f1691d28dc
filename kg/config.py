"""Configuration from the environment and an optional `.env` file (never from the repo)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from kg.stores.base import QueryLimits


class Settings(BaseSettings):
    """`KG_STORE=embedded|neo4j`, `KG_DATA_DIR`, `NEO4J_URI`, `NEO4J_USER`, `NEO4J_PASSWORD`,
    `NEO4J_DATABASE`, `KG_QUERY_TIMEOUT_S`, `KG_QUERY_MAX_ROWS`, `KG_QUERY_MAX_WORK`,
    `KG_QUERY_MAX_MEMORY_MB`; environment variables win over `.env`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

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

    def query_limits(self, **overrides: object) -> "QueryLimits":
        from kg.stores.base import QueryLimits

        values = {"timeout_s": self.kg_query_timeout_s, "max_rows": self.kg_query_max_rows,
                  "max_work": self.kg_query_max_work, "max_memory_mb": self.kg_query_max_memory_mb}
        return QueryLimits(**(values | overrides))  # type: ignore[arg-type]

    @property
    def graph_path(self) -> Path:
        """The embedded store's graph file."""
        return self.kg_data_dir / "graph.kgl"


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
