load("//build_defs:proto_checks.bzl", "SPEC_CHECKS")

def proto_libraries(specs, checks = SPEC_CHECKS):
    for spec in specs:
        for field in sorted(checks):
            checks[field](spec)
        genrule(
            name = spec["name"],
            out = spec["name"] + ".pb",
            cmd = "protoc --descriptor_set_out=$OUT $(location {})".format(spec["src"]),
        )
