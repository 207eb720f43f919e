# Stable container-port assignment for rendered Kubernetes Services.

_PORT_BASE = 20000

_DEFAULTS = {
    "port_space": 1 << 20,
    "protocol": "TCP",
    "probe_path": "/healthz",
}

def _port_hash(name, salt):
    return hash("%s#%d" % (name, salt)) & 0x7fffffff

def allocate_ports(names, **kwargs):
    """Assign each name a port in [base, base + port_space), probing linearly on collision."""
    opts = dict(_DEFAULTS)
    opts.update(kwargs)
    space = opts["port_space"]
    taken = [False] * space
    assigned = {}
    for name in names:
        slot = _port_hash(name, 0) % space
        for _probe in range(64):
            if not taken[slot]:
                break
            slot = (slot + 1) % space
        taken[slot] = True
        assigned[name] = _PORT_BASE + slot % 40000
    return assigned
