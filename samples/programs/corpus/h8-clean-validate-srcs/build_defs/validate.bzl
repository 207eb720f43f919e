_OK = (".c", ".cpp", ".s", ".h")

def _check_src(name, s):
    if len(s) > 120:
        fail("%s: path too long: %s" % (name, s))
    if not s.endswith(_OK):
        fail("%s: bad extension: %s" % (name, s))
    if not s.islower():
        fail("%s: source names must be lower case: %s" % (name, s))

def _check_name(n):
    if not n.replace("_", "").isalnum():
        fail("bad target name " + n)

def checked_lib(name, srcs, hdrs = [], deps = [], defines = {}):
    _check_name(name)
    for s in srcs:
        _check_src(name, s)
    for h in hdrs:
        _check_src(name, h)
    dfl = ["-D%s=%s" % (k, v) for k, v in defines.items()]
    cxx_library(name = name, srcs = srcs, headers = hdrs, deps = deps, preprocessor_flags = dfl)
