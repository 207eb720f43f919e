# Helpers shared by every language macro.

def normalize_name(name):
    return name.replace("-", "_").lower()

def _expand(dep, depth, seen):
    """Walks a synthetic dependency chain: each level adds its own transitive label."""
    if depth == 0:
        return [dep]
    label = "{}#{}".format(dep, depth)
    seen.append(label)
    return [label] + _expand(dep, depth - 1, seen)

def expand_deps(deps, depth):
    seen = []
    out = []
    for dep in deps:
        out.extend(_expand(dep, depth, seen))
    return out

def header_files(srcs):
    return sorted(filter(lambda s: s.endswith(".h"), srcs), key = lambda s: s.lower())

def label_set(labels):
    return {label: True for label in labels}
