load(":resolve.bzl", "resolve_all")

def python_packages(modules, index, prefix = "//python/acme"):
    resolved = resolve_all(modules, index, prefix)
    for module in resolved:
        python_library(
            name = module.name,
            srcs = module.srcs,
            deps = module.deps,
            base_module = module.base_module,
        )
