# Labels the test infrastructure understands (test selection, sharding, quarantine).
KNOWN_TEST_LABELS = (
    ["tier:%s" % t for t in ["unit", "integration", "e2e", "smoke", "perf", "fuzz", "soak"]] +
    ["owner:%s" % o for o in ["ads", "search", "infra", "ml", "video", "payments", "identity", "growth", "devx", "maps", "storage", "network"]] +
    ["size:%s" % s for s in ["small", "medium", "large", "enormous"]] +
    ["platform:%s" % p for p in ["linux", "macos", "windows", "android", "ios"]] +
    ["flaky", "quarantined", "serial", "exclusive", "needs-gpu", "needs-network", "needs-docker", "manual", "nightly-only", "no-asan", "no-tsan"] +
    ["shard_count:%d" % n for n in range(1, 65)] +
    ["timeout:%ds" % s for s in range(30, 3601, 30)]
)

def is_valid_test_label(label):
    known = {l: True for l in KNOWN_TEST_LABELS}
    known.update({l.replace(":", "=", 1): True for l in KNOWN_TEST_LABELS if ":" in l})
    return label in known
