def _font(family, weight):
    name = "{}-{}".format(family, weight).lower()
    return struct(
        name = name,
        srcs = ["fonts/{}/{}.ttf".format(family, weight), "fonts/{}/{}.woff2".format(family, weight)],
        metadata = {"family": family, "weight": weight, "license": "OFL-1.1"},
    )

def font_targets(families, weights):
    fonts = {f.name: f for f in [_font(fam, w) for fam in families for w in weights]}
    for name in fonts:
        f = fonts[name]
        filegroup(name = name, srcs = f.srcs, labels = [f.metadata["license"]])
