# Binaries per platform; an unknown platform fails with "did you mean" suggestions.

KNOWN_PLATFORMS = ["{}-{}".format(os, arch) for os in ["linux", "macos", "windows", "android", "ios", "freebsd"] for arch in ["x86_64", "aarch64", "armv7", "riscv64", "i686"]]

def _suggestions(platform):
    # Scores every known platform against the requested one.
    return {known: len([c for c in known.elems() if c in platform]) for known in KNOWN_PLATFORMS}

def platform_binaries(name, platforms):
    for i, platform in enumerate(platforms):
        scores = _suggestions(platform)
        if platform not in KNOWN_PLATFORMS:
            best = sorted(scores.items(), key = lambda kv: -kv[1])[0][0]
            fail("unknown platform {}; did you mean {}?".format(platform, best))
        cxx_binary(name = "{}_{}_{}".format(name, platform, i), srcs = ["main.cpp"])
