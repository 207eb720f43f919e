# Flag table code generation: one flat {flag: default} table per release train.

def _flag_row(area, i, train):
    return struct(
        key = "%s_flag_%d" % (area, i),
        default = "true" if (i + len(train)) % 3 == 0 else "false",
    )

def _table_for(rows, **overrides):
    table = {}
    for row in rows:
        table = dict(table, **{row.key: overrides.get(row.key, row.default)})
    return table

def _render_ts(table):
    return "export const FLAGS = {%d entries};" % len(table)

def flag_table(name, train, areas, per_area = 100, **kwargs):
    rows = [_flag_row(a, i, train) for a in areas for i in range(per_area)]
    table = _table_for(rows, **kwargs.get("overrides", {}))
    genrule(
        name = name,
        out = "%s.ts" % name,
        cmd = "echo '%s' > $OUT" % _render_ts(table),
        labels = ["flags", train],
    )
