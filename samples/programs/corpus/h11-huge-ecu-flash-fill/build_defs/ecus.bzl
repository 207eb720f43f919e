ECUS = {
    "adcu": struct(mcu = "tc397", flash_kb = 1536, bootloader_kb = 64, can_ids = [0x100, 0x101, 0x1A0]),
    "vcu": struct(mcu = "s32k344", flash_kb = 1024, bootloader_kb = 32, can_ids = [0x200, 0x201]),
    "bcm": struct(mcu = "rh850_f1kh", flash_kb = 768, bootloader_kb = 32, can_ids = [0x300]),
    "gateway": struct(mcu = "s32g274", flash_kb = 2048, bootloader_kb = 128, can_ids = [0x7DF, 0x7E0]),
}

def ecu_spec(ecu):
    spec = ECUS.get(ecu)
    if spec == None:
        fail("no ECU named %s; add it to ECUS in build_defs/ecus.bzl" % ecu)
    return spec
