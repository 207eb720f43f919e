load("//build_defs:lint.bzl", "lint_matrix")

_DEFAULTS = {
    "source_level": "11",
    "lint_level": 2,
    "visibility": ["PUBLIC"],
}

def _javac_flags(cfg):
    matrix = lint_matrix(cfg["lint_level"])
    return ["-source", cfg["source_level"]] + matrix.get("unused:0", [])

def _declare_module(module, cfg):
    java_library(
        name = module,
        srcs = ["src/main/java/com/acme/{}/Main.java".format(module)],
        javac_flags = _javac_flags(cfg),
        visibility = cfg["visibility"],
    )

def _java_modules_impl(modules, overrides):
    cfg = dict(_DEFAULTS)
    cfg.update(overrides)
    for module in modules:
        _declare_module(module, cfg)

def java_modules(modules, **overrides):
    _java_modules_impl(modules, overrides)
