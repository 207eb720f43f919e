load("//build_defs:schema.bzl", "SCHEMA", "schema_index")

def _enum_line(t, r, ix):
    return "ENUM(%s, %s, %d)" % (t, r[1], len(ix))

def _field_line(t, r, ix):
    ty, off = ix.get("%s.%s" % (r[1], r[2]), ("u8", 0))
    return "FIELD(%s, %s, %s, %d)" % (t, r[2], ty, off)

_EMIT = {
    "enum": lambda t, r: _enum_line(t, r, schema_index(SCHEMA)),
    "field": lambda t, r: _field_line(t, r, schema_index(SCHEMA)),
}

def gen_tables(name, tables):
    hdrs = []
    for tn, rows in tables:
        ls = []
        for r in rows:
            if r[0] not in _EMIT:
                continue
            ls.append(_EMIT[r[0]](tn, r))
        genrule(name = "%s_%s" % (name, tn), out = tn + ".h", cmd = "echo '%s' > $OUT" % "\\n".join(ls))
        hdrs.append(":%s_%s" % (name, tn))
    filegroup(name = name, srcs = hdrs)
