# Binaries whose deps are checked against a banned list.

def checked_binaries(names, banned):
    for name in names:
        deps = [":" + name + "_lib"]
        error = "{} depends on a banned library; banned libraries are: {}".format(name, "\n  ".join(banned))
        for dep in deps:
            if dep in banned:
                fail(error)
        cxx_binary(name = name, srcs = [name + ".cc"], deps = deps)
