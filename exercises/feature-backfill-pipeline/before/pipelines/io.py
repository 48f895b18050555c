"""Thin I/O helpers over the lake's Parquet datasets (local paths, or gs:// through fsspec)."""

from __future__ import annotations

import logging
from datetime import date

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

logger = logging.getLogger(__name__)

EVENT_COLUMNS = ["event_id", "event_ts", "user_id", "item_id", "event_type"]

# Events are partitioned by UTC day: <root>/dt=YYYY-MM-DD/part-*.parquet
_DT_PARTITIONING = ds.partitioning(pa.schema([("dt", pa.string())]), flavor="hive")


def read_events(root: str, start: date, end: date) -> pd.DataFrame:
    """Read events with ``start <= dt <= end``."""
    dataset = ds.dataset(root, format="parquet", partitioning=_DT_PARTITIONING)
    table = dataset.to_table(
        columns=EVENT_COLUMNS,
        filter=(ds.field("dt") >= start.isoformat()) & (ds.field("dt") <= end.isoformat()),
    )
    logger.info("read %d events from %s for %s..%s", table.num_rows, root, start, end)
    return table.to_pandas()


def write_table(df: pd.DataFrame, path: str, schema: pa.Schema) -> None:
    """Write ``df`` as a single Parquet file, cast to ``schema`` (missing columns raise)."""
    table = pa.Table.from_pandas(df[schema.names], schema=schema, preserve_index=False)
    pq.write_table(table, path)
