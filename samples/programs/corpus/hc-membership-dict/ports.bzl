def port_checks(services):
    reserved = {port: True for port in range(0, 131072)}
    for name, port in services.items():
        if port not in reserved:
            fail("port out of range for " + name)
        genrule(name = name + "_port", out = "port.txt", cmd = "echo {}".format(port))
