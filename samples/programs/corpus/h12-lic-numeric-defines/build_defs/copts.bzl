load(":constants.bzl", "NUMERIC_CONSTANTS")

ARCH_FLAGS = ["-march=x86-64-v3", "-mfma", "-fno-math-errno", "-ffp-contract=fast"]

def numeric_defines():
    return ["-D{}={}".format(name, value) for name, value in NUMERIC_CONSTANTS]

def variant_copts(variant):
    if variant == "debug":
        return ["-O0", "-g"]
    if variant == "asan":
        return ["-O1", "-g", "-fsanitize=address"]
    if variant == "fastmath":
        return ["-O3", "-ffast-math"] + ARCH_FLAGS
    return ["-O2"] + ARCH_FLAGS
