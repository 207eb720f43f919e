load("//build_defs:tf_checks.bzl", "KIND_SUFFIXES", "check_resource")

def _labels_json(labels):
    return ", ".join(['"%s": "%s"' % (k, labels[k]) for k in labels])

def tf_resource(name, kind, region, labels = {}, **kwargs):
    check_resource(name, kind, region, labels, **kwargs)
    genrule(
        name = name,
        out = "%s.tf.json" % name,
        cmd = "echo '{\"%s\": {\"%s\": {\"region\": \"%s\", \"labels\": {%s}}}}' > $OUT" % (kind, name, region, _labels_json(labels)),
        labels = ["terraform", kind],
    )

def tf_resource_set(prefix, kinds, regions, labels, **kwargs):
    for kind in kinds:
        suffix = KIND_SUFFIXES[kind]
        for region in regions:
            for i in range(kwargs.get("replicas", 1)):
                tf_resource(
                    name = "%s-%s-%d%s" % (prefix, region, i, suffix),
                    kind = kind,
                    region = region,
                    labels = labels,
                    retention_days = kwargs.get("retention_days", 30),
                )
