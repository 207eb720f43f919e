ECU_TABLE = [
    struct(name = "adcu", mcu = "tc397", cores = 6, rtos = "autosar_classic"),
    struct(name = "vcu", mcu = "s32k344", cores = 2, rtos = "freertos"),
    struct(name = "bcm", mcu = "rh850", cores = 1, rtos = "autosar_classic"),
    struct(name = "gateway", mcu = "s32g274", cores = 4, rtos = "linux"),
    struct(name = "epas", mcu = "tc387", cores = 4, rtos = "autosar_classic"),
    struct(name = "ibooster", mcu = "tc377", cores = 3, rtos = "autosar_classic"),
]

_BSW_CORE = ["com", "pdur", "canif", "cantp", "dcm", "dem", "nvm", "fee", "wdgm", "bswm", "ecum", "os", "rte", "xcp"]

MODULES = _BSW_CORE + ["swc_%s_%d" % (m, i) for m in _BSW_CORE for i in range(5)]

VARIANTS = ["eu_lhd", "eu_rhd", "us", "ca", "cn", "jp", "kr", "au", "in", "br"]

BUILD_TYPES = {"release": ["-O2", "-DNDEBUG"], "debug": ["-O0", "-g3"], "hil": ["-O1", "-DHIL_BUILD=1"]}
