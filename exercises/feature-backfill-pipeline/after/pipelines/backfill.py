"""Backfill engagement feature snapshots for a range of dates.

    python -m pipelines.backfill --events-root ... --features-root ... \
        --start 2024-01-01 --end 2024-06-30 [--sample-users 0.05]
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date, timedelta

import pandas as pd

from pipelines import io
from pipelines.engagement_features import LONG_WINDOW_DAYS, write_snapshot

logger = logging.getLogger(__name__)


def backfill(
    events_root: str,
    features_root: str,
    start: date,
    end: date,
    sample_users: float | None = None,
) -> None:
    # One read for the whole range: the 28-day windows overlap, so reading per snapshot
    # would fetch every events partition 28 times.
    events = io.read_events(events_root, start - timedelta(days=LONG_WINDOW_DAYS), end)

    if sample_users is not None:
        users = events["user_id"].drop_duplicates().sample(frac=sample_users)
        events = events[events["user_id"].isin(users)]
        logger.info("dry run: kept %d users (%.1f%%)", len(users), 100 * sample_users)

    for snapshot in pd.date_range(start, end, freq="D"):  # both ends inclusive, as --end says
        write_snapshot(events, features_root, snapshot.date())
        logger.info("backfilled %s", snapshot.date())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Backfill engagement feature snapshots.")
    parser.add_argument("--events-root", required=True)
    parser.add_argument("--features-root", required=True)
    parser.add_argument("--start", type=date.fromisoformat, required=True, help="first snapshot date")
    parser.add_argument(
        "--end", type=date.fromisoformat, required=True, help="last snapshot date (inclusive)"
    )
    parser.add_argument(
        "--sample-users",
        type=float,
        default=None,
        help="dry runs: keep this fraction of users; point --features-root at a scratch bucket",
    )
    args = parser.parse_args(argv)
    if args.end < args.start:
        parser.error("--end is before --start")

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        backfill(args.events_root, args.features_root, args.start, args.end, args.sample_users)
    except Exception:
        # Entry point only: keep the traceback in the job log and exit non-zero so Airflow fails the task.
        logger.exception("backfill %s..%s failed", args.start, args.end)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
