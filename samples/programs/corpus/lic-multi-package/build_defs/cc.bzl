# Shared C++ service macro used by every package of the repository.

SANITIZERS = ["address", "undefined", "thread", "memory", "leak", "hwaddress"]
OPT_LEVELS = ["-O0", "-O1", "-O2", "-O3", "-Os", "-Oz"]

def _sanitizer_matrix(sanitizers):
    """Compiler flags for every (sanitizer, opt level, debug) combination."""
    matrix = {}
    for san in sanitizers:
        for opt in OPT_LEVELS:
            for debug in range(25):
                matrix["{}{}g{}".format(san, opt, debug)] = ["-fsanitize=" + san, opt, "-g{}".format(debug % 4), "-fno-omit-frame-pointer"]
    return matrix

def cc_service(name, srcs, deps = []):
    sanitizer = read_config("cc", "sanitizer", "address")
    for src in srcs:
        # Same argument for every source file: the whole matrix is rebuilt per object library.
        flags = _sanitizer_matrix(SANITIZERS)["{}-O2g1".format(sanitizer)]
        cxx_library(
            name = "{}_{}".format(name, src.replace("/", "_").replace(".cpp", "")),
            srcs = [src],
            compiler_flags = flags,
            deps = deps,
        )
    cxx_binary(name = name, srcs = ["main.cpp"], deps = deps)
