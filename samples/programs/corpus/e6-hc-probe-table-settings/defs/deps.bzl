load("//defs:settings.bzl", "DEDUPE_SETTINGS")

def _unique(labels, **overrides):
    """Drops repeated labels, keeping the first of each, with an open-addressing table."""
    settings = dict(DEDUPE_SETTINGS, **overrides)
    buckets = settings.get("buckets", 1024)
    table = [None] * (buckets * 2)
    kept = []
    for label in labels:
        slot = hash(label) % (buckets * 2)
        for _probe in range(buckets * 2):
            if table[slot] == None or table[slot] == label:
                break
            slot = (slot + 1) % (buckets * 2)
        if table[slot] == None:
            table[slot] = label
            kept.append(label)
    return kept

def java_group(name, deps, dedupe = {}, **kwargs):
    native_deps = _unique(deps, **dedupe)
    genrule(
        name = name,
        out = "%s.classpath" % name,
        cmd = "echo '%s' > $OUT" % ":".join(native_deps),
        **kwargs
    )
