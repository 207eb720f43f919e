_REASONS = ["not reachable", "mitigated by sandbox", "test-only dependency", "fixed in fork"]

def _check(team, advisory, reason, expires):
    if not advisory.startswith("GHSA-"):
        fail("%s: %s is not a GHSA id" % (team, advisory))
    if reason not in _REASONS:
        fail("%s: %s has an unrecognised justification %r" % (team, advisory, reason))
    if not expires.startswith("202"):
        fail("%s: %s needs an expiry date" % (team, advisory))

def merge_exceptions(per_team):
    """{advisory: "team: reason (until date)"}; a later team's entry replaces an earlier one."""
    merged = {}
    for team in sorted(per_team):
        for advisory, reason, expires in per_team[team]:
            _check(team, advisory, reason, expires)
            merged = dict(merged, **{advisory: "%s: %s (until %s)" % (team, reason, expires)})
    return merged

def vuln_exception_bundle(name, per_team):
    merged = merge_exceptions(per_team)
    genrule(
        name = name,
        out = name + ".json",
        cmd = "echo '%s' > $OUT" % json.encode(merged),
        labels = ["exceptions=%d" % len(merged)],
    )
