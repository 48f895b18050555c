"""Settings for the help-centre assistant, read once from the environment.

Secrets are injected by the deployment and never committed.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field


def _env(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise RuntimeError(f"missing required environment variable {name}")
    return value


@dataclass(frozen=True)
class Settings:
    env: str = field(default_factory=lambda: _env("ASSISTANT_ENV", "dev"))

    # Vector search over help-centre articles (jobs/index_articles.py embeds new and edited
    # articles every night)
    vector_db_url: str = field(default_factory=lambda: _env("ASSISTANT_VECTOR_DB_URL", "http://qdrant.internal:6333"))
    embedding_api_url: str = field(
        default_factory=lambda: _env("ASSISTANT_EMBEDDING_API_URL", "https://embeddings.internal/v1")
    )
    embedding_model: str = "embed-v2"
    articles_collection: str = "help_articles"


def get_settings() -> Settings:
    return Settings()
