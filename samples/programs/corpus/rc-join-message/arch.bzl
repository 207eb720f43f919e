ALLOWED = ["arch_{}".format(i) for i in range(700)]
ALLOWED_SET = {a: True for a in ALLOWED}

def _validate(target):
    arch = target.rpartition("_")[0]
    msg = "unsupported arch in {}; supported:\n{}".format(target, "\n".join(["  - " + a for a in ALLOWED]))
    if arch not in ALLOWED_SET:
        fail(msg)

def arch_libraries(targets):
    for t in targets:
        _validate(t)
        cxx_library(name = t, srcs = [t + ".s"])
