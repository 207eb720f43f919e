load("//build_defs:proto_policy.bzl", "package_is_allowed")

_CODEGEN = {
    "java": lambda name, src: ("%s-java-%s" % (name, src.removesuffix(".proto")), "protoc --java_out=$OUT $SRCS"),
    "kotlin": lambda name, src: ("%s-kt-%s" % (name, src.removesuffix(".proto")), "protoc --kotlin_out=$OUT $SRCS"),
    "go": lambda name, src: ("%s-go-%s" % (name, src.removesuffix(".proto")), "protoc --go_out=$OUT $SRCS"),
}

def _package_of(proto):
    return proto.package

def api_protos(name, protos, langs, visibility = ["PUBLIC"]):
    outputs = []
    for proto in protos:
        if not package_is_allowed(_package_of(proto)):
            fail("api_protos(%s): package %s of %s is not allowed by API review policy" % (name, proto.package, proto.src))
        for lang in langs:
            target, cmd = _CODEGEN[lang](name, proto.src)
            genrule(name = target, srcs = [proto.src], out = target + ".srcjar", cmd = cmd)
            outputs.append(":" + target)
    filegroup(name = name, srcs = outputs, visibility = visibility)

def proto(src, package):
    return struct(src = src, package = package)
