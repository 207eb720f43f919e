def _ldflags(spec):
    return "-X main.service={} -X main.team={} -s -w".format(spec["name"], spec["team"])

def go_service_from_spec(spec):
    go_binary(
        name = spec["name"],
        srcs = spec["srcs"][:4],
        deps = spec["deps"],
        linker_flags = [_ldflags(spec)],
        labels = spec["labels"][:2],
    )
