# Every third-party jar carries its license and owning team as target metadata.

SPDX = {
    "Apache-2.0": struct(family = "permissive", notice = True),
    "MIT": struct(family = "permissive", notice = False),
    "BSD-3-Clause": struct(family = "permissive", notice = True),
    "EPL-2.0": struct(family = "weak-copyleft", notice = True),
    "MPL-2.0": struct(family = "weak-copyleft", notice = True),
}

def _coords(coord):
    parts = coord.split(":")
    if len(parts) != 3:
        fail("third_party_jar: bad coordinate " + coord)
    return struct(group = parts[0], artifact = parts[1], version = parts[2])

def _labels(c, spdx, owner):
    info = SPDX[spdx]
    return [
        "license:" + spdx,
        "license-family:" + info.family,
        "owner:" + owner,
        "maven:%s:%s" % (c.group, c.artifact),
    ]

def third_party_jar(coord, spdx, owner, deps = []):
    if spdx not in SPDX:
        fail("third_party_jar(%s): license %s is not on the allow-list" % (coord, spdx))
    c = _coords(coord)
    name = c.artifact
    jar = "jars/%s-%s.jar" % (c.artifact, c.version)
    labels = _labels(c, spdx, owner)
    if SPDX[spdx].notice:
        genrule(
            name = name + "-notice",
            out = name + "-NOTICE.txt",
            cmd = "unzip -p $(location %s) META-INF/NOTICE* > $OUT" % jar,
            labels = labels,
        )
    java_library(
        name = name,
        srcs = [jar],
        deps = [":" + d for d in deps],
        labels = labels,
        visibility = ["PUBLIC"],
    )
