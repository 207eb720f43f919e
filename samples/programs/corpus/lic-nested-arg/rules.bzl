OSES = ["ios", "macos", "tvos", "watchos", "visionos"]

def _all_constraints():
    out = {}
    for os in OSES:
        for v in range(11, 19):
            for arch in ["arm64", "x86_64", "arm64e"]:
                out["{}{}-{}".format(os, v, arch)] = ["-target", "{}-apple-{}{}.0".format(arch, os, v), "-sdk", os]
    return out

def _resolve(module, constraints):
    return constraints["ios17-arm64"] + ["-module-name", module]

def swift_modules(modules):
    for m in modules:
        flags = _resolve(m, _all_constraints())
        cxx_library(name = m, srcs = [m + ".swift"], compiler_flags = flags)
