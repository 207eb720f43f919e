load("//build_defs:platforms.bzl", "known_platforms", "platform_key")

def _variant_name(base, key):
    return "%s__%s" % (base, key.replace("-", "_"))

def _variant_flags(os, arch, sanitizer, mode):
    flags = ["-march=%s" % ("armv8-a" if arch == "aarch64" else "x86-64-v2")]
    if sanitizer != "none":
        flags.append("-fsanitize=" + sanitizer)
    flags.append("-O0" if mode == "dbg" else "-O2")
    if os == "windows":
        flags.append("/EHsc")
    return flags

def _multi_platform_library_impl(name, srcs, headers, deps, variants):
    table = known_platforms()
    for v in variants:
        key = platform_key(v["os"], v["arch"], v["libc"], v.get("sanitizer", "none"), v.get("mode", "opt"), v.get("lto", "off"))
        if key not in table:
            fail("%s: platform %s is not supported by the toolchain" % (name, key))
        cxx_library(
            name = _variant_name(name, key),
            srcs = srcs,
            headers = headers,
            deps = [d + "__" + key.replace("-", "_") for d in deps],
            compiler_flags = _variant_flags(v["os"], v["arch"], v.get("sanitizer", "none"), v.get("mode", "opt")),
            platform = table[key],
        )
    filegroup(name = name, srcs = [":" + _variant_name(name, platform_key(v["os"], v["arch"], v["libc"], v.get("sanitizer", "none"), v.get("mode", "opt"), v.get("lto", "off"))) for v in variants])

def multi_platform_library(name, srcs, headers = [], deps = [], variants = []):
    if not variants:
        fail("%s: at least one platform variant is required" % name)
    _multi_platform_library_impl(name, srcs, headers, deps, variants)
