TOOLCHAINS = ["clang-{}-{}".format(v, arch) for v in range(10, 18) for arch in ["x86_64", "aarch64", "riscv64", "armv7", "ppc64le"]] * 12

def check_toolchain(name, toolchain):
    message = (
        "cxx_binary '{}' asks for toolchain '{}', which is not registered.\n" +
        "Registered toolchains:\n  {}"
    ).format(name, toolchain, "\n  ".join(TOOLCHAINS))
    if toolchain not in TOOLCHAINS:
        fail(message)
