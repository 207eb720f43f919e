# Plugin libraries: every plugin gets a spec (a dict of attributes) and a python_library.

def _plugin_spec(index):
    name = "plugin_{}".format(index)
    return {
        "name": name,
        "srcs": ["{}/{}.py".format(name, f) for f in ["init", "api", "impl", "util", "types", "config"]],
        "deps": [":plugin_{}".format(d) for d in range(index % 10)],
        "labels": ["plugin", "generated", name, "index:{}".format(index)],
    }

def plugin_targets(count):
    specs = [_plugin_spec(i) for i in range(count)]
    for spec in specs:
        python_library(
            name = spec["name"],
            srcs = spec["srcs"],
            deps = spec["deps"],
        )
