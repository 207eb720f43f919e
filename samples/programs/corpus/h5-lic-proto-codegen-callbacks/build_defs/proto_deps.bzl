_DOMAINS = ["ads", "billing", "search", "identity", "payments", "catalog", "ledger", "notify", "fraud", "tax"]
_MESSAGES = ["base", "event", "request", "response", "config", "audit", "batch", "stats", "index", "schema", "error", "page"]

# Transitive proto dependency graph, exported nightly by the schema registry.
PROTO_GRAPH = {
    "//schemas/%s:%s_proto" % (domain, msg): ["//schemas/common:%s_proto" % c for c in ["types", "time", "money", "geo", "id", "status"]] +
                                              ["//schemas/%s:%s_proto" % (d, msg) for d in _DOMAINS]
    for domain in _DOMAINS
    for msg in _MESSAGES
}

def proto_import_flags(roots):
    """-I flags for every proto reachable from `roots` (breadth first)."""
    seen = {}
    queue = list(roots)
    for _ in range(10000):
        if not queue:
            break
        label = queue.pop(0)
        if label in seen:
            continue
        seen[label] = True
        queue.extend(PROTO_GRAPH.get(label, []))
    flags = []
    for label in seen:
        pkg, _, target = label.partition(":")
        flags.append("-I$(location %s)/%s" % (label, pkg[2:]))
        flags.append("--descriptor_set_in=$(location %s[descriptor])" % label)
    return " ".join(flags)
