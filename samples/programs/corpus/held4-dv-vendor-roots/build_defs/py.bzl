load("//build_defs:vendor.bzl", "vendor_root")

def _split_sources(srcs):
    own = []
    vendored = []
    for src in srcs:
        if vendor_root(src) != None:
            vendored.append(src)
        else:
            own.append(src)
    return own, vendored

def py_package(name, srcs, deps = []):
    own, vendored = _split_sources(srcs)
    python_library(name = name, srcs = own, deps = deps)
    if vendored:
        python_library(name = name + "_vendored", srcs = vendored)
