# android_module(): the standard layout of a feature module -> library, resources, tests.

_RES_KINDS = ["layout", "drawable", "values", "menu", "navigation"]

def _check_name(name):
    if not name.islower() or " " in name:
        fail("android_module: name must be lower-case without spaces: " + name)

def _check_srcs(name, srcs):
    for src in srcs:
        if not (src.endswith(".kt") or src.endswith(".java")):
            fail("android_module(%s): unexpected source %s" % (name, src))

def _layout(name, classes, resources):
    pkg = name.replace("-", "")
    return struct(
        srcs = ["src/main/java/com/shop/%s/%s.kt" % (pkg, c) for c in classes],
        tests = ["src/test/java/com/shop/%s/%sTest.kt" % (pkg, c) for c in classes],
        res = {kind: ["src/main/res/%s/%s_%s.xml" % (kind, pkg, r) for r in resources] for kind in _RES_KINDS},
    )

def _res_targets(name, res):
    targets = []
    for kind in _RES_KINDS:
        target = "%s-res-%s" % (name, kind)
        filegroup(name = target, srcs = res[kind])
        targets.append(":" + target)
    return targets

def android_module(name, classes, resources, deps = [], visibility = ["PUBLIC"]):
    _check_name(name)
    layout = _layout(name, classes, resources)
    _check_srcs(name, layout.srcs)
    res_targets = _res_targets(name, layout.res)
    java_library(
        name = name,
        srcs = layout.srcs,
        resources = res_targets,
        deps = deps,
        visibility = visibility,
    )
    java_library(
        name = name + "-tests",
        srcs = layout.tests,
        deps = [":" + name] + deps,
    )
