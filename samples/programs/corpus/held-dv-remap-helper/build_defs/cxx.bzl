load("//build_defs:remap.bzl", "remap_dep")

def _cxx_libs_impl(libs):
    for lib in libs:
        cxx_library(
            name = lib["name"],
            srcs = lib["srcs"],
            deps = [remap_dep(d) for d in lib["deps"]],
        )

def cxx_libs(libs):
    _cxx_libs_impl(libs)
