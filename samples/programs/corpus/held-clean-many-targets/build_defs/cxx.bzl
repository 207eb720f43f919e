_DEFAULT_FLAGS = ["-O2", "-g", "-fno-exceptions"]

def _validate(name, srcs):
    if not name.islower():
        fail("target names must be lower case: {}".format(name))
    for src in srcs:
        if not (src.endswith(".cpp") or src.endswith(".cc")):
            fail("{}: unexpected source {}".format(name, src))

def _library_attrs(name, spec):
    return {
        "name": name,
        "srcs": spec["srcs"],
        "headers": ["{}.h".format(s.removesuffix(".cpp")) for s in spec["srcs"]],
        "deps": spec.get("deps", []),
        "compiler_flags": _DEFAULT_FLAGS + spec.get("flags", []),
    }

def cxx_component(specs):
    for name, spec in specs:
        _validate(name, spec["srcs"])
        cxx_library(**_library_attrs(name, spec))
