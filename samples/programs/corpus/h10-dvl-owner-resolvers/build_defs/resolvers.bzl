load("//build_defs:teams.bzl", "TEAMS")

def _primary(path):
    return [t for t in TEAMS.values() if t.tier == "primary" and path.startswith(t.root)]

OWNER_RESOLVERS = {
    "primary": _primary,
    "oncall": lambda path: [t for t in TEAMS.values() if t.pager and path.startswith(t.root)],
    "review": lambda path: [t for t in TEAMS.values() if t.tier == "review" and path.startswith(t.root)],
}

def resolve_owner(kind, path):
    resolver = OWNER_RESOLVERS.get(kind)
    if resolver == None:
        fail("unknown owner resolver %s; have %s" % (kind, sorted(OWNER_RESOLVERS)))
    matches = resolver(path)
    best = None
    for team in matches:
        if best == None or len(team.root) > len(best.root):
            best = team
    return best
