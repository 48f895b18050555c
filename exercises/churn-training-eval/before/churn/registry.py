"""Client for the internal model registry (mlreg) REST API."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import joblib
import requests

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://mlreg.internal.example.com/api/v1"
REQUEST_TIMEOUT_S = 10


@dataclass(frozen=True)
class ModelVersion:
    name: str
    version: int
    stage: str
    artifact_uri: str
    metrics: dict[str, float] = field(default_factory=dict)


class RegistryClient:
    """Minimal wrapper around the mlreg endpoints that the batch jobs need."""

    def __init__(self, base_url: str, token: str) -> None:
        self._base_url = base_url.rstrip("/")
        self._session = requests.Session()
        self._session.headers.update({"Authorization": f"Bearer {token}"})

    @classmethod
    def from_env(cls) -> RegistryClient:
        base_url = os.environ.get("MLREG_BASE_URL", DEFAULT_BASE_URL)
        token = os.environ["MLREG_TOKEN"]
        return cls(base_url, token)

    def _url(self, path: str) -> str:
        return f"{self._base_url}/{path.lstrip('/')}"

    def get_production_version(self, name: str) -> ModelVersion | None:
        resp = self._session.get(
            self._url(f"models/{name}/versions"),
            params={"stage": "production"},
            timeout=REQUEST_TIMEOUT_S,
        )
        resp.raise_for_status()
        versions = resp.json().get("versions", [])
        if not versions:
            return None
        v = versions[0]
        return ModelVersion(
            name=name,
            version=int(v["version"]),
            stage=v["stage"],
            artifact_uri=v["artifact_uri"],
            metrics=v.get("metrics", {}),
        )

    def load_model(self, version: ModelVersion, cache_dir: Path = Path("/tmp/mlreg-cache")) -> object:
        """Download (once) and unpickle the artefact of a registered version."""
        target = cache_dir / version.name / f"{version.version}.joblib"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            resp = self._session.get(version.artifact_uri, timeout=REQUEST_TIMEOUT_S * 6)
            resp.raise_for_status()
            target.write_bytes(resp.content)
        return joblib.load(target)
