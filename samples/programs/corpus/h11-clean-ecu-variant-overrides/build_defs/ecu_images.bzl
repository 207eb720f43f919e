load("//build_defs:ecu_defaults.bzl", "ARCH_FLAGS", "BASE_FIRMWARE_ATTRS")

def _compiler_flags(arch, variant):
    flags = list(ARCH_FLAGS[arch])
    flags.append("-O2" if variant.startswith("rel") else "-O0")
    return flags

def _module_srcs(ecu, variant):
    return ["ecu/{}/{}/{}.c".format(ecu.name, m, variant) for m in ecu.modules] + \
           ["ecu/{}/cfg/{}_{}_cfg.c".format(ecu.name, m, variant) for m in ecu.modules]

def ecu_images(ecus, variants):
    for ecu in ecus:
        if ecu.arch not in ARCH_FLAGS:
            fail("ECU {}: unsupported arch {}".format(ecu.name, ecu.arch))
        for variant in variants:
            attrs = dict(
                BASE_FIRMWARE_ATTRS,
                name = "{}_{}".format(ecu.name, variant),
                srcs = _module_srcs(ecu, variant),
                compiler_flags = _compiler_flags(ecu.arch, variant),
            )
            cxx_binary(**attrs)
