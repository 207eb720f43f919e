DEP_REMAP = {
    "//third-party/legacy/lib{}".format(i): "//third-party/cxx/lib{}".format(i)
    for i in range(250)
}

def remap_dep(dep):
    for prefix, replacement in DEP_REMAP.items():
        if dep == prefix:
            return replacement
    return dep
