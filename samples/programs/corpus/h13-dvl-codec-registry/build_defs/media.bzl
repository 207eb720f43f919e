load("//build_defs:codecs.bzl", "REGISTRY")

def _trunk_profile(registry, trunk, offered):
    matched = 0
    even_leg = trunk.endswith(("0", "2", "4", "6", "8"))
    for codec in offered:
        prefix = codec + "/"
        for key in registry.known():
            if even_leg and key.startswith(prefix):
                matched += 1
    return struct(trunk = trunk, matched = matched)

def media_gateway_profiles(name, trunks, offered):
    profiles = [_trunk_profile(REGISTRY, t, offered) for t in trunks]
    for p in profiles:
        genrule(
            name = "mgw-" + p.trunk,
            srcs = ["mgw/profile.xml.in"],
            out = p.trunk + ".xml",
            cmd = "mgwconf --trunk %s --codecs %d $SRCS > $OUT" % (p.trunk, p.matched),
        )
    filegroup(name = name, srcs = [":mgw-" + t for t in trunks])
