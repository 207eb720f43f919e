load("//lib:report.bzl", "peer_table_report")

_FAMILIES = ("ipv4-unicast", "ipv6-unicast", "l2vpn-evpn")

def _check_family(peer):
    return peer.family in _FAMILIES

def _check_asn(peer):
    return 1 <= peer.asn and peer.asn < 4200000000

def _check_limit(peer):
    return peer.max_prefixes > 0

VALIDATORS = [
    ("family", _check_family),
    ("asn", _check_asn),
    ("max-prefixes", _check_limit),
]

def _peer_genrule(local_asn, peer):
    genrule(
        name = peer.name,
        srcs = ["templates/bgp_neighbor.j2"],
        out = peer.name + ".conf",
        cmd = "render-bgp --local-as %d --peer-as %d --addr %s $SRCS > $OUT" % (local_asn, peer.asn, peer.address),
    )

def bgp_peering_package(name, local_asn, peers):
    for peer in peers:
        errors = [check for check, fn in VALIDATORS if not fn(peer)]
        context = peer_table_report("peers configured alongside %s" % peer.name, peers)
        if errors:
            fail("BGP peer %s failed %s\n%s" % (peer.name, ", ".join(errors), context))
        _peer_genrule(local_asn, peer)
    filegroup(name = name, srcs = [":" + p.name for p in peers])
