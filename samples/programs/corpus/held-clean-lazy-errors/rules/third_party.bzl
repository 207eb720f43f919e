load("//rules:checks.bzl", "check_license", "check_version")

def _crate_impl(crate):
    check_license(crate["name"], crate["license"])
    check_version(crate["name"], crate["version"])
    rust_library(
        name = crate["name"],
        srcs = ["vendor/{}-{}/src/lib.rs".format(crate["name"], crate["version"])],
        crate = crate["name"].replace("-", "_"),
        features = crate.get("features", []),
    )

def third_party_crates(crates):
    for crate in crates:
        _crate_impl(crate)
