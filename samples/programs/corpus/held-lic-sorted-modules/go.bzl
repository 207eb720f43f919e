_STDLIB_MODULES = ["std/pkg{}/sub{}".format(i // 40, i % 40) for i in range(2400)]

def _service_attrs(name, cfg):
    return {
        "name": name,
        "srcs": ["cmd/{}/main.go".format(name)],
        "deps": ["//third-party/go:{}".format(d) for d in cfg["deps"]],
        "labels": ["service", cfg["tier"]],
    }

def _go_services_impl(services, extra_modules, tier):
    declared = []
    for name in services:
        known = sorted(_STDLIB_MODULES + extra_modules)
        cfg = {"deps": [m for m in extra_modules if m in known][:3], "tier": tier}
        go_binary(**_service_attrs(name, cfg))
        declared.append(name)
    return declared

def go_services(services, extra_modules = [], tier = "prod"):
    return _go_services_impl(services, extra_modules, tier)
