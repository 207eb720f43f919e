load("//build_defs:diagnostics.bzl", "SUPPORTED_EXTENSIONS", "report", "source_diagnostic")

_BASE_FLAGS = {
    "android": ["--target=aarch64-linux-android29", "-fPIC", "-ffunction-sections", "-fdata-sections", "-DANDROID", "-fstack-protector-strong"],
    "ios": ["--target=arm64-apple-ios15.0", "-fobjc-arc", "-fmodules", "-DIOS", "-fembed-bitcode-marker"],
    "linux": ["--target=x86_64-unknown-linux-gnu", "-fPIC", "-DLINUX", "-fno-plt"],
    "windows": ["--target=x86_64-pc-windows-msvc", "-DWIN32", "-D_CRT_SECURE_NO_WARNINGS", "/EHsc"],
}

_CHECKS = {
    "extension": lambda src, platform: any([src.endswith(e) for e in SUPPORTED_EXTENSIONS[platform]]),
}

def _platform_sources(name, platform, srcs, copts):
    flags = _BASE_FLAGS[platform] + copts
    ok = []
    for src in srcs:
        diag = source_diagnostic(name, platform, src, flags)
        if not _CHECKS["extension"](src, platform):
            report(diag)
        ok.append(src)
    return ok

def _mobile_library_impl(name, srcs, platforms, copts, deps):
    for platform in platforms:
        cxx_library(
            name = "%s_%s" % (name, platform),
            srcs = _platform_sources(name, platform, srcs, copts),
            compiler_flags = _BASE_FLAGS[platform] + copts,
            deps = ["%s_%s" % (d, platform) for d in deps],
        )

def mobile_library(name, srcs, platforms = ["android", "ios", "linux"], copts = [], deps = []):
    _mobile_library_impl(name, srcs, platforms, copts, deps)
