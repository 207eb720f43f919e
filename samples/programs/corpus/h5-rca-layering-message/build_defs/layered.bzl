load("//build_defs:layers.bzl", "ALLOWED_PREFIXES", "LAYERS", "layer_of")

def _check_layering(name, layer, deps):
    allowed = LAYERS[:LAYERS.index(layer) + 1]
    for dep in deps:
        dep_layer = layer_of(dep)
        dep_area = dep.split("/")[3] if dep.count("/") > 3 else ""
        closest = [p for p in ALLOWED_PREFIXES[layer] if p.split("/")[3] == dep_area]
        message = (
            "layering violation in //%s:%s (layer '%s'): dependency %s is in layer '%s'.\n" % (package_name(), name, layer, dep, dep_layer) +
            "Allowed '%s' packages for layer '%s':\n  %s\n" % (dep_area, layer, "\n  ".join(closest)) +
            "See https://wiki.internal/build/layering or ask in #build-help."
        )
        if dep_layer != None and dep_layer not in allowed:
            fail(message)

def _layered_library_impl(name, layer, srcs, headers, deps, visibility):
    _check_layering(name, layer, deps)
    cxx_library(
        name = name,
        srcs = srcs,
        exported_headers = headers,
        deps = deps,
        visibility = visibility,
        labels = ["layer:" + layer],
    )

def layered_library(name, layer, srcs = [], headers = [], deps = [], visibility = ["PUBLIC"]):
    if layer not in LAYERS:
        fail("unknown layer %s" % layer)
    _layered_library_impl(name, layer, srcs, headers, deps, visibility)
