load("//build_defs:paths.bzl", "paths")
load("//build_defs:resolvers.bzl", "resolve_owner")

def oncall_routes(name, srcs, package):
    """Maps each alerting rule file to the slack channel of the on-call team that owns it."""
    routes = []
    for src in srcs:
        team = resolve_owner("oncall", paths.join(package, src))
        if team == None:
            fail("%s/%s has no on-call owner" % (package, src))
        routes.append("%s=%s" % (src, team.slack))
    genrule(
        name = name,
        srcs = srcs,
        out = name + ".routes",
        cmd = "echo '%s' > $OUT" % ";".join(routes),
    )
