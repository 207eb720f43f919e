KNOWN_LIBS = ["%s_%s" % (a, b) for a in ("hal", "drv", "mw", "app", "sys", "net", "gfx", "snd") for b in ("core", "util", "io", "dma", "irq", "log", "cfg", "mem", "fs", "rt", "pm", "test")] + ["lib%d" % i for i in range(300)]
KNOWN_SET = {k: True for k in KNOWN_LIBS}

def suggest(d):
    return sorted([k for k in KNOWN_LIBS if k[:2] == d[:2]] + KNOWN_LIBS[:8])[:3]
