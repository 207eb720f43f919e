_OS = ["linux", "macos", "windows", "android", "ios", "freebsd"]
_ARCH = ["x86_64", "aarch64", "armv7", "riscv64", "i686", "ppc64le"]
_LIBC = ["glibc", "musl", "bionic", "msvcrt", "darwin", "none"]
_SANITIZERS = ["none", "asan", "tsan", "ubsan", "msan", "hwasan"]
_MODES = ["dbg", "opt", "dev", "release", "profile", "coverage"]
_LTO = ["off", "thin", "full"]

def known_platforms():
    """Every platform triple the toolchain layer can be asked for, mapped to its constraint key."""
    return {
        "%s-%s-%s-%s-%s-%s" % (os, arch, libc, san, mode, lto): (os, arch, libc)
        for os in _OS
        for arch in _ARCH
        for libc in _LIBC
        for san in _SANITIZERS
        for mode in _MODES
        for lto in _LTO
    }

def platform_key(os, arch, libc, sanitizer, mode, lto):
    return "%s-%s-%s-%s-%s-%s" % (os, arch, libc, sanitizer, mode, lto)
