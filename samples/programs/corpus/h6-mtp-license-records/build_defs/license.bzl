_SPDX_FAMILIES = {
    "Apache-2.0": "permissive",
    "MIT": "permissive",
    "BSD-3-Clause": "permissive",
    "EPL-2.0": "weak-copyleft",
    "MPL-2.0": "weak-copyleft",
    "LGPL-2.1-only": "weak-copyleft",
}

_DISTRIBUTIONS = ["play-store", "galaxy-store", "enterprise-apk", "docker-image", "sdk-maven", "sdk-cocoapods", "helm-chart", "on-prem-tarball"]

def _notice_line(a, f, owner, dist):
    return "{g}:{a}:{v} {f} ({spdx}) owner={o} dist={d}".format(g = a.group, a = a.artifact, v = a.version, f = f, spdx = a.spdx, o = owner, d = dist)

def _collect_notices(artifacts):
    return [
        struct(
            family = _SPDX_FAMILIES.get(a.spdx, "unknown"),
            line = _notice_line(a, f, owner, dist),
        )
        for a in artifacts
        for f in a.files
        for owner in a.owners
        for dist in _DISTRIBUTIONS
    ]

def license_report(name, artifacts, visibility = ["PUBLIC"]):
    notices = _collect_notices(artifacts)
    counts = {}
    flagged = []
    for n in notices:
        counts[n.family] = counts.get(n.family, 0) + 1
        if n.family != "permissive":
            flagged.append(n.line)
    for family in sorted(counts):
        genrule(
            name = "%s-%s" % (name, family),
            out = "%s-%s.txt" % (name, family),
            cmd = "echo %d notices > $OUT" % counts[family],
            labels = ["needs-review"] if family != "permissive" else [],
        )
    genrule(
        name = name + "-review",
        out = "review.txt",
        cmd = "echo %d flagged notices > $OUT" % len(flagged),
    )
    filegroup(
        name = name,
        srcs = [":%s-%s" % (name, f) for f in sorted(counts)],
        visibility = visibility,
    )
