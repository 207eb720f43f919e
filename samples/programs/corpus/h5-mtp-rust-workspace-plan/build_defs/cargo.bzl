# Turns a vendored Cargo workspace (as exported by reindeer-like tooling) into rust_library targets.

_TARGET_TRIPLES = ["x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "aarch64-apple-darwin", "x86_64-pc-windows-msvc"]
_COMMON_RUSTC_FLAGS = ["--cap-lints=allow"] + ["--cfg=target_triple=\"%s\"" % t for t in _TARGET_TRIPLES]

def _crate_env(crate):
    env = {
        "CARGO_PKG_NAME": crate.name,
        "CARGO_PKG_VERSION": crate.version,
        "CARGO_CRATE_NAME": crate.name.replace("-", "_"),
        "CARGO_MANIFEST_DIR": "third-party/rust/vendor/%s-%s" % (crate.name, crate.version),
    }
    major, minor, patch = crate.version.split(".")
    env["CARGO_PKG_VERSION_MAJOR"] = major
    env["CARGO_PKG_VERSION_MINOR"] = minor
    env["CARGO_PKG_VERSION_PATCH"] = patch
    return env

def _plan_crate(crate):
    vendor_dir = "vendor/%s-%s" % (crate.name, crate.version)
    return {
        "name": crate.name,
        "srcs": ["%s/src/%s.rs" % (vendor_dir, m) for m in crate.modules],
        "crate_root": vendor_dir + "/src/lib.rs",
        "edition": crate.edition,
        "features": sorted(crate.features),
        "rustc_flags": ["--cfg=feature=\"%s\"" % f for f in crate.features] + _COMMON_RUSTC_FLAGS,
        "env": _crate_env(crate),
        "deps": [":" + d for d in crate.deps],
        "licenses": ["%s/LICENSE-%s" % (vendor_dir, l) for l in crate.licenses],
        "visibility": ["PUBLIC"],
    }

def _vendored_workspace_impl(crates):
    plans = []
    for crate in crates:
        plans.append(_plan_crate(crate))
    for plan in plans:
        rust_library(**plan)

def vendored_workspace(lockfile_crates):
    crates = [
        struct(
            name = c[0],
            version = c[1],
            edition = c[2],
            features = c[3],
            deps = c[4],
            modules = c[5],
            licenses = ["MIT", "APACHE"],
        )
        for c in lockfile_crates
    ]
    _vendored_workspace_impl(crates)
