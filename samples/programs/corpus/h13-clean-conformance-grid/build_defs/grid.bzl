PROTOCOL_VERSIONS = [
    ("bgp", ["rfc4271", "rfc4760", "rfc7911", "rfc8950", "rfc9234"]),
    ("ospf", ["rfc2328", "rfc5340", "rfc8665"]),
    ("isis", ["iso10589", "rfc5308", "rfc8667"]),
    ("bfd", ["rfc5880", "rfc5881", "rfc5883"]),
    ("evpn", ["rfc7432", "rfc8365", "rfc9135"]),
    ("srv6", ["rfc8754", "rfc8986"]),
    ("netconf", ["rfc6241", "rfc8526"]),
    ("gnmi", ["0.7", "0.8", "0.10"]),
]

VENDORS = ["acme-%d" % i for i in range(300)]

_RUNNER = "certrun --suite {proto}/{version} --dut {vendor} --report $OUT"

def _suite_srcs(proto, version, vendor):
    return ["duts/%s/%s/%s-%s.yaml" % (vendor, proto, version, case) for case in ("session", "timers", "errors", "scale", "interop")]

def conformance_target(proto, version, vendor):
    name = "cert-%s-%s-%s" % (proto, version.replace(".", "_"), vendor)
    genrule(
        name = name,
        srcs = _suite_srcs(proto, version, vendor),
        out = name + ".junit.xml",
        cmd = _RUNNER.format(proto = proto, version = version, vendor = vendor),
        labels = ["certification", "proto:" + proto, "vendor:" + vendor],
    )
    return ":" + name
