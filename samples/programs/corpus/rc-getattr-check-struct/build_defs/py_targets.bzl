load("//build_defs:py_checks.bzl", "PY_CHECKS")

def checked_python_binaries(targets, enabled = ("srcs", "interpreter")):
    for target in targets:
        for check_name in enabled:
            check = getattr(PY_CHECKS, check_name)
            check(target)
        python_library(
            name = target["name"],
            srcs = target["srcs"],
            base_module = target["name"],
        )
