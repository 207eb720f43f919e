_COMPS = ["hal", "ll", "cmsis", "usb", "net", "fs", "rtos", "crypto", "dsp", "bt", "lcd", "audio"]
_SUB = ["", "inc", "inc/private", "port", "port/gcc", "cfg", "legacy", "ext"]

def sdk_incs(sdk):
    r = []
    for c in _COMPS:
        for s in _SUB:
            for lvl in ("", "/v1", "/v2"):
                r.append("-I%s/%s/%s%s" % (sdk, c, s, lvl))
    return r
