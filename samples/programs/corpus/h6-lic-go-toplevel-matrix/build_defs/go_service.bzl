def _binary_name(service, platform):
    return "%s-%s-%s" % (service, platform.goos, platform.goarch)

def go_service(name, platforms, srcs, deps = [], visibility = ["PUBLIC"]):
    for p in platforms:
        go_binary(
            name = _binary_name(name, p),
            srcs = srcs,
            deps = deps,
            visibility = visibility,
        )
    filegroup(
        name = name,
        srcs = [":" + _binary_name(name, p) for p in platforms],
        visibility = visibility,
    )
