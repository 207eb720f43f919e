# Vehicle platforms supported by the driver stack.
PLATFORMS = {
    "atlas_v2": struct(soc = "orin", arch = "aarch64", can_buses = 4, vendor_sdk = "nv_drive_6"),
    "atlas_v3": struct(soc = "thor", arch = "aarch64", can_buses = 6, vendor_sdk = "nv_drive_7"),
    "shuttle": struct(soc = "x86_ipc", arch = "x86_64", can_buses = 2, vendor_sdk = "generic"),
    "yard_tractor": struct(soc = "tda4", arch = "aarch64", can_buses = 3, vendor_sdk = "ti_psdk"),
}

VENDOR_TREE = {
    sdk: ["%s/lib%d" % (sdk, i) for i in range(24)]
    for sdk in ["nv_drive_6", "nv_drive_7", "generic", "ti_psdk"]
}

def platform_info(platform):
    if platform not in PLATFORMS:
        fail("unknown vehicle platform '{}'; known: {}".format(platform, ", ".join(sorted(PLATFORMS))))
    return PLATFORMS[platform]
