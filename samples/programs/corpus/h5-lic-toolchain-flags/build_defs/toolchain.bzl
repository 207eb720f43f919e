# Toolchain flag tables shared by every C++ macro in the repo.

_WARNINGS = [
    "-Wall",
    "-Wextra",
    "-Werror=return-type",
    "-Wno-unused-parameter",
    "-Wno-missing-field-initializers",
    "-Wshadow-uncaptured-local",
    "-Wimplicit-fallthrough",
    "-Wno-deprecated-declarations",
]

_PLATFORM_DEFINES = {
    "linux-x86_64": ["__LINUX__", "ARCH_X86_64", "HAVE_EPOLL", "HAVE_MEMFD"],
    "linux-aarch64": ["__LINUX__", "ARCH_AARCH64", "HAVE_EPOLL"],
    "macos-arm64": ["__APPLE__", "ARCH_ARM64", "HAVE_KQUEUE"],
    "windows-x86_64": ["_WIN32", "ARCH_X86_64", "WIN32_LEAN_AND_MEAN", "NOMINMAX"],
}

_SANITIZER_FLAGS = {
    "asan": ["-fsanitize=address", "-fno-omit-frame-pointer"],
    "tsan": ["-fsanitize=thread"],
    "ubsan": ["-fsanitize=undefined", "-fno-sanitize-recover=all"],
}

# Third-party include roots, one -isystem per vendored library.
_VENDORED = ["abseil", "boost", "fmt", "folly", "glog", "gflags", "grpc", "protobuf", "re2",
             "snappy", "zstd", "lz4", "openssl", "curl", "sqlite", "libevent", "double-conversion",
             "jemalloc", "tbb", "eigen", "gtest", "benchmark", "rapidjson", "yaml-cpp"]

def platform_compiler_flags(platform, sanitizer, opt_level):
    """Every compiler flag the toolchain adds for one platform variant."""
    flags = ["-std=c++20", "-O%s" % opt_level]
    flags.extend(_WARNINGS)
    flags.extend(["-D%s=1" % d for d in _PLATFORM_DEFINES.get(platform, [])])
    flags.extend(_SANITIZER_FLAGS.get(sanitizer, []))
    for lib in _VENDORED:
        for sub in ["include", "include/%s" % lib, "src", "gen"]:
            flags.append("-isystem")
            flags.append("third-party/%s/%s/%s" % (lib, platform, sub))
    flags.append("-fdebug-prefix-map=%s=." % platform)
    return flags
