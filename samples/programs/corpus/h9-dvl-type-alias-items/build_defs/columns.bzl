load("//build_defs:types.bzl", "canonical_type")

def _column_decl(col):
    name, raw = col.split(":")
    return "%s %s" % (name, canonical_type(raw))

def table_schema(name, columns):
    decls = [_column_decl(c) for c in columns]
    filegroup(
        name = name,
        srcs = [name + ".json"],
        labels = ["cols:%d" % len(decls)],
    )
