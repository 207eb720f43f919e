load(":f2c.bzl", "f2c_command")
load(":routines.bzl", "LEGACY_ROUTINES")

def _wrapper_impl(name, routines, src_dir, precision):
    wanted = [r for r in routines if r[0] in precision]
    genrule(
        name = name + "_c",
        out = name + "_c",
        srcs = ["{}/{}.f".format(src_dir, r) for r in wanted],
        cmd = f2c_command(wanted, src_dir),
    )
    cxx_library(
        name = name,
        srcs = [":{}_c".format(name)],
        compiler_flags = ["-w", "-fno-strict-aliasing"],
        deps = ["//third_party/f2c:libf2c"],
    )

def legacy_fortran_wrappers(name, src_dir = "legacy/netlib", precisions = ["sdcz"]):
    for precision in precisions:
        _wrapper_impl("{}_{}".format(name, precision), LEGACY_ROUTINES, src_dir, precision)
