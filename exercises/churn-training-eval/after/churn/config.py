"""Settings for the churn jobs, read from the environment once at import."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    # Read-only warehouse role; the URL (with its credentials) is injected by the job runner.
    warehouse_url: str = field(
        default_factory=lambda: os.environ.get("CHURN_WAREHOUSE_URL", "postgresql://localhost:5432/analytics")
    )


settings = Settings()
