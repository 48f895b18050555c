import pandas as pd
import pytest

from pipelines.engagement_features import PRIOR_CLICKS, PRIOR_IMPRESSIONS, smoothed_ctr


def test_smoothed_ctr_with_no_impressions_is_the_prior_mean():
    ctr = smoothed_ctr(pd.Series([0]), pd.Series([0]))
    assert ctr.iloc[0] == pytest.approx(PRIOR_CLICKS / PRIOR_IMPRESSIONS)


def test_smoothed_ctr_approaches_raw_ctr_with_many_impressions():
    ctr = smoothed_ctr(pd.Series([10_000]), pd.Series([100_000]))
    assert ctr.iloc[0] == pytest.approx(0.1, rel=1e-3)


def test_smoothed_ctr_is_float32():
    assert smoothed_ctr(pd.Series([3]), pd.Series([40])).dtype == "float32"
