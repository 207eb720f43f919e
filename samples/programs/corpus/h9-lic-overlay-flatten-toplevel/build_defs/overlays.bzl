"""Per-environment config overlays (dev/staging/prod)."""

_BASE_KEYS = 3000

def _layer(prefix, n):
    return {"%s.key_%d" % (prefix, i): "v%d" % i for i in range(n)}

def flatten_overlay(env):
    merged = {}
    merged.update(_layer("base", _BASE_KEYS))
    merged.update(_layer(env, _BASE_KEYS // 2))
    return ["%s=%s" % (k, merged[k]) for k in sorted(merged)]
