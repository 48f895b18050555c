"""Arrow schemas shared by the ranking pipelines, the trainer and the online feature service."""

from __future__ import annotations

import pyarrow as pa

EVENTS_SCHEMA = pa.schema(
    [
        pa.field("event_id", pa.string(), nullable=False),
        pa.field("event_ts", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("user_id", pa.int64(), nullable=False),
        pa.field("item_id", pa.int64(), nullable=False),
        pa.field("event_type", pa.string(), nullable=False),  # impression | click | purchase
        pa.field("position", pa.int32()),
    ]
)

USER_ENGAGEMENT_TABLE = "user_engagement"
USER_ENGAGEMENT_VERSION = 1

USER_ENGAGEMENT_SCHEMA = pa.schema(
    [
        pa.field("user_id", pa.int64(), nullable=False),
        pa.field("snapshot_date", pa.date32(), nullable=False),
        pa.field("user_impressions_7d", pa.int64()),
        pa.field("user_clicks_7d", pa.int64()),
        # Renamed from user_ctr_7d: the value is Beta-smoothed now, the name should say so.
        pa.field("user_ctr_7d_smoothed", pa.float32()),
        pa.field("user_impressions_28d", pa.int64()),
        pa.field("user_clicks_28d", pa.int64()),
        pa.field("user_ctr_28d_smoothed", pa.float32()),
        pa.field("user_days_since_last_click", pa.float32()),
    ]
)

ITEM_ENGAGEMENT_TABLE = "item_engagement"
ITEM_ENGAGEMENT_VERSION = 1

ITEM_ENGAGEMENT_SCHEMA = pa.schema(
    [
        pa.field("item_id", pa.int64(), nullable=False),
        pa.field("snapshot_date", pa.date32(), nullable=False),
        pa.field("item_impressions_7d", pa.int64()),
        pa.field("item_clicks_7d", pa.int64()),
        pa.field("item_ctr_7d_smoothed", pa.float32()),
        pa.field("item_impressions_28d", pa.int64()),
        pa.field("item_clicks_28d", pa.int64()),
        pa.field("item_ctr_28d_smoothed", pa.float32()),
        pa.field("item_days_since_last_click", pa.float32()),
    ]
)


def table_path(root: str, table: str, version: int) -> str:
    """Location of one version of a table, e.g. ``gs://lake/features/user_engagement/v1``."""
    return f"{root.rstrip('/')}/{table}/v{version}"
