load("//build_defs:render.bzl", "render_all")

def _emit(name, tn, buf, hdrs):
    genrule(name = "%s_%s" % (name, tn), out = tn + ".inc", cmd = "cat > $OUT <<'EOF'\n%s\nEOF" % "\n".join(buf))
    hdrs.append(":%s_%s" % (name, tn))

def table_headers(name, tables):
    ents = render_all(tables)
    cur = None
    buf = []
    hdrs = []
    for e in ents:
        if e["table"] == cur:
            buf.append(e["text"])
            continue
        if cur != None:
            _emit(name, cur, buf, hdrs)
        cur = e["table"]
        buf = [e["text"]]
    if cur != None:
        _emit(name, cur, buf, hdrs)
    filegroup(name = name, srcs = hdrs)
