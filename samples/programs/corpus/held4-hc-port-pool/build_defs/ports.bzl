_PORT_BASE = 20000
_PORT_SPAN = 1200000

def _port_pool(base, span):
    return list(range(base, base + span))

def service_ports(services):
    pool = _port_pool(_PORT_BASE, _PORT_SPAN)
    assigned = {}
    for idx, svc in enumerate(services):
        assigned[svc] = pool[idx * 10]
    return assigned
