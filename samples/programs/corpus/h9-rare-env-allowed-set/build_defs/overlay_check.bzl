_ENVIRONMENTS = ["dev", "staging", "prod"] + ["sandbox-%d" % i for i in range(200)]

_env_ok = lambda env: env in set(_ENVIRONMENTS)

def overlay_targets(overlays):
    bad = [o for o in overlays if not _env_ok(o["env"])]
    if bad:
        fail("unknown environments: %s" % bad)
    for env in ["dev", "staging", "prod"]:
        filegroup(
            name = "overlay_" + env,
            srcs = [o["file"] for o in overlays if o["env"] == env],
        )
