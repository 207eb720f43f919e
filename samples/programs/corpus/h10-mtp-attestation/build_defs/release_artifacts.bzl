RELEASE_PLATFORMS = ["linux-x86_64", "linux-aarch64", "macos-x86_64", "macos-aarch64", "windows-x86_64", "linux-riscv64"]

_BINARIES = [
    "authn", "authz", "vault-proxy", "signer", "attestor", "secret-scanner", "sbom-indexer", "license-checker",
    "vuln-feed", "policy-server", "owner-sync", "cert-rotator", "kms-bridge", "audit-sink", "report-api",
    "token-exchange", "mfa-gateway", "scim-sync", "siem-forwarder", "dlp-inspector", "image-scanner",
    "provenance-api", "keyless-signer", "transparency-log", "policy-compiler", "risk-scorer",
]
_FLAVOURS = ["", "-debug", "-fips", "-static", "-minimal"]

RELEASE_ARTIFACTS = [
    {"name": binary + flavour, "target": "//cmd/%s:%s%s" % (binary, binary, flavour), "fips": flavour == "-fips"}
    for binary in _BINARIES
    for flavour in _FLAVOURS
]

BUILDER_ID = "https://ci.internal/buildkite/security-release@v3"
