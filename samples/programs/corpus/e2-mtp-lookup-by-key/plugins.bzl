# Each plugin gets a library; its settings are computed first and kept by plugin name.

def _settings(plugin):
    return {
        "srcs": ["plugins/%s/%s.py" % (plugin, m) for m in ["main", "config", "hooks", "views", "models"]],
        "resources": ["plugins/%s/assets/%s" % (plugin, r) for r in ["icon.png", "manifest.json"]],
        "labels": ["plugin", "owner:" + plugin.split("_")[0]],
    }

def plugin_libraries(plugins):
    settings_by_plugin = {}
    for plugin in plugins:
        settings_by_plugin[plugin] = _settings(plugin)
    for plugin in plugins:
        s = settings_by_plugin[plugin]
        python_library(name = plugin, srcs = s["srcs"], resources = s["resources"], labels = s["labels"])
