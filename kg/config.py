"""Configuration from the environment and an optional `.env` file (never from the repo)."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """`KG_STORE=embedded|neo4j`, `KG_DATA_DIR`, `NEO4J_URI`, `NEO4J_USER`, `NEO4J_PASSWORD`,
    `NEO4J_DATABASE`; environment variables win over `.env`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    kg_store: Literal["embedded", "neo4j"] = "embedded"
    kg_data_dir: Path = Field(default=Path(".kg"))
    kg_durability: Literal["full", "normal", "off"] = "normal"
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"

    @property
    def graph_path(self) -> Path:
        """The embedded store's graph file."""
        return self.kg_data_dir / "graph.kgl"


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
