load("//build_defs:toolchains.bzl", "TOOLCHAIN_FLAGS")

def aligner_library(name, srcs, toolchain = "gcc", opt = 3):
    flag_fn = TOOLCHAIN_FLAGS[toolchain]
    objs = []
    for src in srcs:
        base = src.replace(".c", "")
        flags = flag_fn(opt)
        cxx_library(
            name = "%s_%s" % (name, base),
            srcs = [src],
            compiler_flags = flags[:4],
        )
        objs.append(":%s_%s" % (name, base))
    cxx_library(name = name, exported_deps = objs)
