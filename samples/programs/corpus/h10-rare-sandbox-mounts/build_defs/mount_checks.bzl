load("//build_defs:mount_table.bzl", "ALLOWED_MOUNTS")

_MODE_RANK = {"ro": 0, "rw": 1}

def _closest_paths(path):
    """Allowed mounts sharing the first path component, for a 'did you mean' hint."""
    head = path.split("/")[1]
    return [
        allowed
        for allowed in sorted(ALLOWED_MOUNTS)
        if allowed.split("/")[1] == head
    ]

def validate_mount(service, path, mode):
    hint = _closest_paths(path)
    granted = ALLOWED_MOUNTS.get(path)
    if granted == None:
        fail("%s: %s is not an allowed mount; did you mean one of:\n%s" % (service, path, "\n".join(hint)))
    if _MODE_RANK[mode] > _MODE_RANK[granted]:
        fail("%s: %s may only be mounted %s" % (service, path, granted))
