load("//build_defs:crate_policy.bzl", "validate_crate")

_MODULES = ["lib", "error", "types", "util", "de", "ser", "io", "sync", "macros", "tests/smoke"]

def _crate_target(crate):
    base = crate.name.replace("-", "_")
    root = "vendor/%s-%s" % (crate.name, crate.version)
    rust_library(
        name = base,
        crate = base,
        srcs = [root + "/src/" + module + ".rs" for module in _MODULES],
        edition = crate.edition,
        features = crate.features,
        rustc_flags = ["--cap-lints=allow", "--cfg=vendored"],
        labels = ["third-party", "license:" + crate.license.replace(" ", "_")],
        visibility = ["PUBLIC"],
    )
    genrule(
        name = base + "_license",
        srcs = [root + "/LICENSE", root + "/Cargo.toml"],
        out = base + ".license.json",
        cmd = "$(exe //tools/licenses:crate_notice) --name {} --version {} --license '{}' --manifest $(location {}/Cargo.toml) --out $OUT".format(
            crate.name,
            crate.version,
            crate.license,
            root,
        ),
    )
    return ":" + base + "_license"

def vendored_crates(name, crates):
    """A rust_library and a license-notice genrule for every vendored crate."""
    for crate in crates:
        validate_crate(crate)
    notices = [_crate_target(crate) for crate in crates]
    filegroup(name = name, srcs = notices)
