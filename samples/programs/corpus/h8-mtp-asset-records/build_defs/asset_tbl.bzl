_MIPS = 12
_FMTS = {"pc": ("bc7", "bc5", "bc4"), "ps5": ("bc7", "bc5", "bc1"), "switch": ("astc4", "astc6", "etc2")}

def _rec(a, plat):
    n, kind, sz = a
    base = "%s_%s" % (n.replace("/", "_"), plat)
    return {
        "name": base,
        "src": "raw/%s.%s" % (n, kind),
        "kind": kind,
        "mips": ["%s/%s_mip%d.%s" % (plat, n, m, f) for m in range(_MIPS) if (sz >> m) > 4 for f in _FMTS[plat]],
        "meta": {"w": sz, "h": sz, "fmt": _FMTS[plat][0], "srgb": kind == "png", "path": "cooked/%s/%s" % (plat, n)},
        "deps": [":%s_%s" % (d, plat) for d in ("palette", "gamma")],
        "plat": plat,
    }

def expand_assets(tbl, plats):
    recs = []
    for a in tbl:
        for p in plats:
            recs.append(_rec(a, p))
    return recs
