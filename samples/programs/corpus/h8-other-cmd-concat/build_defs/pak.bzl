def _entry(f, i):
    return " && pakadd --slot %d --align 16 $OUT %s" % (i, f)

def pak(name, files, compress = True):
    cmd = "pakinit $OUT"
    i = 0
    for f in files:
        if f.endswith(".tmp"):
            continue
        cmd += _entry(f, i)
        i += 1
    if compress:
        cmd += " && pakzip $OUT"
    genrule(name = name, srcs = files, out = name + ".pak", cmd = cmd)
