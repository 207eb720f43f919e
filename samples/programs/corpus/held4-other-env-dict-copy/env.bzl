_BASE_ENV = {"LANG": "C.UTF-8", "TZ": "UTC", "PYTHONHASHSEED": "0"}

def build_env(overrides):
    env = dict(_BASE_ENV)
    for key, value in overrides:
        env = dict(env, **{key: value})
    return env

def tool_rule(name, overrides):
    genrule(
        name = name,
        outs = [name + ".out"],
        cmd = "run-tool > $OUT",
        env = build_env(overrides),
    )
