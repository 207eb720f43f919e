load("//build_defs:keyring.bzl", "APPROVED_SIGNING_KEYS")

def _check_key(artifact):
    key = artifact["key"]
    message = "artifact {name} ({kind}) is signed with {key}, which is not an approved release key.\nApproved keys:\n  {approved}".format(
        name = artifact["name"],
        kind = artifact["kind"],
        key = key,
        approved = "\n  ".join(APPROVED_SIGNING_KEYS),
    )
    if key not in APPROVED_SIGNING_KEYS:
        fail(message)

def _check_kind(artifact):
    if artifact["kind"] not in ("deb", "rpm", "oci", "tar", "msi", "apk", "pkg", "zip"):
        fail("unsupported artifact kind " + artifact["kind"])

def _check_name(artifact):
    if not artifact["name"].islower() or " " in artifact["name"]:
        fail("artifact names must be lowercase without spaces: " + artifact["name"])

SIGNING_CHECKS = struct(
    key = _check_key,
    kind = _check_kind,
    name = _check_name,
)
