def _union_sql(sources):
    sql = ""
    for src in sources:
        sql += "SELECT * FROM %s WHERE _loaded_at > '{{ var(\"since\") }}'\nUNION ALL\n" % src
    return sql

def union_view(name, sources):
    sql = _union_sql(sources)
    genrule(
        name = name,
        out = name + ".sql",
        cmd = "echo %d" % len(sql),
    )
