load("//build_defs:base.bzl", "studio_cxx_library")

def engine_module(name, plat, srcs, deps = [], **kw):
    studio_cxx_library(
        name = "%s_%s" % (name, plat),
        srcs = srcs,
        deps = ["%s_%s" % (d, plat) for d in deps],
        flags = ["-DPLATFORM_%s=1" % plat.upper()],
        labels = ["plat:" + plat],
        **kw
    )
