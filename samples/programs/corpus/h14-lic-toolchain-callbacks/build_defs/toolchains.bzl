_ARCHES = ["x86_64", "aarch64", "ppc64le"]
_MICRO = ["v%d" % i for i in range(1, 40)]

def _gcc_flags(opt):
    flags = []
    for arch in _ARCHES:
        for m in _MICRO:
            for feature in ["sse", "avx", "neon", "vsx", "popcnt", "bmi", "lzcnt", "fma"]:
                flags.append("-m%s-%s-%s-O%d" % (arch, m, feature, opt))
    return flags

def _clang_flags(opt):
    return ["-O%d" % opt, "-fno-omit-frame-pointer"]

TOOLCHAIN_FLAGS = {
    "gcc": _gcc_flags,
    "clang": _clang_flags,
}
