_VARIANTS = (("debug", ["-O0", "-g3", "-DDEBUG=1"]), ("release", ["-Os", "-DNDEBUG"]), ("factory", ["-Os", "-DFACTORY_TEST=1"]))

def _attrs(b, cpu, ram, sdk, v, vf, srcs):
    return {
        "name": "fw_%s_%s" % (b, v),
        "srcs": srcs,
        "compiler_flags": ["-mcpu=" + cpu, "-DRAM_KB=%d" % ram] + vf,
        "include_directories": [sdk + "/include", "boards/" + b],
        "deps": ["//hal:" + cpu, "//rtos:kernel"],
        "labels": ["board:" + b, "variant:" + v],
    }

def board_matrix(boards, srcs):
    for b, t in boards.items():
        cpu, ram, sdk = t
        for v, vf in _VARIANTS:
            cxx_binary(**_attrs(b, cpu, ram, sdk, v, vf, srcs))
