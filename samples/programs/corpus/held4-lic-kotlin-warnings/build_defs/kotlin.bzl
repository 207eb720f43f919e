# Kotlin module macros.

_WARNING_IDS = ["KT%d" % i for i in range(300)]

def _warning_flags(level):
    flags = []
    for wid in _WARNING_IDS:
        flags.append("-Xwarning-level={}:{}".format(wid, level))
    return flags

def _module_attrs(name, level, visibility):
    return {
        "name": name,
        "srcs": ["src/{}/Main.kt".format(name)],
        "compiler_flags": _warning_flags(level),
        "visibility": visibility,
    }

def _kotlin_modules_impl(modules, level, visibility):
    for module in modules:
        attrs = _module_attrs(module, level, visibility)
        java_library(**attrs)

def kotlin_modules(modules, level = "error", visibility = ["PUBLIC"]):
    _kotlin_modules_impl(modules, level, visibility)
