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
    # embed-v3 handles German and French queries much better (see PR description).
    embedding_model: str = "embed-v3"
    articles_collection: str = "help_articles"
    tickets_collection: str = "resolved_tickets"
    top_k: int = 6
    # Chosen on 300 labelled question/article pairs: below 0.75 fewer than 60% of hits were
    # relevant, and an irrelevant passage does more harm in the prompt than no passage.
    min_similarity: float = 0.75

    # Answer generation (hosted chat-completion API)
    llm_api_url: str = field(
        default_factory=lambda: _env("ASSISTANT_LLM_API_URL", "https://api.textgen-cloud.com/v1/chat/completions")
    )
    llm_api_key: str = field(default_factory=lambda: _env("ASSISTANT_LLM_API_KEY"))
    llm_model: str = field(default_factory=lambda: _env("ASSISTANT_LLM_MODEL", "tg-large-2025-09"))
    cache_url: str = field(default_factory=lambda: _env("ASSISTANT_CACHE_URL", "redis://cache.internal:6379/3"))
    cache_ttl_s: int = 24 * 3600


def get_settings() -> Settings:
    return Settings()
