# Android ABIs crossed with the NDK API levels we still ship prebuilt .so files for.

_ABI_INFO = [
    ("armeabi-v7a", "arm", 32),
    ("arm64-v8a", "arm", 64),
    ("x86", "x86", 32),
    ("x86_64", "x86", 64),
    ("riscv64", "riscv", 64),
    ("armeabi", "arm-legacy", 32),
    ("mips", "mips", 32),
    ("mips64", "mips", 64),
]

NDK_LEVELS = [21, 23, 24, 26, 28, 29, 30, 31, 33, 34]

ABIS = {
    "%s@android-%d" % (abi, level): struct(abi = abi, family = family, bits = bits, level = level)
    for abi, family, bits in _ABI_INFO
    for level in NDK_LEVELS
}
