load("//build_defs:owners.bzl", "owner_for")

_owner = owner_for

def _source_labels(base, srcs):
    return {src: _owner("%s/%s" % (base, src)) for src in srcs}

def _py_tree_impl(name, base, srcs, deps):
    owners = _source_labels(base, srcs)
    oncalls = sorted({o: None for o in owners.values() if o != None}.keys())
    python_library(
        name = name,
        srcs = srcs,
        deps = deps,
        labels = ["oncall:" + o for o in oncalls],
        contacts = oncalls,
    )

def python_tree(name, srcs, deps = []):
    _py_tree_impl(name, "fbcode/" + package_name() if package_name() else "fbcode/ml", srcs, deps)
