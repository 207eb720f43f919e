_PORTS = ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K")

def valid_pin(p):
    known = {"P%s%d" % (port, n): 1 for port in _PORTS for n in range(16)}
    return p in known
