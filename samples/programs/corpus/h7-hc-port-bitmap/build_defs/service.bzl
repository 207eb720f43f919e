load("//build_defs:ports.bzl", "allocate_ports")

def _service_yaml(name, port, protocol = "TCP", **_kwargs):
    return "\n".join([
        "apiVersion: v1",
        "kind: Service",
        "metadata: {name: %s}" % name,
        "spec: {ports: [{port: %d, protocol: %s}]}" % (port, protocol),
    ])

def _services_impl(name, components, **kwargs):
    ports = allocate_ports([c for c in components], **kwargs)
    for comp in components:
        genrule(
            name = "%s_%s_svc" % (name, comp),
            out = "%s.yaml" % comp,
            cmd = "echo '%s' > $OUT" % _service_yaml(comp, ports[comp], **kwargs),
        )

def k8s_services(name, components, **kwargs):
    _services_impl(name, components, **kwargs)
