# Calibration rig registry: rig id -> serial number of the reference target it last certified.
CAL_REGISTRY = {
    "rig-%d-%d" % (site, n): "SN%d" % (700000 + site * 1000 + n)
    for site in range(6)
    for n in range(500)
}

def is_certified_target(serial, registry = CAL_REGISTRY):
    return serial in registry.values()
