_PROD_OVERRIDES = {"spark.conf.key_%d" % i: "prod_%d" % i for i in range(0, 900, 3)}

def _resolve(base):
    resolved = []
    for key in base:
        if key in _PROD_OVERRIDES.keys():
            resolved.append((key, _PROD_OVERRIDES[key]))
        else:
            resolved.append((key, base[key]))
    return resolved

def env_config(name, base):
    pairs = _resolve(base)
    genrule(
        name = name,
        out = name + ".properties",
        cmd = "render-props %d" % len(pairs),
    )
