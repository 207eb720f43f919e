# Environment every integration test sees: service endpoints, feature flags, fixtures.

_SERVICES = ["auth", "billing", "catalog", "checkout", "inventory", "ledger", "notify", "orders",
             "pricing", "profile", "ranking", "search", "session", "shipping", "tax", "wallet"]
_FEATURES = ["flag_%s_%d" % (svc, n) for svc in _SERVICES for n in range(40)]

def integration_env(region, tier):
    env = {}
    for svc in _SERVICES:
        upper = svc.upper()
        env["%s_ENDPOINT" % upper] = "https://%s.%s.%s.internal:8443" % (svc, tier, region)
        env["%s_TIMEOUT_MS" % upper] = read_config("integration", svc + "_timeout", "5000")
        env["%s_FIXTURES" % upper] = "$(location //testing/fixtures:%s_%s)" % (svc, region)
    for flag in _FEATURES:
        env["FF_" + flag.upper()] = read_config("features", flag, "off")
    env["REGION"] = region
    env["TIER"] = tier
    return env

def test_env_hash(env):
    return hash(repr(sorted(env.items())))
