# One cxx_library per (variant, flavor), each depending on the libraries of its platform.

def platform_variants(name, deps_by_platform, variants, flavors):
    # The dict is not mutated in the loop: take its items once.
    platform_items = deps_by_platform.items()
    for variant in variants:
        for flavor in range(flavors):
            count = 0
            first = None
            for platform, deps in platform_items:
                if platform.startswith(variant):
                    count += len(deps)
                    if first == None:
                        first = deps[0]
            cxx_library(
                name = "{}_{}_{}".format(name, variant, flavor),
                deps = [first],
                dep_count = count,
            )
