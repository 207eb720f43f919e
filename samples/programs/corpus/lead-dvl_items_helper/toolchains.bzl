# Toolchain-aware libraries: each library looks up its toolchain by prefix.

TOOLCHAINS = {"prefix_{}".format(i): "toolchain_{}".format(i % 13) for i in range(600)}

def _toolchain_for(name, table):
    for prefix, toolchain in table.items():
        if name.startswith(prefix):
            return toolchain
    return "default"

def toolchain_libs(names):
    for name in names:
        tc = _toolchain_for(name, TOOLCHAINS)
        cxx_library(
            name = name,
            srcs = [name + ".cc"],
            compiler_flags = ["-toolchain=" + tc],
        )
