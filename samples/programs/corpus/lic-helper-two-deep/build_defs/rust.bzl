# Rust crates with per-target rustc flags. Public macro -> _impl -> per-target helpers.

EDITIONS = ["2015", "2018", "2021", "2024"]
LINTS = ["clippy::{}".format(n) for n in ["all", "pedantic", "nursery", "cargo", "complexity", "perf"]]
TARGET_TRIPLES = [
    "x86_64-unknown-linux-gnu",
    "aarch64-unknown-linux-gnu",
    "x86_64-apple-darwin",
    "aarch64-apple-darwin",
    "x86_64-pc-windows-msvc",
]

def _default_rustc_flags(triples, lints):
    """Every lint flag for every triple and opt level, as a dict of lists."""
    flags = {}
    for triple in triples:
        for opt in range(40):
            flags["{}/{}".format(triple, opt)] = [
                "-Copt-level={}".format(opt % 4),
                "--target={}".format(triple),
            ] + ["-W{}".format(lint) for lint in lints]
    return flags

def _target_attrs(name, edition, features):
    # Recomputed for every crate although it depends on nothing crate-specific.
    defaults = _default_rustc_flags(TARGET_TRIPLES, LINTS)
    return {
        "name": name,
        "srcs": ["src/{}/lib.rs".format(name)],
        "edition": edition,
        "features": features,
        "rustc_flags": defaults["x86_64-unknown-linux-gnu/2"],
    }

def _rust_crates_impl(crates, edition, features):
    if edition not in EDITIONS:
        fail("unknown edition " + edition)
    for crate in crates:
        attrs = _target_attrs(crate, edition, features)
        rust_library(**attrs)

def rust_crates(crates, edition = "2021", features = []):
    _rust_crates_impl(crates, edition, features)
