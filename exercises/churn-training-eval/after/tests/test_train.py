"""Tests for churn.train."""

import numpy as np
import pandas as pd
import pytest

from churn import data, train


@pytest.fixture
def small_frame() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    n = 10
    frame = pd.DataFrame(
        {
            "account_id": [f"acct_{i:04d}" for i in range(n)],
            "as_of_date": pd.date_range("2024-01-31", periods=n, freq="ME"),
            "churned_90d": np.array([0, 1] * (n // 2), dtype=np.int8),
        }
    )
    for col in data.NUMERIC_FEATURES:
        frame[col] = rng.normal(size=n)
    for col in data.CATEGORICAL_FEATURES:
        frame[col] = rng.choice(["a", "b"], size=n)
    return frame


def test_build_model_uses_balanced_class_weight():
    assert train.build_model().get_params()["class_weight"] == "balanced"


def test_train_runs_end_to_end(small_frame):
    model, preprocessor, metrics = train.train(small_frame, test_size=0.3)
    assert model is not None
    assert "accuracy" in metrics
