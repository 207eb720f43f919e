load("//build_defs:codeowners.bzl", "owners_for", "parse_codeowners")
load("//build_defs:codeowners_data.bzl", "CODEOWNERS")

def _owner_label(owners):
    return "owner=" + owners[0].replace("@acme/", "")

def _owned_python_library_impl(name, srcs, base_path, deps, visibility):
    owners = {
        src: owners_for(base_path + "/" + src, parse_codeowners(CODEOWNERS))
        for src in srcs
    }
    orphans = [src for src in srcs if owners[src] == None]
    if orphans:
        fail("%s: files without a CODEOWNERS entry: %s" % (name, ", ".join(orphans)))
    labels = sorted({_owner_label(o): True for o in owners.values()})
    python_library(
        name = name,
        srcs = srcs,
        deps = deps,
        labels = labels,
        visibility = visibility,
    )

def owned_python_library(name, srcs, base_path, deps = [], visibility = None):
    """python_library that carries owner=<team> labels derived from CODEOWNERS."""
    _owned_python_library_impl(name, srcs, base_path, deps, visibility or ["//security/..."])
