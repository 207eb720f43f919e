_MODE_FLAGS = {
    "dev": ["-O0", "-g"],
    "opt": ["-O2", "-DNDEBUG"],
}

def _target_attrs(name, idx, mode_flags):
    return {
        "name": name,
        "srcs": ["src/{}/{}_{}.cc".format(name, name, j) for j in range(8)],
        "headers": ["include/{}/{}.h".format(name, name)],
        "compiler_flags": mode_flags + ["-DUNIT_INDEX={}".format(idx)],
        "labels": ["generated", "shard_{}".format(idx % 16)],
    }

def cc_units(names, mode = "dev"):
    mode_flags = _MODE_FLAGS[mode]
    for idx, name in enumerate(names):
        cxx_library(**_target_attrs(name, idx, mode_flags))
