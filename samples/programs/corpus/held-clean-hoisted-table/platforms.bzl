_PLATFORMS = ["linux-x86_64", "linux-aarch64", "macos-arm64", "windows-x86_64", "android-arm64", "ios-arm64"]

def _platform_flags(opt_levels):
    table = {}
    for platform in _PLATFORMS:
        for level in opt_levels:
            table["{}-O{}".format(platform, level)] = ["--target={}".format(platform), "-O{}".format(level)]
    return table

def per_platform_libraries(flavors, opt_levels):
    flags = _platform_flags(opt_levels)
    sources = glob(["src/*.cpp"])
    default_flags = flags["linux-x86_64-O{}".format(opt_levels[-1])]
    platform_flags = [(p, flags["{}-O{}".format(p, opt_levels[0])]) for p in _PLATFORMS]
    for flavor in flavors:
        for src in sources:
            stem = src.removeprefix("src/").removesuffix(".cpp")
            cxx_library(
                name = "{}_{}".format(stem, flavor),
                srcs = [src],
                compiler_flags = default_flags + ["-DFLAVOR_{}".format(flavor.upper())],
                platform_compiler_flags = platform_flags,
            )
