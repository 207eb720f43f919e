load("//build_defs:allowlist_data.bzl", "ALLOWLISTED_FINDINGS")
load("//build_defs:scan_paths.bzl", "scan_globs")

_FINGERPRINT_LEN = 40

def _check_entry(entry):
    fp = entry["fingerprint"]
    if len(fp) != _FINGERPRINT_LEN or not fp.isalnum() or not fp.islower():
        fail("allowlist fingerprint must be a lowercase sha1: %r" % fp)
    if not entry.get("ticket", "").startswith("APPSEC-"):
        fail("allowlist entry %s has no APPSEC ticket" % fp)

def _allowlist_file(entries, globs):
    """gitleaks-style allowlist: one `glob:fingerprint` line per pair."""
    return "\n".join([
        "{}:{}:{}".format(g, e["detector"], e["fingerprint"])
        for e in entries
        for g in globs
    ])

def secret_scan_allowlist(name, entries = ALLOWLISTED_FINDINGS, visibility = None):
    for entry in entries:
        _check_entry(entry)
    content = _allowlist_file(entries, scan_globs())
    genrule(
        name = name,
        out = name + ".allowlist",
        cmd = "printf '%s\\n' \"$ALLOWLIST\" > $OUT",
        env = {"ALLOWLIST": content},
        visibility = visibility or ["//security/..."],
    )
