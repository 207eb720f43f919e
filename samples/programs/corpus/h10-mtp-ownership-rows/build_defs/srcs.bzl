_AREAS = ["services/auth", "services/vault", "services/audit", "security/scanners", "security/policy", "compliance/sbom", "libs/crypto", "tools/attest"]
_SUBDIRS = ["internal/", "api/", "testdata/", "proto/", "cmd/"]
_KINDS = ["handler", "store", "client", "policy", "codec", "metrics"]

SECURITY_PLANE_SRCS = [
    "%s/%s%s_%d.go" % (area, sub, kind, i)
    for area in _AREAS
    for sub in _SUBDIRS
    for kind in _KINDS
    for i in range(8)
]
