TYPE_ALIASES = {
    "str": "STRING", "text": "STRING", "varchar": "STRING", "int": "INT64", "bigint": "INT64",
    "smallint": "INT64", "float": "FLOAT64", "double": "FLOAT64", "bool": "BOOL", "ts": "TIMESTAMP",
    "timestamp": "TIMESTAMP", "date": "DATE", "json": "JSON", "bytes": "BYTES", "numeric": "NUMERIC",
    "decimal": "NUMERIC", "uuid": "STRING", "array": "ARRAY", "map": "JSON", "time": "TIME",
}

def canonical_type(raw):
    for alias, canonical in TYPE_ALIASES.items():
        if alias == raw:
            return canonical
    return raw.upper()
