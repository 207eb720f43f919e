_FLAGS = ["--strict", "--nullable", "--java8", "--kotlin"]

def _cache_key(srcs):
    # A short key per target: its sources with each codegen flag.
    blob = "|".join([s + f for s in srcs for f in _FLAGS])
    return "%x" % hash(blob)

def idl_targets(names):
    for name in names:
        srcs = ["idl/%s/%s.idl" % (name, part) for part in ("api", "types", "errors")]
        genrule(
            name = name + "-idl",
            srcs = srcs,
            out = name + ".srcjar",
            cmd = "idlc --key=%s $SRCS -o $OUT" % _cache_key(srcs),
        )
