_DEFAULT_RUNTIME = "//runtime/go:service_main"

def _service_labels(name, port, owners):
    return ["service:" + name, "port:" + port] + ["owner:" + o for o in owners]

def go_service(name, srcs, port, owners, deps = [], visibility = ["//deploy/..."]):
    go_binary(
        name = name,
        srcs = srcs,
        deps = deps + [_DEFAULT_RUNTIME],
        labels = _service_labels(name, port, owners),
        visibility = visibility,
    )
    genrule(
        name = name + "_manifest",
        out = name + ".manifest.json",
        cmd = "$(exe //deploy/tools:manifest) --name %s --port %s > $OUT" % (name, port),
    )
