load("//build_defs:org.bzl", "ORG_CHART")

def _sibling_teams(team):
    parent = ORG_CHART[team].parent
    return [t for t, info in sorted(ORG_CHART.items()) if info.parent == parent or info.trusted]

def _package_patterns(teams):
    patterns = []
    for t in teams:
        for pkg in ORG_CHART[t].packages:
            patterns.append(pkg)
            patterns.append(pkg.replace("/...", ":"))
    return patterns

def resolve_visibility(team, extra = []):
    """Visibility for a target owned by `team`: its org's packages plus trusted teams."""
    return _package_patterns(_sibling_teams(team)) + ["//infra/...", "//tools/release/..."] + extra
