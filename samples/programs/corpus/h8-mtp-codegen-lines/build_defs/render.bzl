def _cols(row):
    return ", ".join(["%s" % c for c in row])

def render_all(tables):
    out = []
    for tn, cols, rows in tables:
        out.append({"table": tn, "idx": -1, "text": "struct %s_row { %s };" % (tn, "; ".join(cols)), "cols": cols})
        for i, r in enumerate(rows):
            out.append({"table": tn, "idx": i, "row": r, "cols": cols, "key": "%s:%s" % (tn, r[0]), "text": "{ %s }," % _cols(r)})
    return out
