# Every registered plugin gets one library; the registry is walked once with .items().

REGISTRY = {
    "plugin_{}".format(i): struct(srcs = ["plugins/p{}/main.cpp".format(i)], deps = ["//sdk:plugin_api"])
    for i in range(3000)
}

def registered_libraries(registry):
    for name, plugin in registry.items():
        cxx_library(name = name, srcs = plugin.srcs, deps = plugin.deps)
