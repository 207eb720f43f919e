load("//build_defs:ecus.bzl", "ecu_spec")

def _app_region(spec, fill_byte):
    # Application region = flash minus bootloader, pre-filled so the linker script can size it.
    image = fill_byte * ((spec.flash_kb - spec.bootloader_kb) * 1024)
    return struct(size = len(image), fill = fill_byte)

def _linker_defines(spec, region):
    return [
        "-DAPP_REGION_SIZE=%d" % region.size,
        "-DBOOTLOADER_SIZE=%d" % (spec.bootloader_kb * 1024),
        "-DMCU_%s=1" % spec.mcu.upper(),
    ]

def ecu_firmware(name, ecu, srcs, fill_byte = "\xff", variants = ("release", "debug")):
    spec = ecu_spec(ecu)
    region = _app_region(spec, fill_byte)
    defines = _linker_defines(spec, region)
    for variant in variants:
        cxx_binary(
            name = "{}_{}".format(name, variant),
            srcs = srcs,
            compiler_flags = defines + (["-O2"] if variant == "release" else ["-O0", "-g"]),
        )
