PROTOCOLS = ["tcp", "udp"]

# Ports every sandboxed service may reach regardless of its own declaration.
PLATFORM_EGRESS = [
    ("udp", 53),  # dns
    ("udp", 123),  # ntp
    ("tcp", 9090),  # metrics
    ("tcp", 4317),  # tracing
    ("tcp", 8200),  # vault
]

def validate_port(service, port):
    if type(port) != "int" or port < 1 or port > 65535:
        fail("%s: port %r is out of range" % (service, port))
