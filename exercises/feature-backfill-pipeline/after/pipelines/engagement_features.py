"""Daily user and item engagement features for the ranking model.

The snapshot for ``snapshot_date = D`` describes behaviour before D: the trainer joins it to
impressions served on D, and the online feature service loads it to score requests on D.

    python -m pipelines.engagement_features --events-root ... --features-root ... [--snapshot-date D]
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pyarrow as pa

from pipelines import io
from pipelines.schemas import (
    ITEM_ENGAGEMENT_SCHEMA,
    ITEM_ENGAGEMENT_TABLE,
    ITEM_ENGAGEMENT_VERSION,
    USER_ENGAGEMENT_SCHEMA,
    USER_ENGAGEMENT_TABLE,
    USER_ENGAGEMENT_VERSION,
)

logger = logging.getLogger(__name__)

SHORT_WINDOW_DAYS = 7
# Four full weeks, so weekday/weekend effects cancel out (ranking ADR-007, see the PR description).
LONG_WINDOW_DAYS = 28

# Beta prior for CTR smoothing: the marketplace-wide CTR (~5%) with the weight of 20 impressions.
PRIOR_CLICKS = 1.0
PRIOR_IMPRESSIONS = 20.0


@dataclass(frozen=True)
class FeatureTableSpec:
    key: str
    prefix: str
    table: str
    version: int
    schema: pa.Schema


FEATURE_TABLES = (
    FeatureTableSpec(
        "user_id", "user", USER_ENGAGEMENT_TABLE, USER_ENGAGEMENT_VERSION, USER_ENGAGEMENT_SCHEMA
    ),
    FeatureTableSpec(
        "item_id", "item", ITEM_ENGAGEMENT_TABLE, ITEM_ENGAGEMENT_VERSION, ITEM_ENGAGEMENT_SCHEMA
    ),
)


def smoothed_ctr(clicks: pd.Series, impressions: pd.Series) -> pd.Series:
    """Beta-smoothed click-through rate; equals the prior mean for keys with no impressions."""
    return ((clicks + PRIOR_CLICKS) / (impressions + PRIOR_IMPRESSIONS)).astype("float32")


def build_engagement_features(
    events: pd.DataFrame, snapshot_date: date, key: str, prefix: str
) -> pd.DataFrame:
    """Engagement features per ``key`` as of the start of ``snapshot_date`` (UTC)."""
    as_of = pd.Timestamp(snapshot_date)  # midnight UTC; event_ts is naive UTC
    window_start = as_of - pd.Timedelta(days=LONG_WINDOW_DAYS)
    events = events.assign(day=events["event_ts"].dt.normalize())
    window = events[(events["day"] > window_start) & (events["day"] <= as_of)]

    counts = []
    for days in (SHORT_WINDOW_DAYS, LONG_WINDOW_DAYS):
        recent = window[window["day"] > as_of - pd.Timedelta(days=days)]
        counts.append(
            pd.crosstab(recent[key], recent["event_type"])
            .reindex(columns=["impression", "click"], fill_value=0)
            .rename(columns={"impression": f"impressions_{days}d", "click": f"clicks_{days}d"})
        )
    # A key active only 8-28 days ago has no row in the 7-day counts: no events means zero.
    features = pd.concat(counts, axis=1).fillna(0).astype("int64")
    for days in (SHORT_WINDOW_DAYS, LONG_WINDOW_DAYS):
        features[f"ctr_{days}d_smoothed"] = smoothed_ctr(
            features[f"clicks_{days}d"], features[f"impressions_{days}d"]
        )

    last_click = window.loc[window["event_type"].eq("click")].groupby(key)["event_ts"].max()
    now = pd.Timestamp.now()
    recency_days = (now - last_click).dt.total_seconds() / 86_400
    # No click inside the window: cap at the window length, i.e. "at least 28 days".
    features["days_since_last_click"] = (
        recency_days.reindex(features.index).fillna(LONG_WINDOW_DAYS).astype("float32")
    )

    features.columns = [f"{prefix}_{col}" for col in features.columns]
    return features.rename_axis(key).reset_index()


def write_snapshot(events: pd.DataFrame, features_root: str, snapshot_date: date) -> None:
    """Compute and write every engagement table for one snapshot date."""
    for spec in FEATURE_TABLES:
        features = build_engagement_features(events, snapshot_date, key=spec.key, prefix=spec.prefix)
        features["snapshot_date"] = snapshot_date
        io.write_feature_partition(
            features, features_root, spec.table, spec.version, spec.schema, snapshot_date
        )


def run_daily(events_root: str, features_root: str, snapshot_date: date) -> None:
    start = snapshot_date - timedelta(days=LONG_WINDOW_DAYS)
    events = io.read_events(events_root, start, snapshot_date)
    write_snapshot(events, features_root, snapshot_date)
    logger.info("engagement features done for %s", snapshot_date)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write today's engagement feature snapshot.")
    parser.add_argument("--events-root", required=True)
    parser.add_argument("--features-root", required=True)
    parser.add_argument(
        "--snapshot-date",
        type=date.fromisoformat,
        default=datetime.now(timezone.utc).date(),
        help="UTC date the snapshot is served on (default: today in UTC)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    run_daily(args.events_root, args.features_root, args.snapshot_date)


if __name__ == "__main__":
    main()
