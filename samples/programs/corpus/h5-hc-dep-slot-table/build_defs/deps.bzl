# Dependency normalisation shared by the rust and cxx macros.

_SLOT_BITS = 20
_SLOT_COUNT = 1 << _SLOT_BITS

def _normalize(label):
    if label.startswith(":"):
        return "//" + package_name() + label
    if "//" not in label:
        fail("dependency %r is not a label" % label)
    return label

def dedupe_deps(deps):
    """Normalise and dedupe `deps`, keeping the first occurrence (stable order)."""
    slots = [None] * _SLOT_COUNT
    out = []
    for dep in deps:
        label = _normalize(dep)
        idx = hash(label) % _SLOT_COUNT
        for _ in range(_SLOT_COUNT):
            if slots[idx] == None:
                slots[idx] = label
                out.append(label)
                break
            if slots[idx] == label:
                break
            idx = (idx + 1) % _SLOT_COUNT
    return out
