"""Data access helpers for the churn project."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from churn.config import settings

logger = logging.getLogger(__name__)

FEATURES_TABLE = "analytics.account_features"

NUMERIC_FEATURES = [
    "seats",
    "tenure_months",
    "mrr_usd",
    "active_users_30d",
    "logins_30d",
    "support_tickets_90d",
    "days_since_last_login",
    "invoice_overdue_days",
]
CATEGORICAL_FEATURES = ["plan_tier", "billing_cycle", "industry", "region"]
FEATURE_COLUMNS = NUMERIC_FEATURES + CATEGORICAL_FEATURES
LABEL_COLUMN = "churned_90d"
TIME_COLUMN = "as_of_date"

# One row per account per month-end. Rows less than 90 days before the snapshot are left out
# because their churned_90d label is not final yet.
_TRAINING_SQL = (
    "SELECT account_id, as_of_date, {columns}, churned_90d "
    "FROM analytics.account_features_snapshots "
    "WHERE source_table = :table AND snapshot_date = :snapshot_date "
    "AND as_of_date <= CAST(:snapshot_date AS date) - INTERVAL '90 days' ORDER BY as_of_date"  # noqa: E501
)


@dataclass(frozen=True)
class Snapshot:
    """A dated, immutable export of a warehouse table."""

    table: str
    snapshot_date: str  # YYYY-MM-DD


def get_engine() -> sa.Engine:
    return sa.create_engine(settings.warehouse_url, pool_pre_ping=True)


def list_snapshots(engine: sa.Engine, table: str = FEATURES_TABLE) -> list[Snapshot]:
    query = sa.text(
        "SELECT DISTINCT snapshot_date FROM analytics.account_features_snapshots "
        "WHERE source_table = :table ORDER BY snapshot_date"
    )
    with engine.connect() as conn:
        rows = conn.execute(query, {"table": table}).fetchall()
    return [Snapshot(table=table, snapshot_date=str(row.snapshot_date)) for row in rows]


def latest_snapshot(engine: sa.Engine, table: str = FEATURES_TABLE) -> Snapshot:
    snapshots = list_snapshots(engine, table)
    if not snapshots:
        raise LookupError(f"no snapshots found for {table}")
    return snapshots[-1]


def load_training_frame(engine: sa.Engine, snapshot: Snapshot | None = None) -> pd.DataFrame:
    """Load labelled account-month rows from one snapshot of the account feature table."""
    if snapshot is None:
        snapshot = latest_snapshot(engine)
    query = sa.text(_TRAINING_SQL.format(columns=", ".join(FEATURE_COLUMNS)))
    params = {"table": snapshot.table, "snapshot_date": snapshot.snapshot_date}
    try:
        with engine.connect() as conn:
            frame = pd.read_sql(query, conn, params=params, parse_dates=[TIME_COLUMN])
    except sa.exc.SQLAlchemyError:
        logger.exception("failed to load %s at snapshot %s", snapshot.table, snapshot.snapshot_date)
        raise

    if frame.empty:
        raise ValueError(f"snapshot {snapshot.snapshot_date} of {snapshot.table} has no labelled rows")
    n_missing = int(frame[LABEL_COLUMN].isna().sum())
    if n_missing:
        raise ValueError(f"{n_missing} rows have a null {LABEL_COLUMN}")
    frame[LABEL_COLUMN] = frame[LABEL_COLUMN].astype("int8")
    return frame
