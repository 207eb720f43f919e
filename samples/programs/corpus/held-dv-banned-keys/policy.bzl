BANNED_DEPS = {
    "//third-party/java/old-guava-{}:jar".format(v): "use //third-party/java/guava:jar"
    for v in range(400)
}

def _filtered_deps(deps):
    return [d for d in deps if d not in BANNED_DEPS.keys()]

def _java_libs_impl(names, common_deps):
    for name in names:
        java_library(
            name = name,
            srcs = ["src/{}/Lib.java".format(name)],
            deps = _filtered_deps(common_deps + [":{}_api".format(name)]),
        )

def java_libs(names, common_deps = []):
    _java_libs_impl(names, common_deps)
