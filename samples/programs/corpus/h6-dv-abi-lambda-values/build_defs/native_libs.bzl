load("//build_defs:abis.bzl", "ABIS")

_SELECT = {
    "arm": lambda min_level: [a for a in ABIS.values() if a.family == "arm" and a.level >= min_level],
    "x86": lambda min_level: [a for a in ABIS.values() if a.family == "x86" and a.level >= min_level],
    "riscv": lambda min_level: [a for a in ABIS.values() if a.family == "riscv" and a.level >= min_level],
}

def _lowest(abis):
    best = None
    for a in abis:
        if best == None or a.level < best.level:
            best = a
    return best

def _prebuilt_paths(name, libs, families, min_level):
    paths = []
    for lib in libs:
        for family in families:
            chosen = _lowest(_SELECT[family](max(lib.min_level, min_level)))
            if chosen != None:
                paths.append("jniLibs/%s/lib%s.so" % (chosen.abi, lib.name))
    return paths

def native_lib(name, min_level = 21):
    return struct(name = name, min_level = min_level)

def android_native_libs(name, libs, families = ["arm", "x86"], min_level = 21, visibility = ["PUBLIC"]):
    filegroup(
        name = name,
        srcs = _prebuilt_paths(name, libs, families, min_level),
        visibility = visibility,
    )
