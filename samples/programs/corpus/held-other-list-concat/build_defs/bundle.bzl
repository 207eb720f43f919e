def _asset_path(kind, i):
    return "assets/{}/{}_{}.bin".format(kind, kind, i)

def _bundle_impl(name, kinds, per_kind):
    srcs = []
    for kind in kinds:
        for i in range(per_kind):
            srcs = srcs + [_asset_path(kind, i)]
    filegroup(name = name, srcs = srcs)

def asset_bundle(name, kinds, per_kind = 500):
    _bundle_impl(name, kinds, per_kind)
