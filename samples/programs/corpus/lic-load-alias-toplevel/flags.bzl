PLATFORMS = ["linux-x86_64", "linux-aarch64", "macos-arm64", "windows-x86_64", "android-arm64"]

def platform_flag_table(platforms):
    table = {}
    for platform in platforms:
        for level in range(120):
            table["{}/{}".format(platform, level)] = ["-O{}".format(level % 4), "-DTARGET_{}".format(platform.upper().replace("-", "_"))]
    return table
