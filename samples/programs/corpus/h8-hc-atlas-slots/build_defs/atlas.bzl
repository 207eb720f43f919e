load("//build_defs:limits.bzl", "ATLAS_PAGE")
load("//build_defs:slots.bzl", _sn = "slot_names")

def _pack_cmd(texs, slots):
    c = ["atlaspack --page %d" % ATLAS_PAGE]
    for i, t in enumerate(texs):
        c.append("--put %s=%s" % (t, slots[i]))
    return " ".join(c) + " -o $OUT"

def texture_atlas(name, textures, fmt = "bc7"):
    slots = _sn(name)
    genrule(
        name = name,
        srcs = textures,
        out = "%s.%s.atlas" % (name, fmt),
        cmd = _pack_cmd(textures, slots),
    )
