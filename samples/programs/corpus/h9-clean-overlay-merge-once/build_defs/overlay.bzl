def merge_overlays(base, overlays):
    merged = dict(base)
    for layer in overlays:
        merged.update(layer)
    lines = []
    for key, value in merged.items():
        lines.append("%s=%s" % (key, value))
    return sorted(lines)

def config_bundle(name, env, base, overlays):
    lines = merge_overlays(base, overlays)
    genrule(
        name = "%s_%s" % (name, env),
        out = "%s.%s.properties" % (name, env),
        cmd = "printf '%%s\\n' %s > $OUT" % " ".join(lines),
    )
