_DEFAULT_COPTS = ["-O2", "-fno-exceptions", "-Wall"]

def _component_spec(name, root):
    hdrs = ["{}/{}/include/{}_{}.h".format(root, name, name, i) for i in range(6)]
    srcs = ["{}/{}/src/{}_{}.cc".format(root, name, name, i) for i in range(10)]
    return {
        "name": name,
        "srcs": srcs,
        "headers": hdrs,
        "compiler_flags": _DEFAULT_COPTS + ["-DCOMPONENT_{}".format(name.upper())],
    }

def component_libraries(names, root = "components"):
    by_name = {}
    for name in names:
        by_name[name] = _component_spec(name, root)

    for name in names:
        spec = by_name[name]
        cxx_library(
            name = spec["name"],
            srcs = spec["srcs"],
            headers = spec["headers"],
            compiler_flags = spec["compiler_flags"],
        )
