# Generated proto libraries, declared as they are generated: nothing is kept between iterations.

LANGS = struct(py = "_pb2.py", pyi = "_pb2.pyi", grpc = "_pb2_grpc.py")

def _declare(package, i):
    name = "{}_proto_{}".format(package, i)
    python_library(
        name = name,
        srcs = ["gen/{}{}".format(name, LANGS.py), "gen/{}{}".format(name, LANGS.pyi), "gen/{}{}".format(name, LANGS.grpc)],
        deps = ["//third-party:protobuf", "//third-party:grpcio"] + ([":{}_proto_{}".format(package, i - 1)] if i > 0 else []),
        labels = ["proto", "package:" + package],
    )

def proto_libraries(package, count):
    for i in range(count):
        _declare(package, i)
