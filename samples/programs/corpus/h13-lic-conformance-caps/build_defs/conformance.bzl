load("//build_defs:caps.bzl", "flatten_caps")

_SUITE_CMD = "conformance-runner --proto %s --version %s --caps %d --junit $OUT"

def _suite_name(proto, version):
    return "conf-%s-%s" % (proto, version.replace("+", "_"))

def _suite_attrs(cfg, proto, version):
    caps = flatten_caps(cfg.vendors)
    return {
        "name": _suite_name(proto, version),
        "out": _suite_name(proto, version) + ".xml",
        "cmd": _SUITE_CMD % (proto, version, len(caps)),
        "srcs": ["suites/%s/%s.yaml" % (proto, version)],
    }

def _conformance_impl(cfg):
    names = []
    for proto, versions in cfg.protocols.items():
        for version in versions:
            for shard in range(cfg.shards):
                attrs = _suite_attrs(cfg, proto, version)
                attrs["name"] = "%s-shard%d" % (attrs["name"], shard)
                genrule(**attrs)
                names.append(":" + attrs["name"])
    return names

def conformance_suites(name, protocols, vendors, shards = 6):
    cfg = struct(protocols = protocols, vendors = vendors, shards = shards)
    filegroup(name = name, srcs = _conformance_impl(cfg))
