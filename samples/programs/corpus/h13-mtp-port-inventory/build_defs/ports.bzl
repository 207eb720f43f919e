"""Port records: one per physical front-panel port."""

_SPEED_BY_ASIC = {"td4": "100g", "tomahawk4": "400g", "tomahawk5": "800g"}

def port_record(sw, idx):
    role = "uplink" if idx >= sw.ports - sw.uplinks else ("fabric" if sw.uplinks == 0 else "server")
    speed = _SPEED_BY_ASIC[sw.asic]
    return struct(
        host = sw.host,
        ifname = "Ethernet%d" % (idx * 4),
        role = role,
        speed = speed,
        profile = "{asic}-{role}-{speed}".format(asic = sw.asic, role = role, speed = speed),
        lanes = [idx * 4 + l for l in range(4)],
        description = "%s:%s %s port" % (sw.host, idx, role),
    )
