def _expand(row):
    name, width = row
    return ["%s_%d" % (name, i) for i in range(width + 1)]

_EMIT = {
    "wide": lambda r: _expand(r),
    "flat": lambda r: [r[0]],
}

def emit_tables(name, tables):
    for tn, rows in tables:
        cols = []
        for r in rows:
            cols.extend(_EMIT["wide" if r[1] else "flat"](r))
        genrule(name = "%s_%s" % (name, tn), out = tn + ".h", cmd = "echo '%s' > $OUT" % " ".join(cols))
