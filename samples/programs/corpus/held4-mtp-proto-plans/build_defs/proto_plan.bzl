_LANG_SUFFIX = {"cpp": ".pb.cc", "py": "_pb2.py", "java": ".java"}

def plan_proto(proto, langs):
    base = proto.rpartition(".")[0]
    outs = [base + _LANG_SUFFIX[lang] for lang in langs]
    cmd = "protoc -I. {} {} && touch {}".format(
        " ".join(["--{}_out=$OUT".format(lang) for lang in langs]),
        proto,
        " ".join(outs),
    )
    return struct(
        name = base.replace("/", "_"),
        srcs = [proto],
        outs = outs,
        cmd = cmd,
        labels = ["proto", "generated", base],
    )

def plan_all(protos, langs):
    return [plan_proto(p, langs) for p in protos]
