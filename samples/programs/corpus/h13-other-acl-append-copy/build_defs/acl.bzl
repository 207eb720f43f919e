"""Border ACL generation: deny terms for blocked prefixes on management ports."""

_TERM = "deny tcp %s any eq %d"

def _term(prefix, port):
    return _TERM % (prefix, port)

def _build_terms(cfg):
    terms = []
    for prefix in cfg.blocked:
        for port in cfg.ports:
            terms = terms + [_term(prefix, port)]
    return terms

def edge_acl(name, blocked, ports):
    cfg = struct(blocked = blocked, ports = ports)
    terms = _build_terms(cfg)
    genrule(
        name = name,
        srcs = ["acl/header.txt"],
        out = name + ".acl",
        cmd = "acl-compile --terms %d $SRCS > $OUT" % len(terms),
    )
