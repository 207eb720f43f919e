# Loading-phase macros, each with one cause from the guide "Debugging Excess Starlark Peak Memory".

load("@shared_macros//:naming.bzl", "variant_name")

PLATFORMS = ["linux-x86_64", "linux-aarch64", "macos-arm64", "windows-x86_64"]

def platform_flag_table(platforms, opt_level):
    """Builds the full flag table for every platform (a big dict of lists)."""
    table = {}
    for platform in platforms:
        for level in range(150):
            key = "{}-{}".format(platform, level)
            table[key] = [
                "-O{}".format(opt_level),
                "-DPLATFORM_{}_{}".format(platform.upper().replace("-", "_"), level),
            ]
    return table

def cxx_libraries(names, opt_level):
    for name in names:
        # Same arguments on every pass: the table is rebuilt for every name.
        flags = platform_flag_table(PLATFORMS, opt_level)
        native.filegroup(
            name = name,
            srcs = [],
            # One tag per table entry, kept alive by the target: the memory profile sees them at dump.
            tags = ["{}:{}".format(name, key) for key in sorted(flags.keys())],
        )

def platform_variants(name, deps_by_platform, variants, flavors):
    for variant in variants:
        for flavor in range(flavors):
            count = 0
            matching = []
            # .items() builds a new list of (key, value) tuples on every pass of the hot loop.
            for platform, deps in deps_by_platform.items():
                if platform.startswith(variant):
                    count += len(deps)
                    matching.append(platform)
            native.filegroup(
                name = variant_name(name, variant, flavor),
                srcs = [],
                tags = matching + ["dep_count={}".format(count)],
            )
