_LAYERS = {"base": 0, "platform": 1, "product": 2, "app": 3}

def _layer_of(dep):
    return dep.split("/")[2] if dep.count("/") >= 3 else "base"

def _upward_edges(targets):
    edges = [
        (t["name"], dep, _layer_of(dep))
        for t in targets
        for dep in t["deps"] + t["exported_deps"]
    ]
    return [e for e in edges if _LAYERS.get(e[2], 0) > _LAYERS[targets[0]["layer"]]]

def layered_libraries(targets):
    for t in targets:
        if _upward_edges([t]):
            fail("{} depends on a higher layer".format(t["name"]))
        cxx_library(name = t["name"], deps = t["deps"], exported_deps = t["exported_deps"])
