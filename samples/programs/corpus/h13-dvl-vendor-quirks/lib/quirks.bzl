"""Known vendor quirks: quirk id -> struct(vendor, protocol, min_version)."""

QUIRKS = {
    "Q%d" % i: struct(
        vendor = ["acme", "borealis", "cinder", "dunmore", "eastlake", "fjordnet"][i % 6],
        protocol = ["bgp", "ospfv2", "isis", "ldp", "bfd", "pim", "lldp"][i % 7],
        min_version = "%d.%d" % (1 + i % 4, i % 6),
    )
    for i in range(900)
}

def quirks_for(protocol, version, vendor):
    """Number of quirks the runner has to enable for this protocol/version/vendor."""
    hits = 0
    for quirk in QUIRKS.values():
        if quirk.protocol == protocol and quirk.vendor == vendor and quirk.min_version <= version:
            hits += 1
    return hits
