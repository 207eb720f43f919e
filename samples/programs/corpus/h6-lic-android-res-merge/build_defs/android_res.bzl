load("//build_defs:qualifiers.bzl", "qualifier_table")

_R_JAVA_CMD = "aapt2 link --package {pkg} --java $OUT {inputs} --manifest {manifest}"

def _parse_res_path(path):
    # res/<kind>[-<qualifiers>]/<file>
    parts = path.split("/")
    dir_parts = parts[-2].split("-")
    return struct(
        path = path,
        kind = dir_parts[0],
        qualifiers = dir_parts[1:],
        file = parts[-1],
    )

def _target_name(base, suffix):
    return "{}__{}".format(base, suffix)

def _android_resources_impl(name, package, res, manifest, deps, visibility):
    buckets = {}
    for path in res:
        info = _parse_res_path(path)
        ranks = qualifier_table()
        prio = ranks.get("-".join(info.qualifiers), -1)
        buckets.setdefault(info.kind, []).append((prio, info.path))

    kind_targets = []
    for kind in sorted(buckets):
        ordered = [p for _, p in sorted(buckets[kind])]
        target = _target_name(name, kind)
        filegroup(name = target, srcs = ordered, visibility = visibility)
        kind_targets.append(":" + target)

    genrule(
        name = _target_name(name, "r_java"),
        srcs = kind_targets + [manifest],
        out = "R.java",
        cmd = _R_JAVA_CMD.format(pkg = package, inputs = " ".join(["$(location %s)" % t for t in kind_targets]), manifest = manifest),
    )
    java_library(
        name = name,
        srcs = [":" + _target_name(name, "r_java")],
        deps = deps,
        visibility = visibility,
    )

def android_resources(name, package, res, manifest = "AndroidManifest.xml", deps = [], visibility = ["PUBLIC"]):
    if not package.startswith("com."):
        fail("android_resources(%s): package must be reverse-DNS, got %s" % (name, package))
    _android_resources_impl(name, package, res, manifest, deps, visibility)
