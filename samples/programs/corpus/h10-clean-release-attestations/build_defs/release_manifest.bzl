# Release train 2025.06: every shipped artifact with its build target and packaging kind.
_COMPONENTS = ["authn", "authz", "vault-proxy", "signer", "attestor", "secret-scanner", "sbom-indexer", "license-checker",
               "vuln-feed", "policy-server", "owner-sync", "cert-rotator", "kms-bridge", "audit-sink", "report-api"]
_PLATFORMS = ["linux-amd64", "linux-arm64", "linux-s390x", "darwin-arm64", "darwin-amd64", "windows-amd64"]
_KINDS = ["tar.gz", "oci", "deb", "rpm", "zip"]

_RUNTIME_DEPS = ["openssl", "zlib", "boringssl", "protobuf", "grpc", "abseil", "re2", "libsodium", "zstd", "lz4",
                 "brotli", "nghttp2", "c-ares", "sqlite", "libxml2", "expat", "pcre2", "icu", "libyaml", "jsoncpp",
                 "fmt", "spdlog", "gflags", "glog", "benchmark", "flatbuffers", "capnproto", "tink", "aws-lc", "s2n"]

RELEASE_MANIFEST = [
    {
        "component": component,
        "platform": platform,
        "kind": kind,
        "target": "//cmd/%s:%s_%s" % (component, component.replace("-", "_"), platform.replace("-", "_")),
        "rank": ci * 100 + pi * 10 + ki,
        "materials": ["//third_party/%s:%s" % (lib, lib) for lib in _RUNTIME_DEPS[ci % 3::3]] + ["//libs/%s:lib" % component.replace("-", "_")],
    }
    for ci, component in enumerate(_COMPONENTS)
    for pi, platform in enumerate(_PLATFORMS)
    for ki, kind in enumerate(_KINDS)
]
