# go_microservice(): validated service definition -> binary, config bundle, deploy manifest.

_ALLOWED_TIERS = {"critical": 1, "standard": 2, "batch": 3}
_PORT_RANGE = (1024, 65535)

def _validate(name, tier, port, env, owners):
    if not name.replace("-", "").isalnum() or not name.islower():
        fail("go_microservice: bad name %r" % name)
    if tier not in _ALLOWED_TIERS:
        fail("go_microservice(%s): unknown tier %r" % (name, tier))
    if port < _PORT_RANGE[0] or port > _PORT_RANGE[1]:
        fail("go_microservice(%s): port %d out of range" % (name, port))
    if not owners:
        fail("go_microservice(%s): at least one owner required" % name)
    for key in env:
        if not key.isupper():
            fail("go_microservice(%s): env key %r must be upper-case" % (name, key))

def _env_flags(env):
    return ["--env=%s=%s" % (k, v) for k, v in sorted(env.items())]

def _srcs(name, packages):
    return [
        "cmd/{svc}/{pkg}/{f}.go".format(svc = name, pkg = pkg, f = f)
        for pkg in packages
        for f in ("handler", "service", "store", "types", "errors", "options", "handler_test", "service_test", "store_test", "fixtures_test")
    ]

def go_microservice(name, tier, port, packages, env = {}, owners = [], deps = [], visibility = ["PUBLIC"]):
    _validate(name, tier, port, env, owners)
    srcs = _srcs(name, packages)
    go_binary(
        name = name,
        srcs = srcs,
        deps = deps,
        labels = ["tier:%s" % tier, "priority:%d" % _ALLOWED_TIERS[tier]] + ["owner:" + o for o in owners],
        visibility = visibility,
    )
    genrule(
        name = name + "-deploy",
        out = name + ".yaml",
        cmd = "svcgen --name {} --port {} {} > $OUT".format(name, port, " ".join(_env_flags(env))),
    )
