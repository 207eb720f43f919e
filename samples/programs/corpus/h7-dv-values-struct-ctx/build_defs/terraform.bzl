# Terraform-like config generation: one JSON stanza per (service, region) pair.

_REGIONS = {
    "%s-%s%d" % (geo, zone, n): struct(geo = geo, zone = zone, n = n, cidr = "10.%d.%d.0/24" % (i % 250, n))
    for i, (geo, zone, n) in enumerate([(g, z, k) for g in ["us", "eu", "ap", "sa"] for z in ["east", "west", "north", "south", "central"] for k in range(1, 51)])
}

def _make_ctx(**kwargs):
    return struct(
        regions = kwargs.get("regions", _REGIONS),
        provider = kwargs.get("provider", "gcp"),
        project = kwargs.get("project", "example-prod"),
    )

def _stanza(service, region):
    return '{"service": "%s", "region": "%s-%s%d", "cidr": "%s"}' % (service, region.geo, region.zone, region.n, region.cidr)

def _service_stanzas(service, ctx, geos):
    out = []
    for region in ctx.regions.values():
        if region.geo in geos and region.n == 1:
            out.append(_stanza(service, region))
    return out

def tf_services(name, services, geos = ("us",), **kwargs):
    ctx = _make_ctx(**kwargs)
    for svc in services:
        stanzas = _service_stanzas(svc, ctx, geos)
        genrule(
            name = "%s_%s_tf" % (name, svc),
            out = "%s.tf.json" % svc,
            cmd = "echo '[%s]' > $OUT" % ",".join(stanzas[:4]),
        )
