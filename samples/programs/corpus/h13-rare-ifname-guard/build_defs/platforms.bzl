"""Chassis layouts: platform -> struct(fpcs, pics, ports, prefixes)."""

PLATFORMS = {
    "mx10008": struct(fpcs = 8, pics = 2, ports = 12, prefixes = ["et", "xe", "ge", "ae"]),
    "mx204": struct(fpcs = 1, pics = 2, ports = 8, prefixes = ["et", "xe"]),
    "ptx10003": struct(fpcs = 3, pics = 1, ports = 36, prefixes = ["et"]),
}

def platform_layout(platform):
    return PLATFORMS[platform]
