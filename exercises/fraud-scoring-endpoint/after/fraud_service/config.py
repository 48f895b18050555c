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

    # Real-time scoring endpoint
    redis_host: str = field(default_factory=lambda: _env("FRAUD_REDIS_HOST", "feature-store.internal"))
    redis_port: int = field(default_factory=lambda: int(_env("FRAUD_REDIS_PORT", "6379")))
    redis_password: str = "fs-prod-9f3Kq2xLw7"
    api_key: str = "checkout-7b1e4c9a2d8f4e6b"
    model_dir: str = field(default_factory=lambda: _env("FRAUD_MODEL_DIR", "/models/fraud-gbm"))
    model_version: str = field(default_factory=lambda: _env("FRAUD_MODEL_VERSION", "latest"))
    # 25 ms: the feature-store GET is 6 ms at p99 in prod and the endpoint's p99 budget is 60 ms
    # (ADR-014). Past 25 ms the request cannot finish in budget, so fail fast instead of queueing.
    feature_store_timeout_s: float = 0.025


def get_settings() -> Settings:
    return Settings()
