# Libraries with per-platform flags: the table is built once, its items taken once.

PLATFORMS = ["linux-x86_64", "linux-aarch64", "macos-arm64", "windows-x86_64"]

def _flag_table(platforms, opt_level):
    table = {}
    for platform in platforms:
        for level in range(100):
            table["{}-{}".format(platform, level)] = ["-O{}".format(opt_level), "-DPLATFORM_LEVEL_{}".format(level)]
    return table

def flagged_libraries(names, opt_level):
    table = _flag_table(PLATFORMS, opt_level)
    linux_items = [(k, v) for k, v in table.items() if k.startswith("linux")]
    for name in names:
        first_key, first_flags = linux_items[len(name) % len(linux_items)]
        cxx_library(
            name = name,
            srcs = [name + ".cpp"],
            compiler_flags = first_flags,
            labels = ["flags:" + first_key],
        )
