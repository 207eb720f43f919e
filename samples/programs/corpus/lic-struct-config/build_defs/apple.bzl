# Apple frameworks with per-SDK settings from a select-like dict of configs.

SDKS = ["iphoneos", "iphonesimulator", "macosx", "appletvos", "watchos", "xros"]
ARCHS = ["arm64", "arm64e", "x86_64"]

def _sdk_settings(sdks, archs, min_os):
    settings = {}
    for sdk in sdks:
        for arch in archs:
            settings["config//sdk:{}-{}".format(sdk, arch)] = struct(
                flags = ["-target", "{}-apple-{}{}".format(arch, sdk, min_os), "-fobjc-arc", "-fmodules"],
                defines = ["SDK_{}=1".format(sdk.upper()), "ARCH_{}=1".format(arch.upper())],
                linker_flags = ["-framework", "Foundation", "-framework", "UIKit", "-ObjC"],
                resources = ["{}/{}/{}.bundle".format(sdk, arch, i) for i in range(20)],
            )
    return settings

def _framework(name, settings):
    cxx_library(
        name = name,
        srcs = ["{}/{}.m".format(name, name)],
        compiler_flags = settings["config//sdk:iphoneos-arm64"].flags,
    )

def apple_frameworks(names, min_os):
    for name in names:
        # A struct per (sdk, arch) is built for every framework from arguments that never change.
        config = struct(settings = _sdk_settings(SDKS, ARCHS, min_os), min_os = min_os)
        _framework(name, config.settings)
