def perm_defines(gfx):
    fs = gfx["features"]
    out = {}
    for q, lvl in gfx["quality"]:
        row = []
        for m in range(1 << len(fs)):
            d = ["-DQUALITY=%d" % lvl]
            for i in range(len(fs)):
                if m & (1 << i):
                    d.append("-D%s=1" % fs[i])
            row.append(" ".join(d))
        out[q] = row
    return out

def shader_variant(name, src, stage, defines):
    genrule(
        name = name,
        srcs = [src],
        out = name + ".spv",
        cmd = "glslc -fshader-stage=%s %s $SRCS -o $OUT" % (stage, defines[0]),
    )
