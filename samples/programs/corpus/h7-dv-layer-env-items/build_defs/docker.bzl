# Docker layer genrules: each layer bakes the image's environment into its ENV line.

_RUNTIME_ENV = dict(
    [("FEATURE_%s_%d" % (area.upper(), i), "on" if i % 2 else "off") for area in ["torch", "jax", "numpy", "pandas", "grpc", "proto", "web", "infra", "data", "ads"] for i in range(40)] +
    [("LANG", "C.UTF-8"), ("PYTHONUNBUFFERED", "1"), ("NODE_ENV", "production")],
)

def _layer_env(env, prefix, overrides):
    # Only the variables owned by this layer's group go into its ENV line.
    pairs = [(k, overrides.get(k, v)) for k, v in env.items() if k.startswith(prefix)]
    return "ENV " + " ".join(["%s=%s" % kv for kv in pairs])

def _layer_attrs(layer, base_env, **kwargs):
    group = layer.split("-")[2]
    env_line = _layer_env(base_env, "FEATURE_%s_" % group.upper(), kwargs.get("env_overrides", {}))
    return {
        "out": "%s.tar" % layer,
        "cmd": "build-layer %s --env '%s' > $OUT" % (layer, env_line),
        "labels": ["docker", "layer"],
    }

def docker_layers(name, layers, base_env = _RUNTIME_ENV, **kwargs):
    for layer in layers:
        genrule(name = "%s_%s" % (name, layer), **_layer_attrs(layer, base_env, **kwargs))
