load("//build_defs:validate.bzl", "VALIDATORS")

def _validate(attrs, **kwargs):
    for field, check in VALIDATORS:
        if field in attrs:
            check(attrs[field], **kwargs)

def _resource_json(attrs):
    return "{%s}" % ", ".join(['"%s": "%s"' % (k, attrs[k]) for k in sorted(attrs)])

def cloud_resource(name, kind, region, tier = "std", **kwargs):
    attrs = {"name": name, "kind": kind, "region": region, "tier": tier}
    _validate(attrs, **kwargs)
    genrule(
        name = name,
        out = "%s.json" % name,
        cmd = "echo '%s' > $OUT" % _resource_json(attrs),
    )

def cloud_resources(prefix, kinds, regions, **kwargs):
    for kind in kinds:
        for region in regions:
            cloud_resource(name = "%s-%s-%s" % (prefix, kind, region), kind = kind, region = region, **kwargs)
