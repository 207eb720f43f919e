# asset_pack(): one genrule whose command copies every asset into the pack layout.

_STEP = {
    "png": lambda src, dst: "pngcrush -q {} {} && ".format(src, dst),
    "json": lambda src, dst: "jq -c . {} > {} && ".format(src, dst),
    "ttf": lambda src, dst: "cp {} {} && ".format(src, dst),
}

def _dest(pack, src):
    return "$OUT/{}/{}".format(pack, src.rpartition("/")[2])

def _pack_cmd(pack, srcs):
    cmd = "mkdir -p $OUT/%s && " % pack
    for src in srcs:
        ext = src.rpartition(".")[2]
        cmd += _STEP[ext](src, _dest(pack, src))
    return cmd + "true"

def asset_pack(name, pack, srcs, visibility = ["PUBLIC"]):
    genrule(
        name = name,
        srcs = srcs,
        out = pack,
        cmd = _pack_cmd(pack, srcs),
        visibility = visibility,
    )
