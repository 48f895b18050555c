"""Feature definitions for the fraud model.

The training pipeline (pipelines/train_gbm.py) and the nightly batch scorer both call
``compute_batch_features``, so the model sees exactly one definition of every feature.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

FEATURE_COLUMNS: list[str] = [
    "amount",
    "log_amount",
    "is_foreign_card",
    "hour_of_day",
    "txn_count_7d",
    "amount_sum_7d",
    "amount_vs_avg_30d",
    "mcc_risk_group",
]

# Merchant category codes grouped by the fraud-ops team (see docs/mcc_risk_groups.md).
HIGH_RISK_MCC = frozenset({"4829", "5967", "6051", "6211", "7995"})
MEDIUM_RISK_MCC = frozenset({"4814", "5816", "5999", "7273"})


def _mcc_risk_group(mcc: str) -> int:
    if mcc in HIGH_RISK_MCC:
        return 2
    if mcc in MEDIUM_RISK_MCC:
        return 1
    return 0


def compute_batch_features(txns: pd.DataFrame) -> pd.DataFrame:
    """Build model features from the transactions table.

    ``txns`` has one row per transaction with columns customer_id, ts (UTC), amount_minor,
    currency_exponent, card_country, merchant_country and mcc. Amounts are converted to major
    units (e.g. 12.50 for 1250 cents) before any feature is computed. Windows are time-based
    and exclude the transaction being scored.
    """
    df = txns.sort_values(["customer_id", "ts"]).copy()
    df["amount"] = df["amount_minor"] / (10.0 ** df["currency_exponent"])
    df["log_amount"] = np.log1p(df["amount"])
    df["is_foreign_card"] = (df["card_country"] != df["merchant_country"]).astype(int)
    df["hour_of_day"] = df["ts"].dt.hour
    df["mcc_risk_group"] = df["mcc"].map(_mcc_risk_group)

    df = df.set_index("ts")
    amounts = df.groupby("customer_id")["amount"]
    # closed="left": a transaction never counts towards its own history.
    df["txn_count_7d"] = amounts.transform(lambda s: s.rolling("7D", closed="left").count()).fillna(0)
    df["amount_sum_7d"] = amounts.transform(lambda s: s.rolling("7D", closed="left").sum()).fillna(0.0)
    avg_30d = amounts.transform(lambda s: s.rolling("30D", closed="left").mean())
    # No purchase in the last 30 days stays NaN: LightGBM learns which branch missing values take.
    df["amount_vs_avg_30d"] = df["amount"] / avg_30d

    return df.reset_index()[["customer_id", "ts", *FEATURE_COLUMNS]]
