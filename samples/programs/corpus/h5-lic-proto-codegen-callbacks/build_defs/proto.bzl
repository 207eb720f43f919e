load("//build_defs:proto_deps.bzl", "proto_import_flags")

def _cpp_codegen(name, src, deps):
    return struct(
        rule = genrule,
        name = "%s_%s_cpp" % (name, src.replace(".proto", "")),
        cmd = "$(exe //third-party/protobuf:protoc) --cpp_out=$OUT %s $SRCS" % proto_import_flags(deps),
        out = src.replace(".proto", ".pb.cc"),
    )

def _grpc_codegen(name, src, deps):
    return struct(
        rule = genrule,
        name = "%s_%s_grpc" % (name, src.replace(".proto", "")),
        cmd = "$(exe //third-party/grpc:grpc_cpp_plugin) --grpc_out=$OUT %s $SRCS" % proto_import_flags(deps),
        out = src.replace(".proto", ".grpc.pb.cc"),
    )

_CODEGEN = {
    "cpp": _cpp_codegen,
    "grpc": _grpc_codegen,
    "py": lambda name, src, deps: struct(
        rule = genrule,
        name = "%s_%s_py" % (name, src.replace(".proto", "")),
        cmd = "$(exe //third-party/protobuf:protoc) --python_out=$OUT %s $SRCS" % proto_import_flags(deps),
        out = src.replace(".proto", "_pb2.py"),
    ),
}

def _proto_library_impl(name, srcs, deps, languages):
    for src in srcs:
        for lang in languages:
            gen = _CODEGEN[lang](name, src, deps)
            gen.rule(
                name = gen.name,
                srcs = [src],
                cmd = gen.cmd,
                out = gen.out,
            )
    filegroup(name = name, srcs = srcs)

def proto_library(name, srcs, deps = [], languages = ["cpp", "py"]):
    for lang in languages:
        if lang not in _CODEGEN:
            fail("proto_library(%s): unknown language %s" % (name, lang))
    _proto_library_impl(name, srcs, deps, languages)
