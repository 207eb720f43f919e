load("//build_defs:densities.bzl", "QUALIFIER_SPLITS")

def _qualifier_of(path):
    dirname = path.split("/")[-2]
    return dirname.partition("-")[2]

def _split_for(path):
    qualifier = _qualifier_of(path)
    for suffix, split in QUALIFIER_SPLITS.items():
        if qualifier == suffix:
            return split
    return "base"

def _group_by_split(srcs):
    groups = {}
    for src in srcs:
        groups.setdefault(_split_for(src), []).append(src)
    return groups

def android_split_resources(name, srcs, visibility = ["PUBLIC"]):
    groups = _group_by_split(srcs)
    for split in sorted(groups):
        filegroup(
            name = "%s-%s" % (name, split),
            srcs = groups[split],
            visibility = visibility,
        )
    filegroup(name = name, srcs = [":%s-%s" % (name, s) for s in sorted(groups)], visibility = visibility)
