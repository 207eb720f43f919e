load("//build_defs:signing_checks.bzl", "SIGNING_CHECKS")

_ENABLED_CHECKS = ["name", "kind", "key"]
_SIGN_TOOL = {
    "oci": "$(exe //tools/signing:cosign) sign --key hsm://release/{key} {name}",
    "deb": "$(exe //tools/signing:debsigs) --sign=origin -k {key} {name}",
}
_DEFAULT_SIGN = "$(exe //tools/signing:gpg_detach) --local-user {key} {name}"

def _signature_target(artifact):
    template = _SIGN_TOOL.get(artifact["kind"], _DEFAULT_SIGN)
    genrule(
        name = artifact["name"] + ".sig",
        out = artifact["name"] + ".sig",
        cmd = template.format(key = artifact["key"][-16:], name = artifact["name"]),
    )

def signed_release(name, artifacts, checks = _ENABLED_CHECKS):
    for artifact in artifacts:
        for check in checks:
            if not hasattr(SIGNING_CHECKS, check):
                fail("no signing check named " + check)
            getattr(SIGNING_CHECKS, check)(artifact)
        _signature_target(artifact)
    filegroup(name = name, srcs = [":" + a["name"] + ".sig" for a in artifacts])
