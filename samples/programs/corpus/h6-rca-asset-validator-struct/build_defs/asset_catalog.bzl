load("//build_defs:asset_checks.bzl", "CHECKS")

_CHECK_ORDER = ["format", "size", "naming"]

def _parse(path, size, owner):
    stem, _, ext = path.rpartition(".")
    base = stem.rpartition("/")[2]
    name, _, density = base.partition("@")
    return struct(path = path, ext = ext, name = name, density = density or "1x", size = size, owner = owner)

def _run_checks(asset):
    for check in _CHECK_ORDER:
        verdict = CHECKS[check](asset)
        if not verdict.ok:
            fail(verdict.message)

def asset_catalog(name, assets, owner, visibility = ["PUBLIC"]):
    parsed = []
    for path, size in assets:
        asset = _parse(path, size, owner)
        _run_checks(asset)
        parsed.append(asset)
    genrule(
        name = name,
        srcs = [a.path for a in parsed],
        out = name + ".xcassets.zip",
        cmd = "actool --compile $OUT $SRCS",
        visibility = visibility,
    )
