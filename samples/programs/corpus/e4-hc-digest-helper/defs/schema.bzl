_TABLES = ["users", "orders", "items", "payments", "refunds", "shipments", "reviews", "carts"]
_COLUMNS = ["id", "created_at", "updated_at", "owner", "status", "amount", "currency", "region", "note", "version"]
_DIALECTS = ["postgres", "mysql", "sqlite", "spanner", "bigquery"]

def _schema_digest(versions):
    # Any change in a generated column definition must change the digest.
    text = "".join([
        "%s.%s.%s@v%d;" % (dialect, table, column, v)
        for v in range(versions)
        for dialect in _DIALECTS
        for table in _TABLES
        for column in _COLUMNS
    ])
    return hash(text)

def schema_library(name, versions):
    digest = _schema_digest(versions)
    for dialect in _DIALECTS:
        genrule(
            name = "%s-%s" % (name, dialect),
            out = "%s-%s.sql" % (name, dialect),
            cmd = "gen-schema --dialect=%s --digest=%d > $OUT" % (dialect, digest),
        )
