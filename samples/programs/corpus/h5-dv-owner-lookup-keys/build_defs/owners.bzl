# Directory -> oncall, generated from OWNERS files.
OWNERS = {
    "%s/%s" % (top, sub): "oncall_%s_%s" % (top.replace("/", "_"), sub)
    for top in ["fbcode/ads", "fbcode/search", "fbcode/infra", "fbcode/ml", "fbcode/video", "fbcode/messaging", "fbcode/payments", "fbcode/security",
                "fbcode/maps", "fbcode/commerce", "fbcode/gaming", "fbcode/identity", "fbcode/growth", "fbcode/devx", "fbcode/storage", "fbcode/network"]
    for sub in ["ranking", "serving", "storage", "training", "indexing", "delivery", "tooling", "frontend", "backend", "data", "privacy", "reliability", "experiments", "quality", "clients", "common"]
}

def owner_for(path):
    """Longest OWNERS prefix of `path`, or None."""
    dir = path
    for _ in range(8):
        if dir in OWNERS.keys():
            return OWNERS[dir]
        if "/" not in dir:
            return None
        dir = dir.rsplit("/", 1)[0]
    return None
