# Asset bundles: each bundle ships the shared icon set plus its own files.

def _shared_icons():
    icons = []
    for size in [16, 24, 32, 48, 64, 128, 256]:
        for theme in ["light", "dark", "high-contrast"]:
            for i in range(60):
                icons.append("icons/{}/{}x{}/icon_{}.png".format(theme, size, size, i))
    return icons

def asset_bundles(bundles):
    for bundle in bundles:
        icons = _shared_icons()
        genrule(
            name = bundle,
            out = bundle + ".zip",
            cmd = "zip $OUT " + " ".join(icons[:4]),
        )
