def _expand(group):
    return [":{}_{}".format(group, k) for k in ["lib", "test", "bench"]]

def expanded_group(name, groups):
    result = []
    for g in groups:
        result = result + _expand(g)
    genrule(name = name, out = name + ".txt", cmd = "echo {}".format(len(result)), srcs = result)
