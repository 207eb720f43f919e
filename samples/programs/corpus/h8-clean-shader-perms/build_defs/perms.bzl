def _combos(fs):
    out = [[]]
    for f in fs:
        out = out + [c + [f] for c in out]
    return out

def shader_perms(name, src, stage, feats):
    outs = []
    for c in _combos(feats):
        tag = "_".join(c) if c else "base"
        n = "%s_%s" % (name, tag.lower())
        genrule(
            name = n,
            srcs = [src],
            out = n + ".spv",
            cmd = "glslc -fshader-stage=%s %s $SRCS -o $OUT" % (stage, " ".join(["-D%s=1" % f for f in c])),
        )
        outs.append(":" + n)
    filegroup(name = name, srcs = outs)
