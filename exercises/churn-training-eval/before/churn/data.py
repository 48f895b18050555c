"""Data access helpers for the churn project."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import sqlalchemy as sa

from churn.config import settings

logger = logging.getLogger(__name__)

FEATURES_TABLE = "analytics.account_features"


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
