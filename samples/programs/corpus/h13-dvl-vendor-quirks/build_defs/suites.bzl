load("//lib:quirks.bzl", "quirks_for")

_RUN = "protoconf run --proto {proto} --ver {ver} --vendor {vendor} --quirks {q} --out $OUT"

def _suite(proto, ver, vendor, nquirks):
    name = "interop-%s-%s-%s" % (proto, ver.replace(".", "_"), vendor)
    genrule(
        name = name,
        srcs = ["suites/%s.tcl" % proto],
        out = name + ".xml",
        cmd = _RUN.format(proto = proto, ver = ver, vendor = vendor, q = nquirks),
    )
    return ":" + name

def protocol_test_matrix(name, protocols, versions, vendors):
    targets = []
    for proto in protocols:
        for ver in versions:
            for vendor in vendors:
                targets.append(_suite(proto, ver, vendor, quirks_for(proto, ver, vendor)))
    filegroup(name = name, srcs = targets)
