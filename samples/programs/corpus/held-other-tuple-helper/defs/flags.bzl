_LAYERS = ["base", "os", "arch", "sanitizer", "coverage", "lto"]

def collect_defines(target, count):
    defines = ()
    for layer in _LAYERS:
        for n in range(count):
            defines = defines + ("-D{}_{}_{}=1".format(target.upper(), layer.upper(), n),)
    return defines
