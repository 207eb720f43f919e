load("//build_defs:catalog.bzl", "CATALOG", "catalog_by_id")

_FORMATTERS = [
    ("path", lambda s: catalog_by_id(CATALOG).get(s, s)),
    ("tag", lambda s: "%s:%d" % (s, len(catalog_by_id(CATALOG)))),
]

def source_rules(name, srcs):
    outs = []
    for s in srcs:
        for kind, fmt in _FORMATTERS:
            outs.append("%s=%s" % (kind, fmt(s)))
    genrule(name = name, out = name + ".txt", cmd = "echo %d > $OUT" % len(outs))
