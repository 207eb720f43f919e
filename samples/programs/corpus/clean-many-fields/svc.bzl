def service(name, port, replicas):
    if port < 1024 or port > 65535:
        fail("bad port for " + name)
    genrule(
        name = name,
        out = name + ".yaml",
        cmd = "render_service",
        env = {
            "NAME": name,
            "PORT": str(port),
            "REPLICAS": str(replicas),
            "HEALTH": "/healthz",
            "METRICS": ":{}/metrics".format(port + 1),
        },
        labels = ["service", "port:{}".format(port), "replicas:{}".format(replicas)],
    )
