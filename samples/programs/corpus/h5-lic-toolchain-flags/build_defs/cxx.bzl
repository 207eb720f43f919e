load("//build_defs:toolchain.bzl", "platform_compiler_flags")

_DEFAULT_PLATFORM = "linux-x86_64"

def _object_name(src):
    base = src.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[0]

def _per_file_flags(srcs, platform, sanitizer, opt_level, extra):
    """Buck's per-source compiler flags: (src, [flags]) pairs."""
    out = []
    for src in srcs:
        flags = platform_compiler_flags(platform, sanitizer, opt_level)
        if src.endswith(".c"):
            flags = [f for f in flags if not f.startswith("-std=")] + ["-std=c11"]
        extra_flags = extra.get(_object_name(src))
        if extra_flags:
            flags = flags + extra_flags
        out.append((src, flags))
    return out

def _cxx_module_impl(name, srcs, headers, deps, platform, sanitizer, opt_level, per_src_flags, visibility):
    file_flags = _per_file_flags(srcs, platform, sanitizer, opt_level, per_src_flags)
    cxx_library(
        name = name,
        srcs = file_flags,
        headers = headers,
        deps = deps,
        visibility = visibility,
    )

def cxx_module(name, srcs, headers = [], deps = [], sanitizer = None, opt_level = "2", per_src_flags = {}, visibility = ["PUBLIC"]):
    platform = read_config("cxx", "default_platform", _DEFAULT_PLATFORM)
    _cxx_module_impl(
        name = name,
        srcs = srcs,
        headers = headers,
        deps = deps,
        platform = platform,
        sanitizer = read_config("cxx", "sanitizer", sanitizer),
        opt_level = opt_level,
        per_src_flags = per_src_flags,
        visibility = visibility,
    )
