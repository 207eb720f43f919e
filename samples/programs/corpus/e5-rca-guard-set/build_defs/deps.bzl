# Third-party dependencies must come from the approved catalog.

CATALOG = [
    struct(label = "//third_party/group%d:lib%d" % (i % 40, i), version = "1.%d" % (i % 9))
    for i in range(2000)
]

def _check_dep(dep, allowed_extra):
    known = [lib.label for lib in CATALOG]
    known.extend(allowed_extra)
    if dep not in known:
        fail("%s is not in the third-party catalog" % dep)

def checked_java_library(name, deps, allowed_extra = []):
    for dep in deps:
        _check_dep(dep, allowed_extra)
    java_library(name = name, deps = deps)
