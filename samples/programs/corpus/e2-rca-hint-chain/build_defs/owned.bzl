load("//build_defs:owners.bzl", "KNOWN_PACKAGES", "OWNED_AREAS")

def _check_owned(name, deps):
    for dep in deps:
        area = dep.split("/")[3]
        nearby = [p for p in KNOWN_PACKAGES if p.split("/")[3] == area]
        hint = "%s depends on %s, whose area '%s' has no owner.\nOwned packages in that area:\n  %s" % (
            name,
            dep,
            area,
            "\n  ".join(nearby),
        )
        if area not in OWNED_AREAS:
            fail(hint)

def owned_library(name, deps):
    _check_owned(name, deps)
    java_library(name = name, deps = deps, labels = ["owned"])
