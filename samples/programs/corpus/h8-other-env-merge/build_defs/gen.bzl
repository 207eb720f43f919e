load("//build_defs:env.bzl", "tool_env")

def gen_with_env(name, tool, rows):
    env = tool_env(rows)
    genrule(
        name = name,
        out = name + ".out",
        cmd = "env %s %s > $OUT" % (" ".join(["%s=%s" % (k, env[k]) for k in sorted(env)]), tool),
    )
