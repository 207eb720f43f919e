# Libraries take their config from a table; a missing entry falls back to a generated default.

CONFIGS = {"lib_{}".format(i): {"opt": "-O2", "defines": ["LIB_{}".format(i)]} for i in range(1200)}

def _default_config(name):
    """A full default config, with every optional define spelled out."""
    return {
        "opt": "-O0",
        "defines": ["DEFAULT_{}_{}".format(name.upper(), i) for i in range(150)],
    }

def configured_libraries(names):
    for name in names:
        # The default is built on every call, although every library has an entry.
        config = CONFIGS.get(name, _default_config(name))
        cxx_library(name = name, srcs = [name + ".cpp"], compiler_flags = [config["opt"]] + config["defines"])
