TOOLCHAINS = {
    "%s-%s" % (a, o): ("/opt/tc/%s-%s" % (a, o), "%s-%s-" % (a, o))
    for a in ("armv6m", "armv7m", "armv7em", "armv8m", "rv32imc", "rv32imac", "rv64gc", "xtensa", "mips32", "aarch64")
    for o in ("none-eabi", "none-eabihf", "elf", "linux-gnu", "zephyr", "freertos", "nuttx", "picolibc", "newlib", "llvm", "iar", "keil")
}

def tc_for(triple):
    for k, v in TOOLCHAINS.items():
        if triple.startswith(k):
            return v
    return None
