# Per-asset checks run by asset_catalog(); each returns a verdict struct.

_MAX_BYTES = {"png": 512 * 1024, "webp": 256 * 1024, "svg": 64 * 1024, "json": 128 * 1024, "ttf": 2048 * 1024}
_FORMATS = ["png", "webp", "svg", "json", "ttf"]

def _describe(asset, rule):
    return "\n".join([
        "asset check '{}' failed".format(rule),
        "  path:     {}".format(asset.path),
        "  format:   {}".format(asset.ext),
        "  size:     {} bytes (limit {})".format(asset.size, _MAX_BYTES.get(asset.ext, 0)),
        "  density:  {}".format(asset.density),
        "  owner:    {}".format(asset.owner),
        "  budgets:  {}".format(", ".join(["{}<={}KiB".format(f, _MAX_BYTES[f] // 1024) for f in _FORMATS])),
        "  allowed:  {}".format(" | ".join(["*.{}".format(f) for f in _FORMATS])),
        "  see go/asset-budget for the size budget and go/asset-naming for naming rules",
    ])

def _verdict(ok, asset, rule):
    return struct(ok = ok, rule = rule, message = _describe(asset, rule))

CHECKS = {
    "format": lambda a: _verdict(a.ext in _MAX_BYTES, a, "format"),
    "size": lambda a: _verdict(a.size <= _MAX_BYTES.get(a.ext, 0), a, "size"),
    "naming": lambda a: _verdict(a.name.islower() and " " not in a.name, a, "naming"),
}
