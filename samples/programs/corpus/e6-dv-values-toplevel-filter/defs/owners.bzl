# Code owners per library, exported from the ownership service.

OWNER_OF = {
    "//pkg%d/sub%d:lib" % (p, s): "%s-team-%d" % (["infra", "web", "ml"][p % 3], p % 200)
    for p in range(60)
    for s in range(25)
}

def owned_group(name, teams, **kwargs):
    genrule(
        name = name,
        out = "%s.txt" % name,
        cmd = "echo '%s' > $OUT" % " ".join(teams[:6]),
        **kwargs
    )
