load("//build_defs:source_roots.bzl", "ALLOWED_ROOTS")

def _root_of(src):
    for root in ALLOWED_ROOTS:
        if src.startswith(root):
            return root
    return None

def _check_sources(name, srcs):
    roots = {}
    for src in srcs:
        root = _root_of(src)
        error = "kt_android_library(%s): %s is outside every allowed source root:\n  %s" % (
            name,
            src,
            "\n  ".join(ALLOWED_ROOTS),
        )
        if root == None:
            fail(error)
        roots[root] = True
    return sorted(roots)

def kt_android_library(name, srcs, deps = [], manifest = None, visibility = ["PUBLIC"]):
    roots = _check_sources(name, srcs)
    java_library(
        name = name,
        srcs = srcs,
        deps = deps,
        source_roots = roots,
        manifest = manifest,
        visibility = visibility,
    )
