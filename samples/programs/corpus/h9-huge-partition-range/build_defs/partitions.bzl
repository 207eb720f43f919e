"""Backfill windows for Scala batch jobs."""

_DAYS_OF_HISTORY = 120000

def _partition_name(day):
    return "dt=" + str(day)

def backfill_window(job, lookback):
    all_partitions = [_partition_name(d) for d in range(_DAYS_OF_HISTORY)]
    return all_partitions[-lookback:]
