load("//build_defs:boardcfg.bzl", "CFG", "TC")

def _defs(cfg):
    r = []
    for k, v in cfg:
        if v == 0:
            continue
        r.append("-D%s=%d" % (k, v))
        r.append("-Wp,-MD,%s.d" % k.lower())
    return r

def cflags(tc):
    t = TC[tc]
    return t[1] + ["-ffunction-sections", "-fdata-sections", "-Os"] + _defs(CFG)
