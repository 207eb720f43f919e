def _join(base, rel):
    if not base:
        return rel
    return base.rstrip("/") + "/" + rel

def _basename(path):
    return path.rsplit("/", 1)[-1]

paths = struct(join = _join, basename = _basename)
