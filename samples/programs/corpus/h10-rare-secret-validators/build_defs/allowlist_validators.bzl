load("//build_defs:detectors.bzl", "DETECTORS")

_DETECTOR_IDS = [d for d, _ in DETECTORS]

def _validate_detector(entry):
    catalogue = "\n".join(["  %s: %s" % (d, desc) for d, desc in DETECTORS])
    if entry["detector"] not in _DETECTOR_IDS:
        fail("allowlist entry for %s names unknown detector %r. Known detectors:\n%s" % (
            entry["path"],
            entry["detector"],
            catalogue,
        ))

def _validate_fingerprint(entry):
    fp = entry["fingerprint"]
    if len(fp) != 40 or not fp.islower():
        fail("fingerprint of %s must be 40 lowercase hex characters" % entry["path"])

def _validate_ticket(entry):
    if not entry["ticket"].startswith("APPSEC-") or not entry["ticket"][7:].isdigit():
        fail("allowlist entry for %s must reference an APPSEC ticket" % entry["path"])

ENTRY_VALIDATORS = {
    "detector": _validate_detector,
    "fingerprint": _validate_fingerprint,
    "ticket": _validate_ticket,
}
