load("//build_defs:env.bzl", "build_env")

def _server_binary_impl(name, srcs, deps, env):
    cxx_binary(
        name = name,
        srcs = srcs,
        deps = deps,
        env = env,
        labels = ["server", "env_keys:%d" % len(env)],
    )

def server_binary(name, srcs, deps = [], upstreams = [], shards = 16, fragments = ["logging", "tracing", "tls"]):
    env = build_env({"SERVICE_NAME": name}, fragments, upstreams, shards)
    _server_binary_impl(name, srcs, deps, env)
