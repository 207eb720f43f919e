# Per-platform compiler flags, expanded from the platform list on every call.
_PLATFORMS = ["linux-x86_64", "linux-aarch64", "macos-x86_64", "macos-arm64", "windows-x86_64", "android-arm64"]
_WARNINGS = ["all", "extra", "shadow", "conversion", "sign-compare", "unused", "format=2", "null-dereference"]

def platform_copts(mode):
    copts = {}
    for platform in _PLATFORMS:
        flags = []
        for w in _WARNINGS:
            for level in range(12):
                flags.append("-W%s -D%s_LEVEL_%d=%s" % (w, platform.upper().replace("-", "_"), level, mode))
        copts[platform] = flags
    return copts
