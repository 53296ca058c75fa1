"""Settings shared by every process that reads the catalogue (web app, actions, CLI)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class CatalogueSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WEGWEISER_", extra="ignore")

    db_path: Path = ROOT / "var" / "catalogue.db"
    # Default embedding model: see docs/search.md for the choice and how to switch.
    embedding_model: str = "e5-onnx"
    torch_threads: int = 2
    # Derived artefacts shared across clones (the ONNX export of the embedding model).
    cache_dir: Path = Path.home() / ".cache" / "wegweiser"


@lru_cache
def get_catalogue_settings() -> CatalogueSettings:
    return CatalogueSettings()
