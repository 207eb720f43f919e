# A library macro that validates every attribute before declaring the target.

MAX_NAME_LENGTH = 64
ALLOWED_LABEL_PREFIXES = {"team:": True, "tier:": True, "oncall:": True}
SOURCE_SUFFIXES = (".cpp", ".cc", ".c")
HEADER_SUFFIXES = (".h", ".hpp")

def _check_name(name):
    if len(name) == 0 or len(name) > MAX_NAME_LENGTH:
        fail("bad name length: " + name)
    if not name.islower():
        fail("names must be lower case: " + name)

def _check_files(name, files, suffixes):
    for f in files:
        if not f.endswith(suffixes):
            fail("{}: {} does not end with one of {}".format(name, f, suffixes))
        if f.startswith("/") or ".." in f:
            fail("{}: {} must be a relative path inside the package".format(name, f))

def _check_labels(name, labels):
    for label in labels:
        prefix = label.partition(":")[0] + ":"
        if prefix not in ALLOWED_LABEL_PREFIXES:
            fail("{}: label {} has an unknown prefix".format(name, label))

def _check_deps(name, deps):
    for dep in deps:
        if not (dep.startswith(":") or dep.startswith("//")):
            fail("{}: dep {} is not a target".format(name, dep))
        if dep == ":" + name:
            fail("{} depends on itself".format(name))

def validated_library(name, srcs, headers, deps, labels):
    _check_name(name)
    _check_files(name, srcs, SOURCE_SUFFIXES)
    _check_files(name, headers, HEADER_SUFFIXES)
    _check_labels(name, labels)
    _check_deps(name, deps)
    cxx_library(name = name, srcs = srcs, headers = headers, deps = deps, labels = labels)
