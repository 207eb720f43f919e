# Checks of a Python binary's attributes, looked up by name.
_ALLOWED_INTERPRETERS = ["cpython-3.{}.{}".format(minor, patch) for minor in range(8, 16) for patch in range(40)]

def _check_interpreter(target):
    hint = "{} asks for {}; allowed interpreters: {}".format(
        target["name"],
        target["interpreter"],
        " ".join(_ALLOWED_INTERPRETERS),
    )
    if target["interpreter"] not in _ALLOWED_INTERPRETERS:
        fail(hint)

def _check_srcs(target):
    if not target["srcs"] or not target["srcs"][0].endswith(".py"):
        fail("{} needs .py sources".format(target["name"]))

PY_CHECKS = struct(
    interpreter = _check_interpreter,
    srcs = _check_srcs,
)
