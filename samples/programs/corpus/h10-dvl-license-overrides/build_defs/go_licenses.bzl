load("//build_defs:overrides.bzl", "LICENSE_OVERRIDES")

def _effective_license(module, detected, overrides):
    best, best_len = detected, -1
    for prefix, override in overrides.items():
        if module.startswith(prefix) and len(prefix) > best_len:
            best, best_len = override.license, len(prefix)
    return best

def go_license_manifest(name, modules, overrides = LICENSE_OVERRIDES):
    """Writes module -> license for go.sum, applying compliance overrides by longest prefix."""
    paths = [m[0] for m in modules]
    versions = [m[1] for m in modules]
    lines = []
    unknown = []
    for i, (path, version) in enumerate(zip(paths, versions)):
        license = _effective_license(path, modules[i][2], overrides)
        if license == "NOASSERTION":
            unknown.append(path)
        lines.append("%s %s %s" % (path, version, license))
    if len(unknown) > len(modules) // 10:
        fail("%d Go modules have no detectable license; add overrides" % len(unknown))
    genrule(
        name = name,
        out = name + ".tsv",
        cmd = "cat > $OUT <<'EOF'\n%s\nEOF" % "\n".join(lines),
    )
