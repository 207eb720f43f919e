# Libraries keep only the dependencies that are visible to them.

VISIBILITY_RULES = {
    "//team_{}/...".format(t): ["//team_{}/...".format((t + k) % 20) for k in range(6)]
    for t in range(20)
}

def _visible_targets(rules):
    """Expands the rules into one entry per (package, allowed) pair."""
    expanded = {}
    for package, allowed in rules.items():
        for target in allowed:
            expanded[package + "->" + target] = True
            expanded[target] = True
            expanded[target.replace("...", "*")] = True
    return expanded

def _package_pattern(dep):
    return "//" + dep[2:].split("/")[0] + "/..."

def _is_visible(dep):
    # Called once per dependency; rebuilds the whole expansion every time.
    return dep.startswith(":") or _package_pattern(dep) in _visible_targets(VISIBILITY_RULES)

def checked_library(name, deps):
    # Deps this library may not see are dropped (and reported by a linter elsewhere).
    visible = [dep for dep in deps if _is_visible(dep)]
    cxx_library(name = name, deps = visible, labels = ["dropped_deps={}".format(len(deps) - len(visible))])
