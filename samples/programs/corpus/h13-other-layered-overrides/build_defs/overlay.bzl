"""Merges config layers (global -> region -> site -> rack) into one parameter set."""

def _apply_layer(merged, layer):
    return dict(merged, **layer)

def _merge_layers(layers):
    merged = {}
    for layer in layers:
        merged = _apply_layer(merged, layer)
    return merged

def site_overrides(name, layers):
    params = _merge_layers(layers)
    genrule(
        name = name,
        srcs = ["params/base.yaml"],
        out = name + ".yaml",
        cmd = "paramgen --count %d $SRCS > $OUT" % len(params),
    )
