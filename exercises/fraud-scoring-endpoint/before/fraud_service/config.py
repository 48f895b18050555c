"""Runtime configuration for fraud_service.

Every value comes from the environment so that one image runs unchanged in dev, staging and prod.
Secrets are injected by the deployment (Vault agent) and never committed.
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
    env: str = field(default_factory=lambda: _env("FRAUD_ENV", "dev"))
    log_level: str = field(default_factory=lambda: _env("FRAUD_LOG_LEVEL", "INFO"))

    # Nightly batch scoring
    warehouse_dsn: str = field(default_factory=lambda: _env("FRAUD_WAREHOUSE_DSN"))
    batch_output_table: str = field(
        default_factory=lambda: _env("FRAUD_BATCH_OUTPUT_TABLE", "risk.batch_scores")
    )


def get_settings() -> Settings:
    return Settings()
