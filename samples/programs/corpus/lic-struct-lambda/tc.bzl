GOOS = ["linux", "darwin", "windows", "freebsd", "openbsd", "netbsd"]
GOARCH = ["amd64", "arm64", "386", "arm", "riscv64", "ppc64le", "s390x"]

def _ldflags_table():
    return {
        "{}_{}".format(os, arch): ["-X main.os={}".format(os), "-X main.arch={}".format(arch), "-s", "-w", "-extldflags=-static"]
        for os in GOOS
        for arch in GOARCH
    }

TOOLCHAIN = struct(name = "go1.22", ldflags = _ldflags_table, sdk = "//toolchains:go")

def go_services(toolchain, services):
    for svc in services:
        go_binary(name = svc, srcs = [svc + "/main.go"], ldflags = toolchain.ldflags()["linux_amd64"])
