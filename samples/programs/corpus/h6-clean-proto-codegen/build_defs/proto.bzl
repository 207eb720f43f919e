load("//build_defs:codegen.bzl", "GENERATORS")

_LIB_RULE = {
    "java": java_library,
    "kotlin": java_library,
    "go": go_binary,
    "grpc-go": go_binary,
}

def _base_name(src):
    return src.removeprefix("proto/").removesuffix(".proto").replace("/", "_")

def shop_proto(name, srcs, langs, deps = [], visibility = ["PUBLIC"]):
    for src in srcs:
        if not src.endswith(".proto"):
            fail("shop_proto(%s): %s is not a .proto file" % (name, src))
    bases = [_base_name(src) for src in srcs]
    for lang in langs:
        gen = GENERATORS[lang]
        outs = []
        for src, base in zip(srcs, bases):
            spec = gen(src, base)
            target = "%s-%s-%s" % (name, lang, base)
            genrule(name = target, srcs = [src], out = spec.out, cmd = spec.cmd)
            outs.append(":" + target)
        _LIB_RULE[lang](
            name = "%s-%s" % (name, lang),
            srcs = outs,
            deps = ["%s-%s" % (d, lang) for d in deps],
            visibility = visibility,
        )
