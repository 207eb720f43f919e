# Benchmark binaries, one per codec parameter set.

def _variants(base, count):
    return [
        {
            "name": "%s_v%d" % (base, i),
            "flags": ["-DVARIANT=%d" % i, "-DBLOCK=%d" % (64 << (i % 4)), "-O2"],
            "srcs": ["%s.c" % base, "params_%d.c" % (i % 16)],
        }
        for i in range(count)
    ]

def _register(variants, visibility):
    for v in variants:
        cxx_binary(name = v["name"], compiler_flags = v["flags"], srcs = v["srcs"], visibility = visibility)

def variant_binaries(base, count = 100):
    _register(variants = _variants(base, count), visibility = ["PUBLIC"])
