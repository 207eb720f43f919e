# Cross-compilation matrix for Go services.

GOOS = ["linux", "darwin", "windows", "freebsd", "android", "ios"]
GOARCH = ["amd64", "arm64", "386", "arm", "riscv64", "ppc64le", "s390x"]
CGO_MODES = [True, False]

_UNSUPPORTED = {
    ("ios", "amd64"): True,
    ("ios", "386"): True,
    ("windows", "s390x"): True,
    ("darwin", "386"): True,
}

def _platform(goos, goarch, cgo):
    return struct(
        goos = goos,
        goarch = goarch,
        cgo = cgo,
        label = "//platforms:{}_{}{}".format(goos, goarch, "_cgo" if cgo else ""),
        env = ["GOOS=" + goos, "GOARCH=" + goarch, "CGO_ENABLED=%d" % (1 if cgo else 0)],
        supported = (goos, goarch) not in _UNSUPPORTED,
    )

def platform_matrix(os_list, arch_list):
    return [_platform(o, a, c) for o in os_list for a in arch_list for c in CGO_MODES]
