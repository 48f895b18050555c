"""Load the trained fraud GBM for online scoring.

Layout written by pipelines/train_gbm.py, one directory per training run:

    <model_dir>/<version>/model.txt       LightGBM booster (text format)
    <model_dir>/<version>/metadata.json   training window, feature_names, offline metrics
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import lightgbm as lgb
import numpy as np

from fraud_service.features import FEATURE_COLUMNS

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedModel:
    booster: lgb.Booster
    version: str
    metadata: dict = field(default_factory=dict)

    def predict_proba(self, rows: np.ndarray) -> np.ndarray:
        """Probability of fraud for each row; columns must follow FEATURE_COLUMNS."""
        return self.booster.predict(rows)


def _resolve_version(model_dir: Path, version: str) -> str:
    if version == "latest":
        # newest training run wins
        runs = sorted(p.name for p in model_dir.iterdir() if p.is_dir())
        return runs[-1]
    return version


def load_model(model_dir: str, version: str) -> LoadedModel:
    root = Path(model_dir)
    resolved = _resolve_version(root, version)
    path = root / resolved
    try:
        booster = lgb.Booster(model_file=str(path / "model.txt"))
        metadata = json.loads((path / "metadata.json").read_text())
    except Exception:
        logger.exception("failed to load fraud model", extra={"model_path": str(path)})
        raise

    if metadata.get("feature_names") != FEATURE_COLUMNS:
        raise ValueError(
            f"model {resolved} was trained on {metadata.get('feature_names')}, "
            f"but this service builds {FEATURE_COLUMNS}"
        )
    return LoadedModel(booster=booster, version=resolved, metadata=metadata)
