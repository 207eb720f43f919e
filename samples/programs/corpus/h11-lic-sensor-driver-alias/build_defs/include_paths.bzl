load("//build_defs:platforms.bzl", "VENDOR_TREE")

def _expand_vendor_tree(sdk, arch):
    paths = []
    for root in VENDOR_TREE[sdk]:
        for sub in ["include", "include/hal", "include/drivers", "include/can", "include/gmsl", "include/eth"]:
            for variant in ["", "/" + arch, "/" + arch + "/debug", "/" + arch + "/release"]:
                paths.append("-isystem third_party/" + root + "/" + sub + variant)
    return paths

def platform_include_paths(info):
    flags = _expand_vendor_tree(info.vendor_sdk, info.arch)
    return [f for f in flags if not f.endswith("/debug")]
