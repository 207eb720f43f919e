def row_line(cols, r):
    parts = []
    for i in range(len(cols)):
        v = r[i]
        parts.append(("\"%s\"" % v) if type(v) == "string" else ("%d" % v))
    return "    { %s }," % ", ".join(parts)
