_BASE_PORT = 20000
_POOL_SIZE = 600000

def _allocate_ports(count):
    pool = [_BASE_PORT + p for p in range(_POOL_SIZE)]
    return pool[:count]

def _server_attrs(name, port):
    return {
        "name": name,
        "srcs": ["servers/{}.go".format(name)],
        "env": {"PORT": str(port)},
    }

def _test_servers_impl(names):
    ports = _allocate_ports(len(names))
    for name, port in zip(names, ports):
        go_binary(**_server_attrs(name, port))

def test_servers(names):
    _test_servers_impl(names)
