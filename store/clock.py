"""The time every row of the store is stamped with: UTC, ISO 8601, to the microsecond."""

from __future__ import annotations

import datetime as dt


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
