# Parsed Cargo.lock (generated; do not edit).
_MODULES = ["lib", "error", "de", "ser", "value", "macros", "util", "iter", "fmt", "io", "sync", "task", "time", "net", "fs", "buf"]
_FEATURES = ["std", "alloc", "derive", "serde", "async", "tokio", "rt", "macros", "full", "default", "unstable", "tracing"]

LOCKFILE_CRATES = [
    (
        "crate-%d" % i,
        "%d.%d.%d" % (i % 4, i % 17, i % 9),
        "2021" if i % 3 else "2018",
        _FEATURES[:(i % len(_FEATURES)) + 1],
        ["crate-%d" % j for j in range(max(0, i - 6), i)],
        _MODULES[:(i % len(_MODULES)) + 1],
    )
    for i in range(1000)
]
