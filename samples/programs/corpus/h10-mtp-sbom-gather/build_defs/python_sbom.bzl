load("//build_defs:sbom_entries.bzl", "expand_distribution")

def _gather_entries(distributions):
    entries = []
    for dist in distributions:
        entries.extend(expand_distribution(dist))
    return entries

def _license_summary(entries, scope):
    counts = {}
    for entry in entries:
        if entry["scope"] != scope:
            continue
        lic = entry["licenseConcluded"]
        counts[lic] = counts.get(lic, 0) + 1
    return counts

def _python_sbom_impl(name, distributions, scope):
    entries = _gather_entries(distributions)
    counts = _license_summary(entries, scope)
    genrule(
        name = name,
        out = name + ".licenses.txt",
        cmd = "echo '%s' > $OUT" % ", ".join(["%s=%d" % (lic, n) for lic, n in sorted(counts.items())]),
        labels = ["sbom", "scope=" + scope],
    )

def python_sbom(name, distributions, scope = "runtime"):
    """Per-license file counts for the distributions of one lockfile scope."""
    if scope not in ("runtime", "dev"):
        fail("scope must be runtime or dev, got " + scope)
    _python_sbom_impl(name, distributions, scope)
