load("//build_defs:allowlists.bzl", "checks")

def _filter_deps(name, deps):
    allowed = []
    rejected = []
    for dep in deps:
        if checks.first_party(dep) or checks.approved(dep):
            allowed.append(dep)
        else:
            rejected.append(dep)
    return allowed, rejected

def _product_binary_impl(name, srcs, deps, strict):
    allowed, rejected = _filter_deps(name, deps)
    if rejected and strict:
        fail("%s links unapproved third-party code: %s" % (name, ", ".join(rejected)))
    cxx_binary(
        name = name,
        srcs = srcs,
        deps = allowed,
        link_style = "static",
        labels = ["product", "unapproved:%d" % len(rejected)],
    )

def product_binary(name, srcs, deps, strict = False):
    _product_binary_impl(name, srcs, deps, strict)
