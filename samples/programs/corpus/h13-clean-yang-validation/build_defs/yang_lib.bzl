"""Validated YANG module library: one yang_module target per (module, revision)."""

_MAX_NAME = 64

def _validate_module(name, revisions):
    if not name.islower():
        fail("YANG module names are lower case: %s" % name)
    if len(name) > _MAX_NAME:
        fail("YANG module name too long (%d > %d): %s" % (len(name), _MAX_NAME, name))
    if name.endswith("-") or name.endswith(".yang"):
        fail("bad YANG module name: %s" % name)
    if not revisions:
        fail("module %s has no revisions" % name)
    for rev in revisions:
        if len(rev) != 10 or rev[4] != "-" or rev[7] != "-":
            fail("module %s: malformed revision %s" % (name, rev))

def _revision_target(name, rev, prev):
    target = "%s@%s" % (name, rev)
    python_library(
        name = target,
        srcs = ["%s/%s@%s.yang" % (name.split("-")[1], name, rev), "%s/%s@%s_bindings.py" % (name.split("-")[1], name, rev)],
        deps = [":%s@%s" % (name, prev)] if prev else [],
        labels = ["yang", "rev:" + rev],
    )
    return ":" + target

def yang_module_library(name, modules):
    targets = []
    for module, revisions in modules.items():
        _validate_module(module, revisions)
        prev = None
        for rev in sorted(revisions):
            targets.append(_revision_target(module, rev, prev))
            prev = rev
    filegroup(name = name, srcs = targets)
