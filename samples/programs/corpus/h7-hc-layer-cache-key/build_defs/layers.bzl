# Docker image layers assembled from Python/TS build outputs.

_PLATFORMS = ["linux/amd64", "linux/arm64", "linux/arm/v7"]

_BASE_LAYERS = [
    struct(name = "os", files = ["etc/os-release", "etc/ssl/certs/ca-certificates.crt"]),
    struct(name = "python", files = ["usr/lib/python3.11/%s.py" % m for m in ["os", "json", "re", "typing", "dataclasses", "asyncio", "logging", "pathlib"]]),
]

def _layer_files(layer, **kwargs):
    extra = kwargs.get("extra_files", [])
    return layer.files + extra

def image_cache_key(layers, platforms = _PLATFORMS, **kwargs):
    """Content key of the image: every (layer, platform, file) triple."""
    return "%x" % hash("\n".join([
        "{}|{}|{}|{}".format(layer.name, plat, f, kwargs.get("compression", "gzip"))
        for layer in layers
        for plat in platforms
        for f in _layer_files(layer, **kwargs)
    ]))

def _image_impl(name, app_layers, **kwargs):
    layers = _BASE_LAYERS + app_layers
    key = image_cache_key(layers, **kwargs)
    for layer in layers:
        genrule(
            name = "%s_layer_%s" % (name, layer.name),
            out = "%s.tar" % layer.name,
            cmd = "tar cf $OUT %d-files # key=%s" % (len(layer.files), key),
        )
    genrule(
        name = name,
        out = "%s.image" % name,
        cmd = "echo %s > $OUT" % key,
    )

def docker_image(name, app_layers, **kwargs):
    _image_impl(name = name, app_layers = app_layers, **kwargs)
