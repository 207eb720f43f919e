BASE_FIRMWARE_ATTRS = {
    "linker_flags": ["-Wl,--gc-sections", "-nostartfiles"],
    "labels": ["firmware"],
    "preprocessor_flags": ["-DAUTOSAR_R22_11"],
}

ARCH_FLAGS = {
    "tricore": ["-mcpu=tc39xx", "-mtc162"],
    "cortex-m7": ["-mcpu=cortex-m7", "-mthumb", "-mfpu=fpv5-d16", "-mfloat-abi=hard"],
    "cortex-r52": ["-mcpu=cortex-r52", "-mthumb"],
    "rh850": ["-mcpu=g4mh", "-mv850e3v5"],
}
