# Validation for generated Terraform-like resources. Messages are only built on failure.

ALLOWED_REGIONS = {r: True for r in ["us-east1", "us-east4", "us-west1", "us-west2", "europe-west1", "europe-west4", "asia-east1", "asia-south1"]}

KIND_SUFFIXES = {
    "bucket": "-bkt",
    "topic": "-topic",
    "subscription": "-sub",
    "sql": "-db",
    "redis": "-cache",
}

def _fail_attr(resource, attr, value, why):
    fail("resource %s: attribute %s=%r %s" % (resource, attr, value, why))

def check_resource(name, kind, region, labels, **kwargs):
    if len(name) > 63:
        _fail_attr(name, "name", name, "is longer than 63 characters")
    if not name.islower():
        _fail_attr(name, "name", name, "must be lower case")
    suffix = KIND_SUFFIXES.get(kind)
    if suffix == None:
        _fail_attr(name, "kind", kind, "is not a known kind")
    if not name.endswith(suffix):
        _fail_attr(name, "name", name, "must end with " + suffix)
    if region not in ALLOWED_REGIONS:
        _fail_attr(name, "region", region, "is not an approved region")
    for key in labels:
        if not key.islower() or len(key) > 40:
            _fail_attr(name, "labels", key, "is not a valid label key")
    retention = kwargs.get("retention_days", 30)
    if retention < 1 or retention > 3650:
        _fail_attr(name, "retention_days", retention, "is out of range")
