load("//build_defs:ports.bzl", "service_ports")

def go_services(services, deps = []):
    ports = service_ports(services)
    for svc in services:
        go_binary(
            name = svc,
            srcs = ["cmd/{}/main.go".format(svc)],
            deps = deps,
            env = {"PORT": str(ports[svc])},
        )
