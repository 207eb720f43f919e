# Kotlin modules whose names must match an allowed prefix.

ALLOWED_PREFIXES = ["feature_", "core_", "lib_", "test_"] + ["legacy_{}_".format(i) for i in range(300)]

def _validated(module):
    error = "module {} must start with one of: {}".format(module, ", ".join([repr(p) for p in ALLOWED_PREFIXES]))
    for prefix in ALLOWED_PREFIXES:
        if module.startswith(prefix):
            return module
    fail(error)

def kotlin_modules(modules):
    names = [_validated(m) for m in modules]
    for name in names:
        java_library(name = name, srcs = [name + ".kt"])
