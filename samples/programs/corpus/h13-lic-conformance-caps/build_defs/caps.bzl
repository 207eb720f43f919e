"""Vendor capability tables used by the conformance suites."""

_FEATURES = ["graceful-restart", "bfd", "ecmp", "mpls", "te", "fast-reroute", "multicast",
             "evpn", "flowspec", "rpki", "sr-mpls", "sr-v6", "telemetry", "netconf", "gnmi"]

def flatten_caps(vendors):
    """Every vendor:feature:level triple a suite may reference."""
    out = []
    for vendor in vendors:
        for feature in _FEATURES:
            for level in range(12):
                out.append("{v}:{f}:L{l}".format(v = vendor, f = feature, l = level))
    return out
