# Protobuf message libraries.

def message_target(package, i):
    name = "{}_msg_{}".format(package, i)
    return struct(
        name = name,
        srcs = ["proto/{}/{}.proto".format(package, name), "gen/{}_pb2.py".format(name), "gen/{}_pb2.pyi".format(name)],
        deps = ["//proto/{}:msg_{}".format(package, i // 10), "//third-party:protobuf"],
        options = {"optimize_for": "SPEED", "java_package": "com.example.{}.m{}".format(package, i)},
    )
