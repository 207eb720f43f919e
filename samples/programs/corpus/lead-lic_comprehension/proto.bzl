# One C++ library per .proto file, with include paths for every well-known proto root.

WELL_KNOWN_ROOTS = ["google/protobuf", "google/api", "google/rpc", "grpc/health", "envoy/config"]

def _include_flags(roots):
    flags = []
    for root in roots:
        for depth in range(120):
            flags.append("-I{}/{}".format(root, "/".join(["sub"] * (depth % 6))))
    return flags

def proto_libraries(protos):
    libs = [
        struct(name = p.replace("/", "_").replace(".proto", ""), src = p, flags = _include_flags(WELL_KNOWN_ROOTS))
        for p in protos
    ]
    for lib in libs:
        cxx_library(name = lib.name, srcs = [lib.src], compiler_flags = lib.flags[:2])
