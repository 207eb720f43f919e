load("//build_defs:asserts.bzl", "expect")

KNOWN_PACKAGES = ["com.example.pkg%d" % i for i in range(300)]

def _java_targets_impl(targets):
    for t in targets:
        expect(
            t["package"] in KNOWN_PACKAGES,
            "target {} declares unknown package {}; known packages are: {}".format(
                t["name"],
                t["package"],
                ", ".join(KNOWN_PACKAGES),
            ),
        )
        java_library(name = t["name"], srcs = t["srcs"])

def java_targets(targets):
    _java_targets_impl(targets)
