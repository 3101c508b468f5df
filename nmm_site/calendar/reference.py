"""The build's reference date: "this year" and "next" on the calendar pages and in the .ics files.

Never the clock, so two builds of the same commit are byte-identical:

1. `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention) when it is set;
2. otherwise the date of the last commit of the project (`git log -1 --format=%ct`);
3. otherwise (no git, e.g. an exported tarball) the first of January 2026, a fixed date.

The timestamp is read as a date in Viet Nam (UTC+7), where the events take place.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

VIETNAM = dt.timezone(dt.timedelta(hours=7))
FALLBACK = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def reference_time(root: Path, environ: dict[str, str] | None = None) -> dt.datetime:
    """The reference instant (UTC) of a build of the project at `root`."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise ValueError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970-01-01"
            ) from None
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
        if result.returncode == 0 and result.stdout.strip().isdigit():
            return dt.datetime.fromtimestamp(int(result.stdout.strip()), tz=dt.UTC)
    except (OSError, subprocess.SubprocessError):
        pass
    return FALLBACK


def reference_date(moment: dt.datetime) -> dt.date:
    """The date of `moment` in Viet Nam."""
    return moment.astimezone(VIETNAM).date()
