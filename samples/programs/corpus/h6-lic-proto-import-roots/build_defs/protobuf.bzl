load("//build_defs:proto_paths.bzl", "import_roots")

_LANG_PLUGINS = {
    "java": struct(flag = "--java_out", suffix = ".srcjar", rule = java_library),
    "go": struct(flag = "--go_out", suffix = ".pb.go", rule = go_binary),
    "grpc-java": struct(flag = "--grpc-java_out", suffix = "-grpc.srcjar", rule = java_library),
}

def _relative_to_root(src, roots):
    for root in roots:
        if src.startswith(root) and src[len(root):len(root) + 1] == "/":
            return src[len(root) + 1:]
    return src

def _protoc_cmd(rel_src, plugin, paths_target):
    return "protoc @$(location {paths}) {flag}=$OUT {src}".format(
        paths = paths_target,
        flag = plugin.flag,
        src = rel_src,
    )

def _gen_rules(name, srcs, plugin, extra_roots, paths_target):
    cmds = [_protoc_cmd(_relative_to_root(src, import_roots(extra_roots)), plugin, paths_target) for src in srcs]
    outs = []
    for src, cmd in zip(srcs, cmds):
        gen = "%s_%s" % (name, src.replace("/", "_").removesuffix(".proto"))
        genrule(name = gen, srcs = [src], out = gen + plugin.suffix, cmd = cmd)
        outs.append(":" + gen)
    return outs

def proto_library(name, srcs, langs = ["java"], extra_roots = [], deps = []):
    paths_target = name + "_proto_paths"
    genrule(
        name = paths_target,
        out = "proto_paths.args",
        cmd = "echo '%s' > $OUT" % "\n".join(["--proto_path=" + r for r in import_roots(extra_roots)]),
    )
    for lang in langs:
        plugin = _LANG_PLUGINS[lang]
        lang_id = lang.replace("-", "_")
        outs = _gen_rules("%s_%s" % (name, lang_id), srcs, plugin, extra_roots, ":" + paths_target)
        plugin.rule(name = "%s_%s_lib" % (name, lang_id), srcs = outs, deps = deps)
