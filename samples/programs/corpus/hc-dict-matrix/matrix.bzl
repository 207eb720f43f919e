# CI build matrix: one genrule per OS, reading its default configuration.

STD_VERSIONS = ["c++11", "c++14", "c++17", "c++20", "c++23"]
BUILD_TYPES = ["debug", "release", "relwithdebinfo", "minsize"]
SANITIZERS = ["none", "asan", "tsan", "ubsan", "msan", "hwasan", "lsan", "cfi"]

def build_matrix(name, oses, arches, compilers):
    # The full cartesian product as one dict comprehension, keyed by tuple.
    matrix = {
        (os, arch, cc, std, bt, san): "{}-{}-{}-{}-{}-{}".format(os, arch, cc, std, bt, san)
        for os in oses
        for arch in arches
        for cc in compilers
        for std in STD_VERSIONS
        for bt in BUILD_TYPES
        for san in SANITIZERS
    }
    for os in oses:
        genrule(
            name = "{}_{}".format(name, os),
            out = os + ".txt",
            cmd = "build " + matrix[(os, arches[0], compilers[0], "c++17", "release", "none")],
        )
