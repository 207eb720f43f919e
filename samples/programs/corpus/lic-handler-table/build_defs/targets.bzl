load("//build_defs:flags.bzl", "platform_copts")

def _library(name, spec, mode):
    copts = platform_copts(mode)
    cxx_library(name = name, srcs = spec["srcs"], compiler_flags = copts["linux-x86_64"][:4])

def _unit_test(name, spec, mode):
    copts = platform_copts(mode)
    cxx_binary(name = name, srcs = spec["srcs"], compiler_flags = copts["linux-x86_64"][:4], labels = ["unit"])

_HANDLERS = {
    "lib": _library,
    "test": _unit_test,
}

def service_targets(name, components, mode = "opt"):
    for spec in components:
        emit = _HANDLERS[spec["kind"]]
        emit("%s_%s" % (name, spec["name"]), spec, mode)
