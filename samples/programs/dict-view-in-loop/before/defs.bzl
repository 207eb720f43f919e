# One cxx_library per (variant, flavor), each depending on the libraries of its platform.

def platform_variants(name, deps_by_platform, variants, flavors):
    for variant in variants:
        for flavor in range(flavors):
            count = 0
            first = None
            # .items() builds a new list of (key, value) tuples on every pass of the hot loop.
            for platform, deps in deps_by_platform.items():
                if platform.startswith(variant):
                    count += len(deps)
                    if first == None:
                        first = deps[0]
            cxx_library(
                name = "{}_{}_{}".format(name, variant, flavor),
                deps = [first],
                dep_count = count,
            )
