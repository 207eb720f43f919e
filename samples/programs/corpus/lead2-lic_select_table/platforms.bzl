# Libraries with per-platform flags picked from a table.

_ARCHES = ["x86_64", "aarch64", "riscv64", "armv7"]
_OSES = ["linux", "macos", "windows", "android", "ios"]

def _platform_table():
    return {
        "{}-{}".format(os, arch): ["-march={}".format(arch), "-D__{}__".format(os.upper())] + ["-DFEATURE_{}".format(f) for f in range(80)]
        for os in _OSES
        for arch in _ARCHES
    }

def _flags_for(platform):
    return _platform_table()[platform]

def platform_libraries(libs):
    for lib in libs:
        cxx_library(
            name = lib,
            srcs = [lib + ".cc"],
            compiler_flags = _flags_for("linux-x86_64"),
        )
