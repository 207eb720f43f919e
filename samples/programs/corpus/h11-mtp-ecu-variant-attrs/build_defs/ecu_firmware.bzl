load("//build_defs:ecu_table.bzl", "BUILD_TYPES", "ECU_TABLE", "MODULES", "VARIANTS")

def _bsw_sources(ecu, variant):
    return ["bsw/{}/{}_{}.c".format(m, m, variant) for m in MODULES] + [
        "ecu/{}/cfg/{}_{}_PBcfg.c".format(ecu.name, m, variant)
        for m in MODULES
    ]

def _firmware_attrs(ecu, variant, build_type, flags):
    srcs = _bsw_sources(ecu, variant)
    return {
        "name": "{}_{}_{}".format(ecu.name, variant, build_type),
        "srcs": srcs,
        "compiler_flags": flags + ["-mcpu=" + ecu.mcu, "-DCORES=%d" % ecu.cores, "-DVARIANT_" + variant.upper()],
        "linker_flags": ["-T", "ecu/{}/link_{}.ld".format(ecu.name, build_type)],
        "labels": ["ecu:" + ecu.name, "rtos:" + ecu.rtos, "variant:" + variant],
    }

def firmware_matrix(name, extra_flags = []):
    all_images = [
        _firmware_attrs(ecu, variant, bt, BUILD_TYPES[bt] + extra_flags)
        for ecu in ECU_TABLE
        for variant in VARIANTS
        for bt in BUILD_TYPES
    ]
    for attrs in all_images:
        cxx_binary(**attrs)
    filegroup(name = name, srcs = [":" + a["name"] for a in all_images])
