PINNED = {"lib{}".format(i): "//third-party/lib{}:lib{}".format(i, i) for i in range(0, 2000, 3)}

def _resolve(name):
    known = PINNED.keys()
    if name in known:
        return PINNED[name]
    return ":" + name + "_src"

def resolved_libraries(names):
    for name in names:
        cxx_library(name = name, srcs = [name + ".c"], deps = [_resolve(name)])
