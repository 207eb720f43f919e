_BUNDLE_FORMATS = {
    "ios": struct(ext = "car", tool = "actool"),
    "android": struct(ext = "apk-assets", tool = "aapt2"),
    "web": struct(ext = "zip", tool = "zip"),
}

def _fmt(platform):
    f = _BUNDLE_FORMATS.get(platform)
    if f == None:
        fail("asset_bundle: unknown platform " + platform)
    return f

def asset_bundle(name, pack, platform, asset_count, manifest):
    fmt = _fmt(platform)
    genrule(
        name = name,
        srcs = [manifest],
        out = "%s.%s" % (name, fmt.ext),
        cmd = "{tool} --pack {pack} --count {n} --manifest $(location {m}) -o $OUT".format(
            tool = fmt.tool,
            pack = pack,
            n = asset_count,
            m = manifest,
        ),
    )
