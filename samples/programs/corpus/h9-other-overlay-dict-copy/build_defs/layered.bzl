def _apply(cfg, key, value):
    return dict(cfg, **{key: value})

def layered_config(name, env, overrides):
    cfg = {"env": env}
    for key in sorted(overrides):
        cfg = _apply(cfg, key, overrides[key])
    genrule(
        name = name,
        out = name + ".json",
        cmd = "write-json %d" % len(cfg),
    )
