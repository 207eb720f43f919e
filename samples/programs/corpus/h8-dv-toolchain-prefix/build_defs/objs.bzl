load("//build_defs:toolchains.bzl", "tc_for")

def _cc(triple, src):
    tc = tc_for(triple)
    if tc == None:
        return None
    return "%s/bin/%sgcc -c %s" % (tc[0], tc[1], src)

def fw_objs(name, srcs):
    cmds = []
    for s, triple in srcs:
        c = _cc(triple, s)
        if c == None:
            continue
        cmds.append(c)
    genrule(name = name, srcs = [s for s, _ in srcs], out = name + ".a", cmd = " && ".join(cmds))
