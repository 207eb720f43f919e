"""Avro schema ids for the registry."""

_ID_SPACE = 40000

def _schema_ids():
    return {
        "subject-%d" % i: struct(id = i, compat = "BACKWARD" if i % 2 else "FULL")
        for i in range(_ID_SPACE)
    }

schema_lookup = struct(
    get = lambda subject: _schema_ids().get(subject),
)
