load("//build_defs:kotlin_flags.bzl", "android_flags", "jvm_flags", "mpp_flags")

FLAG_BUILDERS = {
    "jvm": lambda cfg: jvm_flags(cfg),
    "android": lambda cfg: android_flags(cfg),
    "multiplatform": lambda cfg: mpp_flags(cfg),
}

def _kotlin_config(platform, jvm_target, warnings_as_errors):
    return struct(
        platform = platform,
        jvm_target = jvm_target,
        werror = warnings_as_errors,
    )

def _unit_name(src):
    return src.rsplit("/", 1)[-1].removesuffix(".kt")

def _compile_units(srcs, cfg):
    units = []
    for src in srcs:
        flags = FLAG_BUILDERS[cfg.platform](cfg)
        units.append(struct(
            name = _unit_name(src),
            src = src,
            flag_count = len(flags),
        ))
    return units

def _kotlin_library_impl(name, srcs, deps, cfg, visibility):
    units = _compile_units(srcs, cfg)
    extra = ["-Werror"] if cfg.werror else []
    java_library(
        name = name,
        srcs = [u.src for u in units],
        deps = deps,
        extra_arguments = extra + ["--units=%d" % len(units)],
        visibility = visibility,
    )

def kotlin_library(name, srcs, deps = [], platform = "jvm", jvm_target = "17", warnings_as_errors = True, visibility = ["PUBLIC"]):
    if platform not in FLAG_BUILDERS:
        fail("kotlin_library(%s): unknown platform %s" % (name, platform))
    cfg = _kotlin_config(platform, jvm_target, warnings_as_errors)
    _kotlin_library_impl(name, srcs, deps, cfg, visibility)
