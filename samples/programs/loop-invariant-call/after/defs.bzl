# Shared C++ macro: one cxx_library per name, with per-platform compiler flags.

PLATFORMS = ["linux-x86_64", "linux-aarch64", "macos-arm64", "windows-x86_64"]

def platform_flag_table(platforms, opt_level):
    """Builds the full flag table for every platform (a big dict of lists)."""
    table = {}
    for platform in platforms:
        for level in range(150):
            key = "{}-{}".format(platform, level)
            table[key] = [
                "-O{}".format(opt_level),
                "-DPLATFORM_{}_{}".format(platform.upper().replace("-", "_"), level),
            ]
    return table

def cxx_libraries(names, opt_level):
    # The arguments do not change inside the loop: build the table once.
    flags = platform_flag_table(PLATFORMS, opt_level)
    for name in names:
        cxx_library(
            name = name,
            srcs = [name + ".cpp"],
            compiler_flags = flags["linux-x86_64-0"],
        )
