"""Holdout evaluation for the churn classifier."""

from __future__ import annotations

from typing import Protocol

import numpy as np
from numpy.typing import ArrayLike
from sklearn.metrics import accuracy_score


class ProbabilisticClassifier(Protocol):
    def predict_proba(self, X: ArrayLike) -> np.ndarray: ...


def evaluate_classifier(
    model: ProbabilisticClassifier, X_test: ArrayLike, y_test: ArrayLike, threshold: float = 0.5
) -> dict[str, float]:
    """Score the holdout set and return a flat dict of metrics, ready to log or upload."""
    y_true = np.asarray(y_test)
    if y_true.ndim != 1 or y_true.size == 0:
        raise ValueError(f"expected a non-empty 1-d label array, got shape {y_true.shape}")

    proba = model.predict_proba(X_test)[:, 1]
    preds = (proba >= threshold).astype(np.int8)

    return {
        "accuracy": float(accuracy_score(y_true, preds)),
        "threshold": threshold,
        "n_test": y_true.size,
        "n_churned": int(y_true.sum()),
        "n_predicted_churn": int(preds.sum()),
    }


def format_metrics(metrics: dict[str, float]) -> str:
    """Render metrics on one line in a stable order, for logs."""
    parts = (f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}" for k, v in sorted(metrics.items()))
    return ", ".join(parts)
