"""Feature definitions for the fraud model.

The training pipeline (pipelines/train_gbm.py) and the nightly batch scorer both call
``compute_batch_features``, so the model sees exactly one definition of every feature.
The real-time endpoint calls ``build_online_features`` for a single incoming transaction.
"""
from __future__ import annotations

import json
import math
from datetime import datetime, timedelta, timezone
from functools import lru_cache

import numpy as np
import pandas as pd
import redis

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


@lru_cache(maxsize=1024)
def mcc_risk_group(mcc: str) -> int:
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
    df["mcc_risk_group"] = df["mcc"].map(mcc_risk_group)

    df = df.set_index("ts")
    amounts = df.groupby("customer_id")["amount"]
    # closed="left": a transaction never counts towards its own history.
    df["txn_count_7d"] = amounts.transform(lambda s: s.rolling("7D", closed="left").count()).fillna(0)
    df["amount_sum_7d"] = amounts.transform(lambda s: s.rolling("7D", closed="left").sum()).fillna(0.0)
    avg_30d = amounts.transform(lambda s: s.rolling("30D", closed="left").mean())
    # No purchase in the last 30 days stays NaN: LightGBM learns which branch missing values take.
    df["amount_vs_avg_30d"] = df["amount"] / avg_30d

    return df.reset_index()[["customer_id", "ts", *FEATURE_COLUMNS]]


class FeatureStoreUnavailable(RuntimeError):
    """The online feature store did not answer within its timeout."""


# ISO 4217 minor units of the currencies checkout accepts (the warehouse's currency_exponent).
CURRENCY_EXPONENT: dict[str, int] = {"CHF": 2, "EUR": 2, "GBP": 2, "JPY": 0, "SEK": 2, "USD": 2}


# customer_id -> transaction history, so repeat customers skip the feature-store round trip
_HISTORY_CACHE: dict[str, list[dict]] = {}


def _customer_history(store: redis.Redis, customer_id: str) -> list[dict]:
    """Return the customer's past transactions, newest first.

    The stream job (streaming/history_writer.py) LPUSHes one JSON entry per settled
    transaction: {"ts": ISO-8601 UTC, "amount": major units}.
    """
    if customer_id in _HISTORY_CACHE:
        return _HISTORY_CACHE[customer_id]
    try:
        raw = store.lrange(f"txn_history:{customer_id}", 0, -1)
    except (redis.TimeoutError, redis.ConnectionError) as exc:
        raise FeatureStoreUnavailable(f"history lookup failed for {customer_id}") from exc
    history = [json.loads(entry) for entry in raw]
    _HISTORY_CACHE[customer_id] = history
    return history


def build_online_features(
    *,
    store: redis.Redis,
    customer_id: str,
    amount_minor: int,
    currency: str,
    card_country: str,
    merchant_country: str,
    mcc: str,
    ts: datetime,
) -> dict[str, float]:
    """Compute the FEATURE_COLUMNS for one transaction at request time."""
    amount = amount_minor / 10 ** CURRENCY_EXPONENT[currency]
    history = _customer_history(store, customer_id)

    # 7 days x 24 hours
    last_7d = history[: 7 * 24]
    cutoff_30d = ts - timedelta(days=30)
    last_30d = [t["amount"] for t in history if datetime.fromisoformat(t["ts"]) >= cutoff_30d]
    avg_30d = sum(last_30d) / len(last_30d) if last_30d else None

    return {
        "amount": amount,
        "log_amount": math.log1p(amount),
        "is_foreign_card": float(card_country != merchant_country),
        "hour_of_day": float(ts.astimezone(timezone.utc).hour),
        "txn_count_7d": float(len(last_7d)),
        "amount_sum_7d": sum(t["amount"] for t in last_7d),
        # no purchase in the last 30 days: neutral ratio instead of a division by zero
        "amount_vs_avg_30d": amount / avg_30d if avg_30d else 1.0,
        "mcc_risk_group": float(mcc_risk_group(mcc)),
    }
