# Where protoc looks for imports: every vendored root plus each API group's versioned trees.

VENDORED_ROOTS = [
    "third_party/googleapis",
    "third_party/grpc-gateway",
    "third_party/envoy-api",
    "third_party/opentelemetry-proto",
    "third_party/validate",
    "third_party/protobuf/src",
]

_API_GROUPS = [
    "billing", "catalog", "identity", "search", "shipping", "loyalty", "fraud", "notify", "ledger", "media",
    "pricing", "inventory", "reviews", "returns", "tax", "payouts", "ads", "chat", "support", "experiments",
]
_VERSIONS = ["v1", "v1beta1", "v2", "v2alpha", "v3"]
_LAYOUTS = ["protos", "api", "gen/protos"]

def import_roots(extra_roots):
    roots = list(VENDORED_ROOTS)
    roots += [
        "{layout}/{group}/{version}".format(layout = l, group = g, version = v)
        for l in _LAYOUTS
        for g in _API_GROUPS
        for v in _VERSIONS
    ]
    return roots + extra_roots
