load("//build_defs:rows.bzl", "row_line")

def data_table(name, cols, rows, key = 0):
    body = [row_line(cols, r) for r in sorted(rows, key = lambda r: r[key])]
    genrule(
        name = name,
        out = name + ".inc",
        cmd = "cat > $OUT <<'EOF'\n/* %s */\n%s\nEOF" % (", ".join(cols), "\n".join(body)),
    )
