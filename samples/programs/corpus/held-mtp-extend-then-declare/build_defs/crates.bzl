_FEATURE_SETS = [
    ("default", ["std"]),
    ("minimal", []),
    ("full", ["std", "serde", "async", "tracing"]),
]

_TARGETS = ["x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "aarch64-apple-darwin", "x86_64-pc-windows-msvc"]

def _expand(spec):
    out = []
    for variant, features in _FEATURE_SETS:
        for triple in _TARGETS:
            out.append({
                "name": "{}-{}-{}".format(spec["name"], variant, triple),
                "srcs": ["src/{}/lib.rs".format(spec["name"])],
                "features": features,
                "rustc_flags": ["--target={}".format(triple), "-Copt-level={}".format(spec.get("opt", 2))],
                "deps": [":{}-{}-{}".format(d, variant, triple) for d in spec.get("deps", [])],
            })
    return out

def _crate_matrix_impl(specs):
    all_targets = []
    for spec in specs:
        all_targets.extend(_expand(spec))
    for target in all_targets:
        rust_library(**target)

def crate_matrix(specs):
    _crate_matrix_impl(specs)
