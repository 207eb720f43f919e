load("//build_defs:asset_tbl.bzl", "expand_assets")

def _cook(r):
    genrule(
        name = r["name"],
        srcs = [r["src"]],
        out = r["name"] + ".pak",
        cmd = "cook --plat %s --kind %s --mips %d $SRCS $OUT" % (r["plat"], r["kind"], len(r["mips"])),
    )

def asset_pack(name, tbl, plats = ("pc", "ps5", "switch")):
    recs = expand_assets(tbl, plats)
    outs = []
    for r in recs:
        _cook(r)
        outs.append(":" + r["name"])
    filegroup(name = name, srcs = outs)
