# Validators for generated infrastructure resources. Looked up by field name.

REGIONS = [
    struct(name = "%s-%s%d" % (geo, zone, n), geo = geo, tier = "gold" if n < 3 else "std")
    for geo in ["us", "eu", "ap", "sa", "me", "af"]
    for zone in ["east", "west", "north", "south", "central"]
    for n in range(1, 13)
]

def _check_region(value, extra_regions = ()):
    allowed = {r.name: r.tier for r in REGIONS}
    for r in extra_regions:
        allowed[r] = "custom"
    if value not in allowed:
        fail("unknown region %r" % value)

def _check_tier(value, **_kwargs):
    if value not in ("gold", "std", "custom"):
        fail("unknown tier %r" % value)

def _check_name(value, **_kwargs):
    if not value.replace("_", "").replace("-", "").isalnum():
        fail("bad resource name %r" % value)

VALIDATORS = [
    ("name", _check_name),
    ("region", _check_region),
    ("tier", _check_tier),
]
