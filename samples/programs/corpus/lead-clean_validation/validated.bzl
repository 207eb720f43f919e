# A library macro that validates its arguments before declaring the target.

_ALLOWED_EXTENSIONS = (".cc", ".cpp", ".c")

def _validate_name(name):
    if len(name) > 64:
        fail("name too long: " + name)
    if not name.islower():
        fail("name must be lower case: " + name)

def _validate_srcs(name, srcs):
    for src in srcs:
        if not src.endswith(_ALLOWED_EXTENSIONS):
            fail("{}: unsupported source {}".format(name, src))
        if src.startswith("/"):
            fail("{}: absolute source {}".format(name, src))

def validated_library(name, srcs, deps = []):
    _validate_name(name)
    _validate_srcs(name, srcs)
    cxx_library(
        name = name,
        srcs = srcs,
        deps = deps,
        compiler_flags = ["-DLIB_NAME=" + name],
    )
