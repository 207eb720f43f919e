"""Schema registry: column types for every warehouse table."""

_WAREHOUSE_TABLES = ["raw_events", "raw_orders", "raw_users", "raw_payments", "raw_sessions"]

def _column_rows(table, width):
    return [
        {"table": table, "column": "%s_c%d" % (table, i), "type": "STRING" if i % 3 else "INT64"}
        for i in range(width)
    ]

def load_registry(env):
    width = int(read_config("registry", "width_" + env, "600"))
    registry = {}
    for table in _WAREHOUSE_TABLES:
        for row in _column_rows(table, width):
            registry[row["column"]] = row["type"]
    return registry
