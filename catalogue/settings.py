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
    # An entry whose last_reviewed is older than this counts as stale in stats/validate.
    review_max_age_days: int = 365
    # Written by `catalogue check-links`, read by `catalogue validate`.
    link_report: Path = ROOT / "var" / "link-report.json"
    # PVOG import (`catalogue pvog-import`): Suchdienst base URL, and for services that
    # need it an OAuth2 client-credentials token endpoint with client id and secret.
    pvog_base_url: str = "https://pvog.fitko.net/suchdienst/api"
    pvog_token_url: str = ""
    pvog_client_id: str = ""
    pvog_client_secret: str = ""
    pvog_timeout_seconds: float = 30.0
    # The Bereitstelldienst (XZuFi pages, OAuth2 required); first page of `--service
    # bereitstelldienst`, the region key is added as `ars`.
    pvog_bereitstell_url: str = "https://pvog.fitko.net/bereitstelldienst/api/v2/verwaltungsobjekte"


@lru_cache
def get_catalogue_settings() -> CatalogueSettings:
    return CatalogueSettings()
