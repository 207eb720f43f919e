# Per-module compiler overrides: a few modules need special flags.

OVERRIDES = {"mod_{}".format(i * 7): ["-DOVERRIDE_{}".format(i)] for i in range(400)}

def apply_overrides(modules):
    for module in modules:
        flags = []
        if module in OVERRIDES.keys():
            flags = OVERRIDES[module]
        cxx_library(
            name = module,
            srcs = [module + ".c"],
            compiler_flags = flags,
        )
