load("//build_defs:ownership_rules.bzl", "OWNERSHIP_RULES")

def _match_rows(srcs, rules):
    return [
        struct(
            src = src,
            team = rule.team,
            why = "{} owned by {} via {} ({})".format(src, rule.team, rule.prefix or "<default>", rule.source),
            labels = ["owner:" + rule.team, "rule:" + rule.source],
        )
        for src in srcs
        for rule in rules
        if src.startswith(rule.prefix)
    ]

def _ownership_labels_impl(name, srcs, rules):
    rows = _match_rows(srcs, rules)
    final = {}
    for row in rows:
        final[row.src] = row
    teams = {}
    for src in srcs:
        row = final[src]
        teams[row.team] = teams.get(row.team, 0) + 1
    genrule(
        name = name,
        out = name + ".owners",
        cmd = "echo '%s' > $OUT" % " ".join(["%s:%d" % (t, teams[t]) for t in sorted(teams, key = lambda t: -teams[t])]),
        labels = ["owners=" + t for t in sorted(teams)],
    )
    return final

def ownership_labels(name, srcs, rules = OWNERSHIP_RULES):
    if not srcs:
        fail(name + ": no sources")
    _ownership_labels_impl(name, srcs, rules)
