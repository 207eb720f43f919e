# Each target must have an owner among the registered teams' members.

TEAMS = {"team_{}".format(t): "member_{}".format(t * 3) for t in range(400)}

def owned_targets(targets):
    for i, target in enumerate(targets):
        owner = "member_{}".format(i % 1200)
        has_team = any([member == owner for member in TEAMS.values()])
        genrule(name = target, out = target + ".txt", cmd = "echo", labels = ["owned" if has_team else "orphan"])
