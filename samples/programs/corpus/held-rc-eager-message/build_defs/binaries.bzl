load("//build_defs:toolchains.bzl", "check_toolchain")

def _declare(name, spec):
    check_toolchain(name, spec["toolchain"])
    cxx_binary(
        name = name,
        srcs = spec["srcs"],
        toolchain = spec["toolchain"],
    )

def _binaries_impl(specs):
    for name in sorted(specs):
        _declare(name, specs[name])

def cxx_binaries(specs):
    _binaries_impl(specs)
