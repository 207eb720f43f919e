_MAX_NAME = 64
_SRC_SUFFIXES = (".rs",)

def _valid_name(name):
    if not name or len(name) > _MAX_NAME:
        return False
    if not name.islower():
        return False
    return name.replace("_", "").replace("-", "").isalnum()

def _valid_dep(dep):
    return dep.startswith("//") or dep.startswith(":")

def validate_crate(name, srcs, deps, features, edition):
    if not _valid_name(name):
        fail("rust crate name %r must be lower-case, alphanumeric, at most %d chars" % (name, _MAX_NAME))
    if edition not in ("2018", "2021", "2024"):
        fail("%s: unsupported edition %s" % (name, edition))
    for src in srcs:
        if not src.endswith(_SRC_SUFFIXES):
            fail("%s: %s is not a rust source" % (name, src))
        if src.startswith("/") or ".." in src:
            fail("%s: source %s escapes the package" % (name, src))
    for dep in deps:
        if not _valid_dep(dep):
            fail("%s: dependency %s is not a label" % (name, dep))
    for feature in features:
        if not feature.islower() or len(feature) > 32:
            fail("%s: feature %r must be lower-case and short" % (name, feature))
