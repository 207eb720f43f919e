load("//build_defs:remap.bzl", "DEP_REMAP")

def _rewrite_deps(name, deps):
    rewritten = []
    for dep in deps:
        new = dep
        for old_prefix, new_prefix in DEP_REMAP.items():
            if dep.startswith(old_prefix) and dep[len(old_prefix):len(old_prefix) + 1] in (":", ""):
                new = new_prefix + dep[len(old_prefix):]
                break
        rewritten.append(new)
    return rewritten

def _library_impl(name, srcs, headers, deps, exported_deps, visibility):
    cxx_library(
        name = name,
        srcs = srcs,
        exported_headers = headers,
        deps = _rewrite_deps(name, deps),
        exported_deps = _rewrite_deps(name, exported_deps),
        visibility = visibility,
    )

def company_cxx_library(name, srcs = [], headers = [], deps = [], exported_deps = [], visibility = None):
    if visibility == None:
        visibility = ["//%s/..." % package_name().split("/")[0]]
    _library_impl(name, srcs, headers, deps, exported_deps, visibility)
