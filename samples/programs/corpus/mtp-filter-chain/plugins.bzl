# IDE plugins: specs go through three list stages before they become targets.

DISABLED = {"plugin_13": True, "plugin_666": True}

def _spec(name, plugin):
    return {
        "name": "{}_{}".format(name, plugin),
        "srcs": ["plugins/{}/src/{}.py".format(plugin, m) for m in ["main", "ui", "actions"]],
        "resources": ["plugins/{}/resources/{}.xml".format(plugin, r) for r in ["plugin", "icons"]],
        "enabled": plugin not in DISABLED,
    }

def _with_defaults(spec):
    return dict(spec, deps = ["//ide/sdk:api", "//ide/sdk:ui"], visibility = ["//ide/..."])

def plugin_libraries(name, plugins):
    specs = [_spec(name, p) for p in plugins]
    specs = [_with_defaults(s) for s in specs]
    specs = [s for s in specs if s["enabled"]]
    for s in specs:
        python_library(name = s["name"], srcs = s["srcs"] + s["resources"], deps = s["deps"], visibility = s["visibility"])
