load("//build_defs:proto_registry.bzl", "known_packages")

def _package_set():
    return {p: None for p in known_packages("acme")}

def _check_package(spec):
    known = _package_set()
    if spec["package"] not in known:
        fail("proto {} declares package {}, which the registry does not know".format(spec["name"], spec["package"]))

def _check_name(spec):
    if not spec["name"].endswith("_proto"):
        fail("proto target names end with _proto: " + spec["name"])

SPEC_CHECKS = {
    "name": _check_name,
    "package": _check_package,
}
