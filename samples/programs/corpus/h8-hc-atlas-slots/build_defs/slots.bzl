load("//build_defs:limits.bzl", "ATLAS_SLOTS")

def slot_names(pfx):
    return ["%s/slot_%d" % (pfx, i) for i in range(ATLAS_SLOTS)]
