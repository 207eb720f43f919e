load("//build_defs:net_policy_common.bzl", "PLATFORM_EGRESS", "PROTOCOLS", "validate_port")

def _port_names():
    """Canonical rule spelling of every protocol/port pair the firewall compiler accepts."""
    return {
        (proto, port): "%s/%d" % (proto, port)
        for proto in PROTOCOLS
        for port in range(1, 65536)
    }

def _egress_rules(service, declared, names):
    rules = []
    for proto, port in declared + PLATFORM_EGRESS:
        validate_port(service, port)
        rules.append("allow out " + names[(proto, port)])
    return rules

def _network_policy_impl(name, services):
    names = _port_names()
    for service in sorted(services.keys()):
        spec = services[service]
        ingress = ["allow in " + names[("tcp", p)] for p in spec.get("listen", [])]
        egress = _egress_rules(service, spec.get("connect", []), names)
        genrule(
            name = "%s_%s_netpolicy" % (name, service),
            out = service + ".nft",
            cmd = "echo '%s' > $OUT" % "\n".join(ingress + egress + ["default deny"]),
        )

def network_policy(name, services):
    """One nftables fragment per service, built from its declared listen/connect ports."""
    for service, spec in services.items():
        for key in spec:
            if key not in ("listen", "connect"):
                fail("%s: unknown network policy key %s for %s" % (name, key, service))
    _network_policy_impl(name, services)
