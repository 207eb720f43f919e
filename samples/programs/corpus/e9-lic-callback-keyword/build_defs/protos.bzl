def _proto_target(name, src, lang, options):
    plugin_opts = [options["%s.grpc.unary.deadline" % lang], options["%s.validate.unary.auth" % lang]]
    genrule(
        name = name,
        srcs = [src],
        out = name + ".srcjar",
        cmd = "protoc %s --%s_out=$OUT $SRCS" % (" ".join(plugin_opts), lang),
    )
    return ":" + name

def _proto_targets(name, protos, lang, options_for):
    # One codegen target per .proto file.
    return [
        _proto_target("%s_%d" % (name, i), src, lang, options_for(lang))
        for i, src in enumerate(protos)
    ]

def proto_bundle(name, protos, lang, options_for = None):
    if not protos:
        fail("proto_bundle %s has no protos" % name)
    targets = _proto_targets(name, protos, lang, options_for = options_for)
    filegroup(name = name, srcs = targets)
